"""Render resources/icons/recall-desk.svg to the PNG sizes, .ico and .icns the platforms need.

QT_QPA_PLATFORM=offscreen python scripts/render_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> None:
    app = QGuiApplication([])  # noqa: F841 - QImage painting needs an application
    renderer = QSvgRenderer(str(ICONS / "recall-desk.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"recall-desk-{size}.png"))
    with Image.open(ICONS / "recall-desk-512.png") as big:
        big.save(ICONS / "recall-desk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
        big.save(ICONS / "recall-desk.icns")


if __name__ == "__main__":
    main()
