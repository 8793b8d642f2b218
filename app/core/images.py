"""Verify that downloaded bytes are a real, reasonably sized raster image.

Used for ``qrCodeUrl`` (contract §1): PNG, JPEG, GIF or WebP only, no decompression bombs,
no truncated files, before anything is shown, saved or printed.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from app.core.errors import ProtocolError, RequestContext

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


def verify_image(
    data: bytes,
    *,
    source_url: str = "",
    max_pixels: int = MAX_PIXELS,
    context: RequestContext | None = None,
) -> VerifiedImage:
    """Decode ``data`` fully and return it as a :class:`VerifiedImage`.

    Raises:
        ProtocolError: not an allowed image format, too many pixels, or truncated/corrupt;
            it carries ``context``.
    """
    try:
        return _verified(data, source_url, max_pixels)
    except ProtocolError as exc:
        if context is not None:
            exc.context = context
        raise


def _verified(data: bytes, source_url: str, max_pixels: int) -> VerifiedImage:
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise ProtocolError("image.empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt = img.format or ""
                width, height = img.size
                if fmt not in ALLOWED_FORMATS:
                    raise ProtocolError("image.format", format=fmt or "?")
                if width * height > max_pixels:
                    raise ProtocolError(
                        "image.too_many_pixels", width=width, height=height, limit=max_pixels
                    )
                img.load()
    except ProtocolError:
        raise
    except UnidentifiedImageError as exc:
        head = data[:64].lstrip().lower()
        if head.startswith((b"<!doctype", b"<html")):
            raise ProtocolError("image.html") from exc
        raise ProtocolError("image.not_image") from exc
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ProtocolError("image.bomb") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise ProtocolError("image.corrupt", detail=str(exc)) from exc
    return VerifiedImage(data, fmt, width, height, source_url)
