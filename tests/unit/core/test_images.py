import io

import pytest
from PIL import Image

from app.core.errors import ProtocolError
from app.core.images import verify_image


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
    # A 20000×20000 PNG compresses to a few hundred kB but would need 400 MP to decode.
    data = _encode(Image.new("1", (20000, 20000)), "PNG")
    assert len(data) < 2_000_000
    with pytest.raises(ProtocolError, match="pixels|bomb"):
        verify_image(data)


def test_empty_is_refused() -> None:
    with pytest.raises(ProtocolError, match="empty"):
        verify_image(b"")


def test_classic_qr_detection() -> None:
    from app.core.codes import prepare_code
    from app.sandbox import render_qr

    assert prepare_code(verify_image(render_qr("hello"))).classic
    photo = Image.effect_noise((200, 200), 80).convert("RGB")
    assert not prepare_code(verify_image(_encode(photo, "PNG"))).classic
