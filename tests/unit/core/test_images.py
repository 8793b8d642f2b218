import io
import math

import pytest
from PIL import Image

from app.core.errors import ProtocolError
from app.core.images import MAX_PIXELS, verify_image


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP"])
def test_allowed_formats_verify(fmt: str) -> None:
    data = _encode(Image.new("RGB", (430, 430), "white"), fmt)
    verified = verify_image(data)
    assert (verified.format, verified.width, verified.height) == (fmt, 430, 430)


def test_bmp_is_refused() -> None:
    with pytest.raises(ProtocolError, match="not a PNG/JPEG/GIF/WebP"):
        verify_image(_encode(Image.new("RGB", (10, 10)), "BMP"))


def test_html_is_named() -> None:
    with pytest.raises(ProtocolError, match="HTML page"):
        verify_image(b"<!DOCTYPE html><html><body>login</body></html>")


def test_truncated_png_is_refused() -> None:
    data = _encode(Image.effect_noise((300, 300), 50).convert("RGB"), "PNG")
    with pytest.raises(ProtocolError, match="truncated or corrupt"):
        verify_image(data[: len(data) // 2])


def test_decompression_bomb_is_refused_before_decoding() -> None:
    # Pillow calls an image past its MAX_IMAGE_PIXELS (89 MP) a bomb as it opens it; our own
    # bound (MAX_PIXELS, 16.8 MP) refuses smaller ones before decoding. Each is a square just
    # past its bound (a 20000×20000 one took 1.2 s of CPU to build and never reached ours).
    side = math.isqrt(Image.MAX_IMAGE_PIXELS) + 1
    data = _encode(Image.new("1", (side, side)), "PNG")
    assert len(data) < 2_000_000
    with pytest.raises(ProtocolError) as bomb:
        verify_image(data)
    assert bomb.value.key == "image.bomb"
    side = math.isqrt(MAX_PIXELS) + 1
    with pytest.raises(ProtocolError) as large:
        verify_image(_encode(Image.new("1", (side, side)), "PNG"))
    assert large.value.key == "image.too_many_pixels"
    assert large.value.params == {"width": side, "height": side, "limit": MAX_PIXELS}


def test_empty_is_refused() -> None:
    with pytest.raises(ProtocolError, match="empty"):
        verify_image(b"")


def test_classic_qr_detection() -> None:
    from app.core.codes import prepare_code
    from app.sandbox import render_qr

    assert prepare_code(verify_image(render_qr("hello"))).classic
    photo = Image.effect_noise((200, 200), 80).convert("RGB")
    assert not prepare_code(verify_image(_encode(photo, "PNG"))).classic
