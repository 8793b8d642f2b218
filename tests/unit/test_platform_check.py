"""Before Qt's GUI loads, the app says what keeps its window from opening (exit 2, no abort)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.platform_check import GUI_LIBRARIES, XCB_LIBRARIES, window_problem

ROOT = Path(__file__).resolve().parents[2]


def everything_loads(_name: str) -> bool:
    return True


def test_a_desktop_with_a_display_and_the_libraries_is_fine() -> None:
    assert window_problem({"DISPLAY": ":0"}, "linux", everything_loads) is None
    only_qtgui = {"QT_QPA_PLATFORM": "offscreen"}
    assert window_problem(only_qtgui, "linux", lambda name: name in GUI_LIBRARIES) is None
    assert window_problem({}, "win32", lambda _n: False) is None


def test_no_display_is_named() -> None:
    problem = window_problem({"QT_QPA_PLATFORM": "xcb"}, "linux", everything_loads)
    assert problem is not None and problem.key == "desktop.no_display"
    # Qt falls back from Wayland to X11: a Wayland session without the socket but with X is fine.
    assert (
        window_problem(
            {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}, "linux", everything_loads
        )
        is None
    )


def test_missing_xcb_libraries_are_named_with_their_packages() -> None:
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0"}
    problem = window_problem({"DISPLAY": ":0"}, "linux", lambda name: name not in absent)
    assert problem is not None and problem.key == "desktop.missing_libraries"
    assert set(problem.params["libraries"].split(", ")) == absent
    assert problem.params["debian"] == (
        "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    )
    assert problem.params["fedora"] == (
        "sudo dnf install xcb-util-cursor xcb-util-keysyms xcb-util-wm"
    )


def test_every_library_the_xcb_plugin_links_is_checked() -> None:
    """ldd of PySide6's xcb plugin: each system library it needs is in the check's list."""
    import shutil

    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not sys.platform.startswith("linux") or not plugin.exists() or not shutil.which("ldd"):
        pytest.skip("not Linux with ldd and PySide6's xcb plugin")
    listed = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True)
    needed = {line.split()[0] for line in listed.stdout.splitlines() if "xcb" in line}
    assert needed <= set(XCB_LIBRARIES)


def run_gui(
    env: dict[str, str], code: str = "from app.__main__ import main; raise SystemExit(main([]))"
):
    return subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_window_without_a_display_exits_2_with_one_sentence(isolated_home) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT), LANG="zh_CN.UTF-8")
    done = run_gui(env)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "没有可用的显示" in lines[0]


def test_a_missing_library_exits_2_naming_its_package(isolated_home) -> None:
    env = dict(os.environ, DISPLAY=":0", QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    code = (
        "import app.ui.platform_check as check\n"
        "check.XCB_LIBRARIES['libxcb-absent.so.9'] = ('libxcb-absent9', 'xcb-util-absent')\n"
        "from app.__main__ import main\n"
        "raise SystemExit(main([]))\n"
    )
    done = run_gui(env, code)
    assert done.returncode == 2, done.stderr
    assert "libxcb-absent.so.9" in done.stderr and "sudo apt install libxcb-absent9" in done.stderr
