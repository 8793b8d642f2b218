"""Can Qt's platform plugin load here? Asked before Qt's GUI libraries are, so it never aborts.

On Linux Qt aborts the process (SIGABRT) when its xcb plugin cannot load — no display, or one of
the X11 libraries it links missing — with a message that names the wrong package. This checks
the same things first: a display for the platform Qt will pick, and each shared library the
plugin (and QtGui) needs, loaded by name as the dynamic linker would. Elsewhere (Windows, macOS,
the offscreen and other platforms) there is nothing to check.

The libraries are the system libraries PySide6's QtCore, QtGui, QtWidgets, QtPrintSupport and
``platforms/libqxcb.so`` link that PySide6 does not ship (the test lists them with ``ldd``), with
the Debian/Ubuntu and Fedora packages that provide them. A library Qt needs that this list lacks
still gets one sentence: the ImportError it causes is explained instead of a traceback.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# soname: (Debian/Ubuntu package, Fedora package)
GUI_LIBRARIES: dict[str, tuple[str, str]] = {
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
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
# platform plugin: (the variable naming its display, the libraries it links)
DESKTOP_PLATFORMS: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "xcb": ("X11 (xcb)", "DISPLAY", XCB_LIBRARIES),
    "wayland": ("Wayland", "WAYLAND_DISPLAY", WAYLAND_LIBRARIES),
}
NAMED_LIBRARIES = 4  # more missing than this: a few named, and how many
_MISSING_LIBRARY = re.compile(r"(\S+\.so(?:\.\d+)*): cannot open shared object file")


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


def _missing(
    libraries: Mapping[str, tuple[str, str]], loads: Callable[[str], bool]
) -> Problem | None:
    missing = {name: packages for name, packages in libraries.items() if not loads(name)}
    return _missing_problem(missing) if missing else None


def _missing_problem(missing: Mapping[str, tuple[str, str]]) -> Problem:
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
    """What keeps Qt's platform plugin from loading here, or None when it can load.

    With a display, every library missing for its platform is named at once (QtGui's and the
    plugin's), so one install command is enough; without one, that is what is named."""
    if not platform.startswith("linux"):
        return None
    env = os.environ if env is None else env
    first: Problem | None = None
    for name in _platforms(env) or ["xcb"]:
        desktop = DESKTOP_PLATFORMS.get(name)
        if desktop is None:  # offscreen, minimal, vnc, eglfs …: only QtGui's own libraries
            problem = _missing(GUI_LIBRARIES, loads)
        else:
            label, variable, libraries = desktop
            if env.get(variable):
                problem = _missing({**GUI_LIBRARIES, **libraries}, loads)
            else:
                problem = Problem("desktop.no_display", {"platform": label})
        if problem is None:
            return None
        first = first or problem
    return first


def import_problem(error: ImportError) -> Problem | None:
    """The library a failed import of Qt names (``libfoo.so.1: cannot open shared object
    file``), with its packages when the tables know them; None for any other ImportError."""
    found = _MISSING_LIBRARY.search(str(error))
    if found is None:
        return None
    library = found.group(1)
    packages = {**GUI_LIBRARIES, **XCB_LIBRARIES, **WAYLAND_LIBRARIES}.get(library)
    if packages is None:
        return Problem("desktop.unknown_library", {"library": library})
    return _missing_problem({library: packages})


def _say(problem: Problem) -> None:
    from app.core.messages import say, system_language

    language = system_language()
    try:
        from app.ui.state import UiState

        chosen = UiState().get("ui/language")  # the language chosen in Settings, if any
        language = {"zh_CN": "zh", "en": "en"}.get(chosen, language)
    except ImportError:  # QtCore itself cannot load: the system's language will do
        pass
    params = dict(problem.params)
    libraries = params.get("libraries", "").split(", ")
    if len(libraries) > NAMED_LIBRARIES:  # a bare system lacks 25: the command says it all
        shown = ", ".join(libraries[: NAMED_LIBRARIES - 1])
        params["libraries"] = say(
            "desktop.many_libraries", language, total=str(len(libraries)), libraries=shown
        )
    print(say(problem.key, language, **params), file=sys.stderr)


def explain_import_error(error: ImportError) -> bool:
    """Print one sentence when Qt failed to import for want of a shared library; returns
    whether it did (the caller exits 2, else re-raises)."""
    problem = import_problem(error)
    if problem is not None:
        _say(problem)
    return problem is not None


def explain_window_problem() -> bool:
    """Print one sentence, in the user's language, when the window cannot open; returns whether
    it did (the caller exits 2)."""
    problem = window_problem()
    if problem is not None:
        _say(problem)
    return problem is not None
