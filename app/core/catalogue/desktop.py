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
        "Recall Desk cannot open its window: the system lacks {libraries}. Install with "
        "“{debian}” (Debian/Ubuntu) or “{fedora}” (Fedora), then start it again.",
        "召回助手无法打开窗口：系统缺少 {libraries}。请用“{debian}”（Debian/Ubuntu）或"
        "“{fedora}”（Fedora）安装后再启动。",
    ),
    "desktop.many_libraries": (
        "{total} libraries ({libraries}, …)",
        "{total} 个库（{libraries} 等）",
    ),
    "desktop.unknown_library": (
        "Recall Desk cannot open its window: Qt needs {library}, which the system lacks. Install "
        "the package that provides it (find it with “apt-file search {library}” on Debian/Ubuntu "
        "or “dnf provides '*/{library}'” on Fedora), then start it again.",
        "召回助手无法打开窗口：Qt 需要 {library}，系统中没有。请安装提供它的软件包（Debian/Ubuntu "
        "用“apt-file search {library}”查找，Fedora 用“dnf provides '*/{library}'”），然后再启动。",
    ),
}
