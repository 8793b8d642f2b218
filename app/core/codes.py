"""A code image made ready to print: its symbol alone, one pixel per module, and the count.

Classic QR codes are cropped to their dark bounding box and resampled to one pixel per module,
so every renderer (screen, printer, PDF) scales exact modules without smoothing. WeChat sun codes
are not ISO symbols: they keep their pixels and have no module count.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.core.images import VerifiedImage

CLASSIC_SHARE = 0.97  # a classic code's pixels are (almost) all black or white


@dataclass(frozen=True)
class PreparedCode:
    """A code ready to print.

    ``png`` is the symbol only, without margin: for a classic QR code one pixel per module
    (``modules`` × ``modules``, 1-bit); for a sun code its gray pixels. ``width_px`` is the
    symbol's width in the source image; ``modules`` None means unknown (sun codes).
    """

    png: bytes
    width_px: int
    modules: int | None
    classic: bool


def prepare_code(image: VerifiedImage) -> PreparedCode:
    """Crop a classic QR code to its symbol, count its modules and resample it to them.

    The module size comes from the top-left finder pattern (7 modules wide); the count is
    snapped to a real QR size (21, 25, … 177). Anything else is passed through, ``modules=None``.
    """
    from PIL import Image

    with Image.open(io.BytesIO(image.data)) as opened:
        gray = opened.convert("L")
    if not _two_tone_square(gray):
        return PreparedCode(_png(gray), gray.width, None, classic=False)
    from PIL import ImageChops

    mono = gray.convert("1", dither=Image.Dither.NONE)  # threshold at 128
    bbox = ImageChops.invert(mono).getbbox()  # the dark modules' extent
    if bbox is None:
        return PreparedCode(_png(gray), gray.width, None, classic=False)
    left, top, right, _bottom = bbox
    first_row = gray.crop((left, top, right, top + 1)).tobytes()
    # the finder pattern's top edge: 7 modules of black
    run = next((i for i, value in enumerate(first_row) if value >= 128), len(first_row))
    symbol = gray.crop(bbox)
    modules = _snap_modules(symbol.width * 7 / run) if run else None
    if modules is None:
        return PreparedCode(_png(symbol), symbol.width, None, classic=True)
    grid = symbol.resize((modules, modules), Image.Resampling.BOX)
    return PreparedCode(
        _png(grid.convert("1", dither=Image.Dither.NONE)),
        symbol.width,
        modules,
        classic=True,
    )


def _two_tone_square(gray: Any) -> bool:
    from PIL import Image

    if gray.width != gray.height:
        return False
    histogram = gray.resize((64, 64), Image.Resampling.NEAREST).histogram()
    dark, light = sum(histogram[:64]), sum(histogram[192:])
    return bool(dark + light >= CLASSIC_SHARE * 64 * 64 and dark > 0)


def _snap_modules(estimate: float) -> int | None:
    version = round((estimate - 17) / 4)
    if not 1 <= version <= 40:
        return None
    return 17 + 4 * version


def _png(image: Any) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
