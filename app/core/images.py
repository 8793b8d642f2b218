"""Verify that downloaded bytes are a real, reasonably sized raster image.

Used for ``qrCodeUrl`` (contract §1): PNG, JPEG, GIF or WebP only, no decompression bombs,
no truncated files, before anything is shown, saved or printed.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from app.core.errors import ProtocolError

ALLOWED_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}
MAX_PIXELS = 4096 * 4096


@dataclass(frozen=True)
class VerifiedImage:
    """Image bytes that decoded completely, with what we learned while decoding."""

    data: bytes
    format: str  # Pillow's name: PNG, JPEG, GIF, WEBP
    width: int
    height: int
    source_url: str = ""

    @property
    def extension(self) -> str:
        return ALLOWED_FORMATS[self.format]

    @property
    def looks_like_classic_qr(self) -> bool:
        """True for two-tone square images: scale those without smoothing."""
        from PIL import Image

        if self.width != self.height:
            return False
        with Image.open(io.BytesIO(self.data)) as img:
            small = img.convert("L").resize((64, 64), Image.Resampling.NEAREST)
            histogram = small.histogram()
        dark = sum(histogram[:64])
        light = sum(histogram[192:])
        return dark + light >= 0.97 * 64 * 64 and dark > 0


def verify_image(
    data: bytes, *, source_url: str = "", max_pixels: int = MAX_PIXELS
) -> VerifiedImage:
    """Decode ``data`` fully and return it as a :class:`VerifiedImage`.

    Raises:
        ProtocolError: not an allowed image format, too many pixels, or truncated/corrupt.
    """
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ProtocolError("the image is empty (0 bytes)", zh="图片是空的（0 字节）")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format or ""
                width, height = img.size
                if fmt not in ALLOWED_FORMATS:
                    raise ProtocolError(
                        f"not a PNG/JPEG/GIF/WebP image (format {fmt or '?'})",
                        zh=f"不是 PNG/JPEG/GIF/WebP 图片（格式 {fmt or '?'}）",
                    )
                if width * height > max_pixels:
                    raise ProtocolError(
                        f"image is {width}×{height} pixels, larger than allowed "
                        f"({max_pixels} pixels)",
                        zh=f"图片有 {width}×{height} 像素，超过上限（{max_pixels} 像素）",
                    )
                img.load()
    except ProtocolError:
        raise
    except UnidentifiedImageError as exc:
        head = data[:64].lstrip().lower()
        if head.startswith((b"<!doctype", b"<html")):
            raise ProtocolError(
                "the qrCodeUrl answer is an HTML page", zh="qrCodeUrl 返回的是 HTML 网页，不是图片"
            ) from exc
        raise ProtocolError(
            "the qrCodeUrl answer is not an image", zh="qrCodeUrl 返回的不是图片"
        ) from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ProtocolError(
            "image refused as a decompression bomb", zh="图片像素异常巨大（解压炸弹），已拒绝"
        ) from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ProtocolError(
            f"the image is truncated or corrupt ({exc})", zh=f"图片不完整或已损坏（{exc}）"
        ) from exc
    return VerifiedImage(data, fmt, width, height, source_url)
