"""Saving a fetched code as a file whose suffix names its format (Qt-free).

``code.gif`` holds a GIF, ``code.jpg`` a JPEG: the original bytes when the suffix names the
format the server sent, else the image converted (transparency flattened onto white, JPEG at
quality 95, which still scans). Any other suffix, or none, is refused before anything is asked
or written, with a sentence listing the suffixes we write.
"""

from __future__ import annotations

import errno
import io
import os
from pathlib import Path

from app.core.errors import BadInput
from app.core.images import VerifiedImage
from app.core.paths import atomic_write

WRITABLE = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "bmp": "BMP", "gif": "GIF", "webp": "WEBP"}
SUPPORTED = ".png, .jpg, .bmp, .gif, .webp"


def image_format_of(path: Path) -> str:
    """Pillow's format name for ``path``'s suffix.

    Raises:
        IsADirectoryError: ``path`` is a folder.
        BadInput: ``image.save_suffix`` — a suffix (or none) we cannot write.
    """
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    found = WRITABLE.get(path.suffix.lower().lstrip("."))
    if found is None:
        raise BadInput("image.save_suffix", path=str(path), supported=SUPPORTED)
    return found


def encoded_as(image: VerifiedImage, fmt: str) -> bytes:
    """The image's bytes in Pillow format ``fmt`` (its own bytes when it already is one)."""
    if fmt == image.format:
        return image.data
    from PIL import Image

    with Image.open(io.BytesIO(image.data)) as opened:
        opened.load()
        picture = opened.convert("RGBA")
    flat = Image.new("RGB", picture.size, "white")  # a transparent background prints white
    flat.paste(picture, mask=picture.getchannel("A"))
    out = io.BytesIO()
    if fmt == "JPEG":
        flat.save(out, format=fmt, quality=95)
    elif fmt == "WEBP":
        flat.save(out, format=fmt, lossless=True)
    else:
        flat.save(out, format=fmt)
    return out.getvalue()


def write_image(target: Path, image: VerifiedImage) -> str:
    """Write ``image`` to ``target`` in the format its suffix names (whole, or not at all)."""
    atomic_write(target, encoded_as(image, image_format_of(target)))
    return str(target)
