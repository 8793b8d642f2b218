"""Guards against a Qt binding that would crash a long session.

PySide6 6.12.0 on Python 3.11 drops a reference to ``None`` on every call of a method that
returns nothing; ``None`` then reaches zero references after a few thousand calls and the
interpreter aborts ("deallocating None"). pyproject.toml excludes that release.
"""

from __future__ import annotations

import gc
import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive(qapp) -> None:
    from PySide6.QtCore import QObject, QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    obj = QObject()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    # Earlier tests' garbage, freed by a collection inside the loop, would drop None's count by
    # a few hundred and mask (or fake) the loss this looks for.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(None)
        for _ in range(2000):
            obj.setObjectName("x")
            painter.fillRect(QRectF(0, 0, 1, 1), QColor("white"))
        after = sys.getrefcount(None)
    finally:
        gc.enable()
        painter.end()
    assert after - before > -100, f"None lost {before - after} references"
