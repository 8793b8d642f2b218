"""What the desktop app says before its window exists: a platform it cannot load."""

from __future__ import annotations

SENTENCES: dict[str, tuple[str, str]] = {
    "desktop.no_display": (
        "Recall Desk cannot open its window: there is no display ({platform} needs DISPLAY or "
        "WAYLAND_DISPLAY). Start it from a desktop session, or use the command line "
        "(recall-desk --help).",
        "召回助手无法打开窗口：没有可用的显示（{platform} 需要 DISPLAY 或 WAYLAND_DISPLAY）。"
        "请在桌面会话中启动，或使用命令行（recall-desk --help）。",
    ),
    "desktop.missing_libraries": (
        "Recall Desk cannot open its window: the system lacks {libraries}. Install them with "
        "“{debian}” (Debian/Ubuntu) or “{fedora}” (Fedora), then start it again.",
        "召回助手无法打开窗口：系统缺少 {libraries}。请用“{debian}”（Debian/Ubuntu）或"
        "“{fedora}”（Fedora）安装后再启动。",
    ),
}
