"""Label sheets in millimetres: presets, the printer correction and where each code goes.

Sheet PDFs and printing paint from these placements; single codes use :mod:`app.core.layout`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.layout import CAPTION_LINE_MM, QUIET_MODULES, PreparedCode, Rect, quiet_zone_mm
from app.core.limits import MAX_CODE_MM, MIN_CODE_MM


@dataclass(frozen=True)
class SheetItem:
    """One code to place on a sheet, with its caption lines."""

    code: PreparedCode
    captions: tuple[str, ...] = ()


@dataclass(frozen=True)
class SheetSpec:
    """A sheet of labels in millimetres, plus the per-printer correction.

    ``start_cell`` (1-based) skips the used labels of a partly used first sheet; ``copies``
    repeats each code; ``offset_*`` and ``scale`` correct a printer that shifts or scales.
    """

    cols: int
    rows: int
    label_w: float
    label_h: float
    margin_left: float
    margin_top: float
    gap_x: float = 0.0
    gap_y: float = 0.0
    page_w: float = 210.0
    page_h: float = 297.0
    code_mm: float = 50.0
    start_cell: int = 1
    copies: int = 1
    offset_x: float = 0.0
    offset_y: float = 0.0
    scale: float = 1.0

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    def validate(self) -> None:
        from app.core.errors import BadInput

        if self.cols < 1 or self.rows < 1:
            raise BadInput("sheet.empty_grid", field="layout")
        right = self.margin_left + self.cols * self.label_w + (self.cols - 1) * self.gap_x
        bottom = self.margin_top + self.rows * self.label_h + (self.rows - 1) * self.gap_y
        if right > self.page_w + 0.01 or bottom > self.page_h + 0.01:
            raise BadInput("sheet.does_not_fit", field="layout")
        if not 1 <= self.start_cell <= self.per_page:
            raise BadInput("sheet.start_cell", field="start", last=self.per_page)
        if not 1 <= self.copies <= 100:
            raise BadInput("sheet.copies", field="copies")
        if not 0.5 <= self.scale <= 1.5:
            raise BadInput("sheet.scale", field="scale")
        if not MIN_CODE_MM / 2 <= self.code_mm <= MAX_CODE_MM:
            raise BadInput("sheet.code_size", field="code_mm")


def _a4_grid(
    cols: int, rows: int, label_w: float, label_h: float, gap_x: float = 0.0, gap_y: float = 0.0
) -> dict[str, float | int]:
    used_w = cols * label_w + (cols - 1) * gap_x
    used_h = rows * label_h + (rows - 1) * gap_y
    return {
        "cols": cols,
        "rows": rows,
        "label_w": label_w,
        "label_h": label_h,
        "gap_x": gap_x,
        "gap_y": gap_y,
        "margin_left": round((210.0 - used_w) / 2, 2),
        "margin_top": round((297.0 - used_h) / 2, 2),
    }


# Common A4 stock: 1 per page, 8 per page (99.1×67.7 mm) and 24 per page (70×37 mm).
PRESETS: dict[str, dict[str, float | int]] = {
    "1x1": _a4_grid(1, 1, 210.0, 297.0),
    "2x4": _a4_grid(2, 4, 99.1, 67.7, 2.5, 0.0),
    "3x8": _a4_grid(3, 8, 70.0, 37.0),
}


def sheet_spec(layout: str, **overrides: float | int) -> SheetSpec:
    """A preset (``1x1``, ``2x4``, ``3x8``) or ``COLSxROWS`` as an even A4 grid."""
    from app.core.errors import BadInput

    if layout in PRESETS:
        base = dict(PRESETS[layout])
    else:
        match = re.fullmatch(r"(\d{1,2})x(\d{1,2})", layout)
        if not match:
            raise BadInput("sheet.layout", field="layout", layout=layout)
        cols, rows = int(match.group(1)), int(match.group(2))
        if cols < 1 or rows < 1:
            raise BadInput("sheet.empty_grid", field="layout")
        base = _a4_grid(cols, rows, round(200.0 / cols, 2), round(287.0 / rows, 2))
    base.update(overrides)
    spec = SheetSpec(**base)  # type: ignore[arg-type]
    spec.validate()
    return spec


@dataclass(frozen=True)
class Placement:
    """Where one copy of one item goes: page index, its quiet box, code box and captions."""

    page: int
    item: int
    quiet: Rect
    code: Rect
    captions: list[Rect]


def fit_code_mm(spec: SheetSpec, modules: int | None, caption_count: int) -> float:
    """The requested code size, shrunk if needed so code, quiet zone and captions fit a label."""
    quiet_factor = (2 * QUIET_MODULES / modules) if modules else 0.16
    padding = 2.0
    room_w = spec.label_w - 2 * padding
    room_h = spec.label_h - 2 * padding - caption_count * CAPTION_LINE_MM
    fit = min(room_w, room_h) / (1 + quiet_factor)
    return max(1.0, min(spec.code_mm, fit))


def sheet_placements(spec: SheetSpec, items: list[tuple[int | None, int]]) -> list[Placement]:
    """Place each item (``(modules, caption_count)``) ``copies`` times, from ``start_cell`` on.

    Positions include the printer correction: scaled about the page origin, then offset.
    """
    placements: list[Placement] = []
    cell = spec.start_cell - 1
    s = spec.scale

    def corrected(x: float, y: float, w: float, h: float) -> Rect:
        return Rect(x * s + spec.offset_x, y * s + spec.offset_y, w * s, h * s)

    for index, (modules, caption_count) in enumerate(items):
        code_mm = fit_code_mm(spec, modules, caption_count)
        margin = quiet_zone_mm(code_mm, modules)
        outer = code_mm + 2 * margin
        block_h = outer + caption_count * CAPTION_LINE_MM
        for _copy in range(spec.copies):
            page, slot = divmod(cell, spec.per_page)
            row, col = divmod(slot, spec.cols)
            left = spec.margin_left + col * (spec.label_w + spec.gap_x)
            top = spec.margin_top + row * (spec.label_h + spec.gap_y)
            x = left + (spec.label_w - outer) / 2
            y = top + (spec.label_h - block_h) / 2
            placements.append(
                Placement(
                    page,
                    index,
                    corrected(x, y, outer, outer),
                    corrected(x + margin, y + margin, code_mm, code_mm),
                    [
                        corrected(
                            left + 1,
                            y + outer + i * CAPTION_LINE_MM,
                            spec.label_w - 2,
                            CAPTION_LINE_MM,
                        )
                        for i in range(caption_count)
                    ],
                )
            )
            cell += 1
    return placements
