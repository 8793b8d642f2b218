"""Print geometry in millimetres (pure): where a code, its quiet zone and its caption go.

Printing (Qt) and PDF export both paint from these numbers, so what the preview shows is what
the printer gets. ``code_mm`` is the width of the code itself — the dark square a phone reads —
and the quiet zone is added around it, so a 50 mm code measures 50 mm on paper.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.images import VerifiedImage

QUIET_MODULES = 4
CAPTION_LINE_MM = 6.0


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class PreparedCode:
    """A code image cropped to its symbol, with the measured module size.

    ``png`` holds the symbol only (no margin); ``modules`` is its width in modules (None for a
    WeChat sun code, which has no modules we can count).
    """

    png: bytes
    width_px: int
    modules: int | None
    classic: bool


def prepare_code(image: VerifiedImage) -> PreparedCode:
    """Crop a classic QR code to its dark bounding box and count its modules.

    The module size comes from the top-left finder pattern, which is 7 modules wide. Images that
    are not classic QR codes (sun codes, photos) are passed through unchanged.
    """
    from PIL import Image

    with Image.open(io.BytesIO(image.data)) as opened:
        gray = opened.convert("L")
    if not image.looks_like_classic_qr:
        return PreparedCode(_png(gray), gray.width, None, classic=False)
    mono = gray.point(lambda v: 0 if v < 128 else 255)
    bbox = Image.eval(mono, lambda v: 255 - v).getbbox()
    if bbox is None:
        return PreparedCode(_png(gray), gray.width, None, classic=False)
    left, top, right, _bottom = bbox
    run = 0
    while left + run < right and mono.getpixel((left + run, top)) == 0:
        run += 1
    module_px = run / 7.0
    cropped = mono.crop(bbox)
    modules = round(cropped.width / module_px) if module_px else None
    return PreparedCode(_png(cropped), cropped.width, modules, classic=True)


def _png(image: object) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")  # type: ignore[attr-defined]
    return out.getvalue()


@dataclass(frozen=True)
class SingleLayout:
    """One code on a page: the white quiet-zone box, the code, and caption lines below."""

    quiet: Rect
    code: Rect
    captions: list[Rect]


def quiet_zone_mm(code_mm: float, modules: int | None) -> float:
    """The margin of white around a code: 4 modules, or 8 % of the width for sun codes."""
    if modules:
        return code_mm * QUIET_MODULES / modules
    return code_mm * 0.08


def single_layout(
    page_w: float,
    page_h: float,
    code_mm: float,
    modules: int | None,
    caption_count: int,
    *,
    top_mm: float = 20.0,
) -> SingleLayout:
    """Centre one code horizontally near the top of a page, captions under it."""
    margin = quiet_zone_mm(code_mm, modules)
    outer = code_mm + 2 * margin
    x = (page_w - outer) / 2
    y = top_mm
    quiet = Rect(x, y, outer, outer)
    code = Rect(x + margin, y + margin, code_mm, code_mm)
    captions = [
        Rect(
            max(0.0, (page_w - max(outer, 80.0)) / 2),
            y + outer + i * CAPTION_LINE_MM,
            max(outer, 80.0),
            CAPTION_LINE_MM,
        )
        for i in range(caption_count)
    ]
    if y + outer + caption_count * CAPTION_LINE_MM > page_h:
        raise ValueError("the code does not fit on the page")
    return SingleLayout(quiet, code, captions)
