"""Can Qt's platform plugin load here? Asked before Qt's GUI libraries are, so it never aborts.

On Linux Qt aborts the process (SIGABRT) when its xcb plugin cannot load — no display, or one of
the X11 libraries it links missing — with a message that names the wrong package. This checks
the same things first: a display for the platform Qt will pick, and each shared library the
plugin (and QtGui) needs, loaded by name as the dynamic linker would. Elsewhere (Windows, macOS,
the offscreen and other platforms) there is nothing to check.

The libraries are those ``ldd`` lists for PySide6's ``platforms/libqxcb.so`` and
``libQt6XcbQpa.so.6`` that PySide6 does not ship, with the Debian/Ubuntu and Fedora packages
that provide them.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# soname: (Debian/Ubuntu package, Fedora package)
GUI_LIBRARIES: dict[str, tuple[str, str]] = {
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
}
XCB_LIBRARIES: dict[str, tuple[str, str]] = {
    "libX11.so.6": ("libx11-6", "libX11"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
}
WAYLAND_LIBRARIES: dict[str, tuple[str, str]] = {
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
}


@dataclass(frozen=True)
class Problem:
    """Why the window cannot open: a catalogue key and its parameters."""

    key: str
    params: dict[str, str] = field(default_factory=dict)


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        frozen = getattr(sys, "_MEIPASS", None)  # a bundle may carry its own copy
        if frozen and (Path(frozen) / soname).exists():
            return _loads(str(Path(frozen) / soname))
        return False
    return True


def _platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in order (``QT_QPA_PLATFORM``, else Qt's default)."""
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return [name.split(":")[0].strip() for name in chosen.split(";") if name.strip()]
    return ["wayland", "xcb"] if env.get("WAYLAND_DISPLAY") else ["xcb"]


def _missing(libraries: Mapping[str, tuple[str, str]], loads: Callable[[str], bool]) -> Problem:
    missing = {name: packages for name, packages in libraries.items() if not loads(name)}
    debian = sorted({debian for debian, _fedora in missing.values()})
    fedora = sorted({fedora for _debian, fedora in missing.values()})
    return Problem(
        "desktop.missing_libraries",
        {
            "libraries": ", ".join(missing),
            "debian": "sudo apt install " + " ".join(debian),
            "fedora": "sudo dnf install " + " ".join(fedora),
        },
    )


def window_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    loads: Callable[[str], bool] = _loads,
) -> Problem | None:
    """What keeps Qt's platform plugin from loading here, or None when it can load."""
    if not platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    base = _missing(GUI_LIBRARIES, loads)
    if base.params["libraries"]:
        return base
    first: Problem | None = None
    for name in _platforms(env):
        if name == "xcb":
            if not env.get("DISPLAY"):
                problem = Problem("desktop.no_display", {"platform": "X11 (xcb)"})
            else:
                problem = _missing(XCB_LIBRARIES, loads)
        elif name == "wayland":
            if not env.get("WAYLAND_DISPLAY"):
                problem = Problem("desktop.no_display", {"platform": "Wayland"})
            else:
                problem = _missing(WAYLAND_LIBRARIES, loads)
        else:
            return None  # offscreen, minimal, vnc, eglfs …: nothing of the desktop's needed
        if problem.key == "desktop.missing_libraries" and not problem.params["libraries"]:
            return None
        first = first or problem
    return first


def explain_window_problem() -> bool:
    """Print one sentence, in the user's language, when the window cannot open; returns whether
    it did (the caller exits 2)."""
    problem = window_problem()
    if problem is None:
        return False
    from app.core.messages import say, system_language

    language = system_language()
    try:
        from app.ui.state import UiState

        chosen = UiState().get("ui/language")  # the language chosen in Settings, if any
        language = {"zh_CN": "zh", "en": "en"}.get(chosen, language)
    except ImportError:  # QtCore itself cannot load: the system's language will do
        pass
    print(say(problem.key, language, **problem.params), file=sys.stderr)
    return True
