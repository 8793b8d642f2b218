"""Before Qt's GUI loads, the app says what keeps its window from opening (exit 2, no abort)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.ui.platform_check import (
    GUI_LIBRARIES,
    WAYLAND_LIBRARIES,
    XCB_LIBRARIES,
    import_problem,
    window_problem,
)

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


def test_with_a_display_every_missing_library_is_named_in_one_command() -> None:
    """A bare Debian lacks QtGui's libraries and the plugin's: one sentence names them all, so a
    second start does not bring a second list."""
    problem = window_problem({"DISPLAY": ":0"}, "linux", lambda _name: False)
    assert problem is not None and problem.key == "desktop.missing_libraries"
    assert set(problem.params["libraries"].split(", ")) == set(GUI_LIBRARIES) | set(XCB_LIBRARIES)
    apt = problem.params["debian"].split()
    assert {"libdbus-1-3", "libglib2.0-0", "libegl1", "libxcb-icccm4"} <= set(apt)
    assert len(apt) == len(set(apt))  # libglib2.0-0 provides two of them: named once
    # Without a display the libraries cannot help yet: that is what is named.
    problem = window_problem({}, "linux", lambda _name: False)
    assert problem is not None and problem.key == "desktop.no_display"
    # The offscreen platform needs QtGui's libraries only.
    problem = window_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", lambda n: "dbus" not in n)
    assert problem is not None and problem.params["libraries"] == "libdbus-1.so.3"


# The C and C++ runtime and the compression libraries every Linux system has.
SYSTEM_BASE = {
    "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libstdc++.so.6",
    "libgcc_s.so.1", "libz.so.1", "libzstd.so.1",
}  # fmt: skip


def system_libraries(path: Path, own: Path) -> dict[str, str]:
    """ldd's view of path: each library outside PySide6 and shiboken, with where it resolved."""
    listed = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True)
    found = {}
    for line in listed.stdout.splitlines():
        entry = re.match(r"\s*(\S+) => (.*?)(?: \(0x[0-9a-f]+\))?$", line)
        if entry and str(own) not in entry[2] and "shiboken" not in entry[2]:
            found[entry[1]] = entry[2].strip()
    return found


def test_every_library_qt_links_is_checked() -> None:
    """ldd of the Qt modules the app imports and of the xcb plugin: each system library they
    need, unless another of them pulls it in (its package then does too), is in the check's
    tables — a newer PySide6 linking a new library (QtGui 6.11's libdbus-1) fails here, not on
    a user's fresh machine."""
    import PySide6

    own = Path(PySide6.__file__).parent
    modules = [own / f"{name}.abi3.so" for name in ("QtCore", "QtGui", "QtWidgets")]
    modules += [own / "QtPrintSupport.abi3.so", own / "Qt/plugins/platforms/libqxcb.so"]
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        pytest.skip("not Linux with ldd")
    needed: dict[str, str] = {}
    for module in modules:
        assert module.exists(), module
        needed |= system_libraries(module, own)
    pulled_in = set()
    for where in needed.values():
        if where != "not found":
            pulled_in |= set(system_libraries(Path(where), own))
    roots = set(needed) - pulled_in - SYSTEM_BASE
    checked = set(GUI_LIBRARIES) | set(XCB_LIBRARIES)
    assert roots and roots <= checked, sorted(roots - checked)


def test_readme_install_lines_name_every_package_the_check_knows() -> None:
    """README's Debian/Ubuntu and Fedora lines install everything the check could ask for."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    apt = re.search(r"sudo apt install ((?:[^\n\\]|\\\n)+)", text)
    dnf = re.search(r"sudo dnf install ((?:[^\n\\]|\\\n)+)", text)
    assert apt and dnf
    tables = {**GUI_LIBRARIES, **XCB_LIBRARIES}
    assert {debian for debian, _fedora in tables.values()} <= set(apt[1].replace("\\", "").split())
    assert {fedora for _debian, fedora in tables.values()} <= set(dnf[1].replace("\\", "").split())


def test_the_test_command_names_what_the_suite_needs_and_ci_installs_it() -> None:
    """The offscreen suite loads QtGui (its libraries), embeds a CJK font and runs curl: README's
    test paragraph names those packages and .ci/run installs them on a bare machine."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    paragraph = text[text.index("Run the tests") :].split("```")[0]
    named = set(paragraph.split("sudo apt install ")[1].split("`")[0].split())
    needed = {debian for debian, _fedora in GUI_LIBRARIES.values()} | {"fonts-noto-cjk", "curl"}
    assert needed <= named, sorted(needed - named)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(ci.split("for pkg in ")[1].split("; do")[0].replace("\\", "").split())
    assert named | {"python3", "python3-venv"} <= installed, sorted(named - installed)


def test_a_failed_qt_import_names_the_library() -> None:
    missing = "libdbus-1.so.3: cannot open shared object file: No such file or directory"
    problem = import_problem(ImportError(missing))
    assert problem is not None and problem.key == "desktop.missing_libraries"
    assert problem.params["debian"] == "sudo apt install libdbus-1-3"
    assert problem.params["fedora"] == "sudo dnf install dbus-libs"
    unknown = import_problem(ImportError("libQt6Nothing.so.6: cannot open shared object file"))
    assert unknown is not None and unknown.key == "desktop.unknown_library"
    assert unknown.params == {"library": "libQt6Nothing.so.6"}
    assert import_problem(ImportError("No module named 'PySide6'")) is None
    assert set(WAYLAND_LIBRARIES).isdisjoint(GUI_LIBRARIES)


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


def run_gui_lacking(libraries: dict[str, tuple[str, str]]):
    """The window started where the X libraries it checks for are only ``libraries`` (file →
    Debian and Fedora package), none of them present."""
    env = dict(os.environ, DISPLAY=":0", QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    code = (
        "import app.ui.platform_check as check\n"
        "check.XCB_LIBRARIES.clear()  # whatever this machine has of the real ones\n"
        f"check.XCB_LIBRARIES.update({libraries!r})\n"
        "from app.__main__ import main\n"
        "raise SystemExit(main([]))\n"
    )
    return run_gui(env, code)


def test_a_missing_library_exits_2_naming_its_package(isolated_home) -> None:
    done = run_gui_lacking({"libxcb-absent.so.9": ("libxcb-absent9", "xcb-util-absent")})
    assert done.returncode == 2, done.stderr
    assert "libxcb-absent.so.9" in done.stderr and "sudo apt install libxcb-absent9" in done.stderr


def test_many_missing_libraries_are_counted_and_all_installed(isolated_home) -> None:
    """A bare system lacks two dozen: the sentence names a few and the count; the command has
    every package."""
    absent = {f"libabsent{n}.so.1": (f"libabsent{n}", f"absent{n}") for n in range(6)}
    done = run_gui_lacking(absent)
    assert done.returncode == 2, done.stderr
    (line,) = done.stderr.strip().splitlines()
    assert "lacks 6 libraries (libabsent0.so.1, libabsent1.so.1, libabsent2.so.1, …)" in line
    assert "libabsent3.so.1" not in line
    assert "sudo apt install " + " ".join(f"libabsent{n}" for n in range(6)) in line

# QtGui failing the way the dynamic linker makes it fail on a bare system
QT_IMPORT_FAILS = """
import importlib.abc, sys
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6.QtGui":
            raise ImportError("{library}: cannot open shared object file: No such file")
sys.meta_path.insert(0, Absent())
from app.__main__ import main
raise SystemExit(main([]))
"""


def test_qt_failing_to_import_exits_2_with_one_sentence(isolated_home) -> None:
    # offscreen: the check passes with QtGui's own libraries (CI has no xcb ones), then the import
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), LANG="zh_CN.UTF-8")
    done = run_gui(env, QT_IMPORT_FAILS.format(library="libQt6Nothing.so.6"))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Qt 需要 libQt6Nothing.so.6" in lines[0], done.stderr
