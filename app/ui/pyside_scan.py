"""Answer PySide's "does this module use PySide?" without reading the module's source.

To honour ``from __feature__ import …``, PySide reads the whole source of every module imported
after it, and of every module an import statement names (PYSIDE-2029), and linecache keeps them
all: 3 MB of the window's start-up, 7 MB once a session has loaded its pages, httpx, Pillow and
openpyxl. None of our modules selects a feature, so the answer is known without reading: ours use
PySide, the others do not. The hook is private, so it is replaced only on the PySide versions
this was measured on; any other is left to scan.
"""

from __future__ import annotations

import sys

import PySide6

MEASURED_ON = ((6, 11),)


def spare_source_scan() -> bool:
    """Replace PySide's scan if this PySide is one we measured; returns whether it did."""
    feature = sys.modules.get("__feature__")
    if tuple(PySide6.__version_info__[:2]) not in MEASURED_ON or feature is None:
        return False
    if not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    setattr(feature, "_mod_uses_pyside", _uses_pyside)  # noqa: B010 - a private hook
    return True


def _uses_pyside(module: object) -> bool:
    return str(getattr(module, "__name__", "")).split(".")[0] in {"app", "PySide6", "shiboken6"}
