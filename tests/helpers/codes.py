"""Real QR code images for label tests, and measuring them again on paper."""

from __future__ import annotations

import io

import qrcode
from PIL import Image

from app.core.images import verify_image
from app.core.layout import PreparedCode, prepare_code


def qr_png(text: str, *, box: int = 10, border: int = 4) -> bytes:
    """A QR code of ``text`` as a PNG with ``box`` pixels per module."""
    code = qrcode.QRCode(border=border, box_size=1)
    code.add_data(text)
    code.make()
    modules = code.get_matrix()
    image = Image.new("L", (len(modules), len(modules)), 255)
    image.putdata([0 if dark else 255 for row in modules for dark in row])
    image = image.resize((image.width * box, image.height * box), Image.Resampling.NEAREST)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def prepared(text: str) -> PreparedCode:
    return prepare_code(verify_image(qr_png(text)))


def decode(image: Image.Image) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Every QR code zxing-cpp finds: (text, (left, top, right, bottom) in pixels)."""
    import zxingcpp

    found = []
    for result in zxingcpp.read_barcodes(image):
        xs = [p.x for p in (result.position.top_left, result.position.top_right,
                            result.position.bottom_left, result.position.bottom_right)]
        ys = [p.y for p in (result.position.top_left, result.position.top_right,
                            result.position.bottom_left, result.position.bottom_right)]
        found.append((result.text, (min(xs), min(ys), max(xs), max(ys))))
    return sorted(found, key=lambda f: (round(f[1][1] / 50), f[1][0]))
