"""A label's geometry in millimetres, and where each label goes on the pages (Qt-free).

Everything that draws a label — the on-screen preview, the printer, the PDF — paints from a
:class:`LabelPlan`, so what the preview shows is what the paper gets. ``code_mm`` is the width of
the code itself (the dark square a phone reads); the white quiet zone (4 modules, or 8 % of the
width for a WeChat sun code whose modules we cannot count) is added around it, so a 30 mm code
measures 30 mm on paper.

The plan **never shrinks a code**: when the requested size does not fit the label with its texts
it says so (``fits`` is False) and gives the largest size that would (``max_code_mm``). The
scannability verdict on a plan is :func:`app.core.guard.check_plan`.

A plan's geometry is relative to the label's top-left corner; :func:`slots` says where each
label lies on which page, and :class:`Correction` applies a printer's measured offset and scale.

Usage::

    stock = find_stock("3x8")
    plan = plan_label(stock, 30.0, modules=code.modules, caption="扫码进入视频面签", label="王小明")
    if not plan.fits: ...               # plan.max_code_mm would fit
    for slot in slots(stock, len(items), start_cell=5, copies=2):
        ...                             # paint items[slot.item] at slot.outline on slot.page
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Literal

from app.core.codes import PreparedCode, prepare_code
from app.core.correction import NO_CORRECTION, Correction
from app.core.errors import BadInput
from app.core.stocks import Rect, Stock

__all__ = [
    "NO_CORRECTION",
    "Correction",
    "LabelGeometry",
    "LabelPlan",
    "PreparedCode",
    "Rect",
    "Slot",
    "TextLine",
    "page_count",
    "plan_label",
    "prepare_code",
    "quiet_zone_mm",
    "slots",
]

QUIET_MODULES = 4
SUN_QUIET_FACTOR = 0.08
EDGE_MM = 1.5  # nothing printed closer to a label's edge: die-cut and roll registration
MAX_TEXT_LINES = 2  # per text (caption, customer label); longer text is cut with "…"
LINE_SPACING = 1.3
MAX_COPIES = 100

Arrangement = Literal["below", "beside"]
TextRole = Literal["caption", "label"]
# (text, em size in mm) -> width in mm, taken as additive per character.
TextMeasure = Callable[[str, float], float]

# Advance widths of printable ASCII in Noto Sans CJK SC (the labels' font), per mille of an em;
# ideographs and other wide characters are 1 em, other narrow characters are taken as 0.62 em.
_ASCII_WIDTHS = (
    224, 323, 474, 555, 555, 921, 680, 278, 338, 338, 467, 555, 278, 347, 278, 392, 555, 555,
    555, 555, 555, 555, 555, 555, 555, 555, 278, 278, 555, 555, 555, 474, 946, 608, 657, 638,
    688, 589, 552, 689, 728, 293, 535, 646, 543, 812, 723, 742, 633, 742, 635, 596, 599, 721,
    575, 878, 573, 531, 603, 338, 392, 338, 555, 559, 606, 563, 618, 510, 620, 554, 325, 564,
    607, 275, 275, 552, 284, 926, 610, 606, 620, 620, 388, 468, 377, 607, 521, 802, 498, 521,
    475, 338, 270, 338, 555,
)  # fmt: skip
_MARGIN = 1.03  # a little room for a fallback font's wider letters


def estimate_width(text: str, em_mm: float) -> float:
    """Width of ``text`` at ``em_mm`` in the labels' font (a 3 % margin on Latin)."""
    total = 0.0
    for ch in text:
        code = ord(ch)
        if 32 <= code < 127:
            total += _ASCII_WIDTHS[code - 32] / 1000 * _MARGIN
        elif unicodedata.east_asian_width(ch) in "WF":
            total += 1.0
        else:
            total += 0.62
    return em_mm * total


def text_em_mm(stock: Stock) -> float:
    """The text size on this stock's labels: a tenth of the short side, 2.8–5 mm."""
    return max(2.8, min(5.0, min(stock.label_w, stock.label_h) / 10))


def quiet_zone_mm(code_mm: float, modules: int | None) -> float:
    """The margin of white around a code: 4 modules, or 8 % of its width for sun codes."""
    if modules:
        return code_mm * QUIET_MODULES / modules
    return code_mm * SUN_QUIET_FACTOR


@dataclass(frozen=True)
class TextLine:
    """One printed line: its box, the text as printed, its size and baseline (label mm)."""

    role: TextRole
    text: str
    rect: Rect
    em_mm: float

    @property
    def baseline_y(self) -> float:
        """Where the baseline goes: ideographs (about -0.12…0.88 em) centred in the box."""
        return self.rect.y + self.rect.h / 2 + self.em_mm * 0.38


@dataclass(frozen=True)
class LabelGeometry:
    """What goes where on one label, in mm from the label's top-left corner."""

    outline: Rect
    quiet: Rect
    code: Rect
    lines: tuple[TextLine, ...]
    arrangement: Arrangement
    text_cut: bool  # a text did not fit its lines and ends in "…"

    def text_of(self, role: TextRole) -> str:
        """The printed lines of one text, joined with newlines."""
        return "\n".join(line.text for line in self.lines if line.role == role)


@dataclass(frozen=True)
class LabelPlan:
    """A label planned at the requested code size; ``fits`` says whether it fits the label.

    ``geometry`` is at the requested size even when it does not fit (a preview can show the
    overflow); ``max_code_mm`` is the largest code that fits with these texts (0 when none).
    """

    stock: Stock
    code_mm: float
    modules: int | None
    caption: str
    label: str
    geometry: LabelGeometry
    fits: bool
    _planner: _Planner = field(repr=False, compare=False)

    @cached_property
    def max_code_mm(self) -> float:
        return self._planner.max_code_mm()


def plan_label(
    stock: Stock,
    code_mm: float,
    *,
    modules: int | None = None,
    caption: str = "",
    label: str = "",
    arrangement: Arrangement | None = None,
    measure: TextMeasure = estimate_width,
) -> LabelPlan:
    """Plan one label of ``stock`` with a ``code_mm`` code and its texts.

    ``arrangement`` puts the texts below the code or beside it (right); None picks the one the
    requested size fits, or else the one with room for the larger code.
    """
    planner = _Planner(stock, modules, caption.strip(), label.strip(), measure)
    if arrangement is None:
        arrangement = planner.choose(code_mm)
    geometry, fits = planner.geometry(code_mm, arrangement)
    return LabelPlan(
        stock, code_mm, modules, caption.strip(), label.strip(), geometry, fits, planner
    )


class _Planner:
    """The arithmetic behind :func:`plan_label` for one stock, code kind and pair of texts."""

    def __init__(
        self, stock: Stock, modules: int | None, caption: str, label: str, measure: TextMeasure
    ) -> None:
        self.stock = stock
        self.modules = modules
        roles: tuple[tuple[TextRole, str], ...] = (("caption", caption), ("label", label))
        self.texts = tuple((role, text) for role, text in roles if text)
        self.measure = measure
        self.em = text_em_mm(stock)
        self.line_h = self.em * LINE_SPACING

    def _wrap(self, width: float) -> tuple[list[tuple[TextRole, str]], bool]:
        lines: list[tuple[TextRole, str]] = []
        cut = False
        for role, text in self.texts:
            wrapped, was_cut = wrap_text(text, width, self.em, self.measure, MAX_TEXT_LINES)
            lines.extend((role, line) for line in wrapped)
            cut = cut or was_cut
        return lines, cut

    def _beside_text_x(self, code_mm: float) -> float:
        quiet = quiet_zone_mm(code_mm, self.modules)
        return max(quiet, EDGE_MM) + code_mm + quiet

    def fits(self, code_mm: float, arrangement: Arrangement) -> bool:
        w, h = self.stock.label_w, self.stock.label_h
        quiet = quiet_zone_mm(code_mm, self.modules)
        side = max(quiet, EDGE_MM)
        if code_mm + 2 * side > min(w, h) + 1e-9:
            return False
        if not self.texts:
            return True
        if arrangement == "below":
            lines, _ = self._wrap(w - 2 * EDGE_MM)
            return side + code_mm + quiet + len(lines) * self.line_h + EDGE_MM <= h + 1e-9
        text_w = w - self._beside_text_x(code_mm) - EDGE_MM
        if text_w < 2 * self.em:
            return False
        lines, _ = self._wrap(text_w)
        return len(lines) * self.line_h <= h - 2 * EDGE_MM + 1e-9

    def max_for(self, arrangement: Arrangement) -> float:
        low, high = 0.0, min(self.stock.label_w, self.stock.label_h)
        if not self.fits(1e-6, arrangement):
            return 0.0
        for _ in range(40):
            middle = (low + high) / 2
            low, high = (middle, high) if self.fits(middle, arrangement) else (low, middle)
        return round(low - 0.005, 2) if low > 0.005 else 0.0

    def max_code_mm(self) -> float:
        return max(self.max_for("below"), self.max_for("beside"))

    def choose(self, code_mm: float) -> Arrangement:
        preferred: Arrangement = (
            "beside" if self.stock.label_w >= 1.3 * self.stock.label_h else "below"
        )
        other: Arrangement = "below" if preferred == "beside" else "beside"
        if not self.texts or self.fits(code_mm, preferred):
            return preferred
        if self.fits(code_mm, other):
            return other
        return preferred if self.max_for(preferred) >= self.max_for(other) else other

    def geometry(self, code_mm: float, arrangement: Arrangement) -> tuple[LabelGeometry, bool]:
        w, h = self.stock.label_w, self.stock.label_h
        quiet = quiet_zone_mm(code_mm, self.modules)
        side = max(quiet, EDGE_MM)
        if arrangement == "below" or not self.texts:
            raw, cut = self._wrap(w - 2 * EDGE_MM) if self.texts else ([], False)
            content = code_mm + (quiet + len(raw) * self.line_h if raw else 0.0)
            bottom_room = EDGE_MM if raw else side
            top = max(side, min((h - content) / 2, h - bottom_room - content))
            code = Rect((w - code_mm) / 2, top, code_mm, code_mm)
            text_top = code.bottom + quiet
            lines = tuple(
                TextLine(role, text, Rect(EDGE_MM, text_top + i * self.line_h,
                                          w - 2 * EDGE_MM, self.line_h), self.em)
                for i, (role, text) in enumerate(raw)
            )  # fmt: skip
        else:
            text_x = self._beside_text_x(code_mm)
            text_w = max(0.0, w - text_x - EDGE_MM)
            raw, cut = self._wrap(text_w)
            code = Rect(side, (h - code_mm) / 2, code_mm, code_mm)
            text_top = (h - len(raw) * self.line_h) / 2
            lines = tuple(
                TextLine(role, text, Rect(text_x, text_top + i * self.line_h,
                                          text_w, self.line_h), self.em)
                for i, (role, text) in enumerate(raw)
            )  # fmt: skip
        quiet_rect = Rect(code.x - quiet, code.y - quiet, code_mm + 2 * quiet, code_mm + 2 * quiet)
        geometry = LabelGeometry(Rect(0.0, 0.0, w, h), quiet_rect, code, lines, arrangement, cut)
        return geometry, self.fits(code_mm, arrangement)


@lru_cache(maxsize=4096)
def wrap_text(
    text: str, width: float, em_mm: float, measure: TextMeasure, max_lines: int
) -> tuple[tuple[str, ...], bool]:
    """Break ``text`` into at most ``max_lines`` lines of ``width`` mm; cut the rest with "…".

    Breaks after a space where a Latin word would be split, anywhere between ideographs.
    Returns the lines and whether text was cut.
    """
    text = " ".join(text.split())
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        end, used = 0, 0.0
        while end < len(rest):
            step = measure(rest[end], em_mm)
            if used + step > width + 1e-9:
                break
            used += step
            end += 1
        if end == len(rest):
            lines.append(rest)
            return tuple(lines), False
        if end == 0:
            return tuple(lines), True
        space = rest.rfind(" ", 0, end + 1)
        if space > 0 and not _is_wide(rest[end - 1]) and rest[end] != " ":
            end = space
        lines.append(rest[:end].rstrip())
        rest = rest[end:].lstrip()
    if not rest:
        return tuple(lines), False
    last = lines[-1] if lines else ""
    while last and measure(last + "…", em_mm) > width:
        last = last[:-1].rstrip()
    if lines:
        lines[-1] = last + "…"
    return tuple(lines), True


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


# ---------------------------------------------------------------------------------------------
# Pages


@dataclass(frozen=True)
class Slot:
    """One printed label: which page, which cell on it (0-based), which item and copy.

    ``outline`` is the label's rectangle on the page in mm (before any printer correction).
    """

    page: int
    cell: int
    item: int
    copy: int
    outline: Rect


def check_placement(stock: Stock, start_cell: int = 1, copies: int = 1) -> None:
    """Raise BadInput for a start cell off the sheet or a copy count out of range.

    Raises:
        BadInput: ``layout.bad_start_cell`` (1…per page) or ``layout.bad_copies``.
    """
    if not 1 <= start_cell <= stock.per_page:
        raise BadInput(
            "layout.bad_start_cell", cell=start_cell, cells=stock.per_page, field="start_cell"
        )
    if not 1 <= copies <= MAX_COPIES:
        raise BadInput("layout.bad_copies", copies=copies, most=MAX_COPIES, field="copies")


def slots(
    stock: Stock, item_count: int | None, *, start_cell: int = 1, copies: int = 1
) -> Iterator[Slot]:
    """Every label to print, in order: each item ``copies`` times, from ``start_cell`` (1-based)
    on the first page — the used labels of a partly used sheet are skipped. ``item_count`` None:
    as many as the caller takes (it stops when its items run out).
    """
    check_placement(stock, start_cell, copies)
    position = start_cell - 1
    for item in range(item_count) if item_count is not None else itertools.count():
        for copy in range(copies):
            page, cell = divmod(position, stock.per_page)
            yield Slot(page, cell, item, copy, stock.cell(cell))
            position += 1


def page_count(stock: Stock, item_count: int, *, start_cell: int = 1, copies: int = 1) -> int:
    """How many pages :func:`slots` fills."""
    check_placement(stock, start_cell, copies)
    labels = item_count * copies
    if labels == 0:
        return 0
    return (start_cell - 1 + labels - 1) // stock.per_page + 1


def on_page(r: Rect, outline: Rect, correction: Correction = NO_CORRECTION) -> Rect:
    """A rectangle of a label's geometry moved to the label's place on the page, corrected."""
    return correction.rect(r.moved(outline.x, outline.y))
