"""The alignment page, in millimetres (Qt-free): rulers, crosshairs and a stock's label outlines.

Printed on plain paper, it lets the lead measure how far and how much a printer moves and
scales what it prints, before wasting label stock: each crosshair's centre is printed at a known
distance from the paper's top-left corner (its label says where), and the rulers give the page
coordinate at every millimetre. ``offset = measured - printed`` and
``scale = measured distance between two crosshairs / printed distance``.

The page is a list of primitives in page mm — axis-aligned lines, boxes and text — that the
printer's QPainter (:func:`app.ui.printing.paint_alignment`) and the Qt-free PDF writer
(:func:`write_alignment_pdf`, the one label PDFs use) draw alike. :func:`corrected` moves and
scales all of them the way :class:`app.core.layout.Correction` moves a label, so a page printed
with a correction shows what the correction does.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from app.core.label_pdf import find_label_font
from app.core.pdf import EmbeddedFont, PdfWriter


class Box(Protocol):
    @property
    def x(self) -> float: ...
    @property
    def y(self) -> float: ...
    @property
    def w(self) -> float: ...
    @property
    def h(self) -> float: ...


class _Correction(Protocol):
    @property
    def offset_x(self) -> float: ...
    @property
    def offset_y(self) -> float: ...
    @property
    def scale(self) -> float: ...


MINOR_TICK_MM = 1.5
MIDDLE_TICK_MM = 2.5
MAJOR_TICK_MM = 4.0
NUMBER_MM = 2.2  # height of the ruler numbers
LINE_MM = 0.15  # stroke width of rulers and crosshairs
OUTLINE_GRAY = 0.35  # label outlines: dark enough to see, lighter than the rulers
ASCENT_EM = 0.8  # baseline below a text's top, in em
SMALL_PAGE_MM = 100.0  # a page whose short side is less: a roll label


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = LINE_MM


@dataclass(frozen=True)
class Text:
    """``text`` with its top-left corner at (x, y), ``size`` mm high (an em)."""

    x: float
    y: float
    text: str
    size: float

    @property
    def baseline(self) -> float:
        return self.y + self.size * ASCENT_EM


@dataclass(frozen=True)
class Crosshair:
    """A cross whose centre is at (x, y): two arms ``arm`` long each way, and a square of
    half-side ``ring`` around the centre to aim at."""

    x: float
    y: float
    arm: float
    ring: float


@dataclass(frozen=True)
class Outline:
    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class AlignmentPage:
    page_w: float
    page_h: float
    inset: float
    lines: tuple[Line, ...]
    texts: tuple[Text, ...]
    crosshairs: tuple[Crosshair, ...]
    outlines: tuple[Outline, ...]
    panels: tuple[Outline, ...] = ()  # white boxes under the notes, over the label outlines


def inset_for(page_w: float, page_h: float) -> float:
    """Where the rulers run: 10 mm in on office paper, less on a small roll label."""
    if min(page_w, page_h) >= SMALL_PAGE_MM:
        return 10.0
    return max(3.0, min(page_w, page_h) / 10)


def _ruler(length: float, inset: float, horizontal: bool) -> tuple[list[Line], list[Text]]:
    """Ticks every mm from the inset to the far inset, numbered (in page mm) every 10 mm."""
    lines: list[Line] = []
    texts: list[Text] = []
    start, end = int(round(inset)), int(length - inset)
    at = inset
    if horizontal:
        lines.append(Line(start, at, end, at))
    else:
        lines.append(Line(at, start, at, end))
    for mm in range(start, end + 1):
        tick = MAJOR_TICK_MM if mm % 10 == 0 else MIDDLE_TICK_MM if mm % 5 == 0 else MINOR_TICK_MM
        if horizontal:
            lines.append(Line(mm, at, mm, at + tick))
        else:
            lines.append(Line(at, mm, at + tick, mm))
        if mm % 10 == 0 and inset + 2 * MAJOR_TICK_MM < mm < length - inset:
            if horizontal:
                texts.append(Text(mm + 0.4, at + MAJOR_TICK_MM - NUMBER_MM, str(mm), NUMBER_MM))
            else:
                texts.append(Text(at + MAJOR_TICK_MM + 0.3, mm + 0.2, str(mm), NUMBER_MM))
    return lines, texts


def crosshair_centres(page_w: float, page_h: float) -> list[tuple[float, float]]:
    """Four near the corners (two insets in, on whole millimetres) and, on a page with room
    for it, one in the middle."""
    inset = inset_for(page_w, page_h)
    near = float(round(2 * inset + MAJOR_TICK_MM))
    far_x, far_y = float(round(page_w - near)), float(round(page_h - near))
    corners = [(near, near), (far_x, near), (near, far_y), (far_x, far_y)]
    if min(page_w, page_h) < SMALL_PAGE_MM:
        return corners  # a roll label: a middle cross would sit on the others' labels
    return [*corners, (float(round(page_w / 2)), float(round(page_h / 2)))]


def alignment_page(
    page_w: float,
    page_h: float,
    outlines: Sequence[Box] = (),
    *,
    title: str = "",
    notes: Sequence[str] = (),
) -> AlignmentPage:
    """The page for a stock: its size, its label outlines, and the caller's (translated) texts.

    Args:
        outlines: the labels' rectangles on the page (a stock's cells), drawn thin.
        title, notes: printed in the middle of the page; lines that do not fit are left out.
    """
    inset = inset_for(page_w, page_h)
    top_lines, top_texts = _ruler(page_w, inset, horizontal=True)
    left_lines, left_texts = _ruler(page_h, inset, horizontal=False)
    arm = min(5.0, inset * 0.8)
    crosses = [Crosshair(x, y, arm, arm / 2) for x, y in crosshair_centres(page_w, page_h)]
    texts = top_texts + left_texts
    small = min(page_w, page_h) < SMALL_PAGE_MM
    for x, y in crosshair_centres(page_w, page_h):
        size = NUMBER_MM * (0.75 if small else 1.0)
        label = f"{x:g}, {y:g}" if small else f"{x:g}, {y:g} mm"
        right_half = x > page_w / 2
        texts.append(
            Text(x - arm - 0.6 * size * len(label) if right_half else x + arm, y + arm, label, size)
        )
    text_x = crosshair_centres(page_w, page_h)[0][0] + arm + 2
    y = crosshair_centres(page_w, page_h)[0][1] + arm + 4
    bottom = page_h - 2 * inset - MAJOR_TICK_MM - arm
    top, widest = y, 0.0
    for text, size in [(title, 4.0)] + [(note, 3.0) for note in notes]:
        if not text:
            continue
        if y + size > bottom:
            break
        texts.append(Text(text_x, y, text, size))
        widest = max(widest, _width(text, size))
        y += size * 1.5
    panels = []
    if widest:
        right = min(page_w - inset, text_x + widest * 1.05 + 2.0)
        panels.append(Outline(text_x - 1.5, top - 1.5, right - text_x + 1.5, y - top + 1.5))
    return AlignmentPage(
        page_w,
        page_h,
        inset,
        tuple(top_lines + left_lines),
        tuple(texts),
        tuple(crosses),
        tuple(Outline(o.x, o.y, o.w, o.h) for o in outlines),
        tuple(panels),
    )


def _width(text: str, size: float) -> float:
    """A generous estimate of a line's width: wide (CJK) characters 1 em, others 0.6 em."""
    return size * sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def corrected(page: AlignmentPage, correction: _Correction) -> AlignmentPage:
    """The page as a printer with this correction would be asked to print it."""
    s, dx, dy = correction.scale, correction.offset_x, correction.offset_y

    def px(v: float) -> float:
        return v * s + dx

    def py(v: float) -> float:
        return v * s + dy

    return replace(
        page,
        lines=tuple(Line(px(a.x1), py(a.y1), px(a.x2), py(a.y2), a.width) for a in page.lines),
        texts=tuple(Text(px(t.x), py(t.y), t.text, t.size * s) for t in page.texts),
        crosshairs=tuple(
            Crosshair(px(c.x), py(c.y), c.arm * s, c.ring * s) for c in page.crosshairs
        ),
        outlines=tuple(Outline(px(o.x), py(o.y), o.w * s, o.h * s) for o in page.outlines),
        panels=tuple(Outline(px(o.x), py(o.y), o.w * s, o.h * s) for o in page.panels),
    )


def write_alignment_pdf(path: str | os.PathLike[str], page: AlignmentPage) -> None:
    """The page as a PDF of its own size with the label PDFs' writer (uncorrected: a PDF is
    exact), into a hidden ``.part`` renamed only when whole.

    Raises:
        BadInput: ``pdf.no_font`` when no CJK font is installed.
        OSError: the file could not be written (nothing is left behind).
    """
    target = Path(path)
    tmp = target.with_name(f".{target.name}.part")
    font = EmbeddedFont(find_label_font())
    try:
        with open(tmp, "wb") as out:
            pdf = PdfWriter(out, font, title="Recall Desk alignment page")
            pdf.begin_page(page.page_w, page.page_h)
            for line in page.lines:
                _pdf_line(pdf, line.x1, line.y1, line.x2, line.y2, line.width)
            for box in page.outlines:
                pdf.rect(box.x, box.y, box.w, box.h, gray=OUTLINE_GRAY, fill=False, line_mm=0.2)
            for panel in page.panels:
                pdf.rect(panel.x, panel.y, panel.w, panel.h, gray=1.0)
            for cross in page.crosshairs:
                _pdf_line(pdf, cross.x - cross.arm, cross.y, cross.x + cross.arm, cross.y)
                _pdf_line(pdf, cross.x, cross.y - cross.arm, cross.x, cross.y + cross.arm)
                r = cross.ring
                pdf.rect(cross.x - r, cross.y - r, 2 * r, 2 * r, fill=False, line_mm=LINE_MM)
            for text in page.texts:
                pdf.text(text.text, text.x, text.baseline, text.size)
            pdf.end_page()
            pdf.close()
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        font.close()


def _pdf_line(
    pdf: PdfWriter, x1: float, y1: float, x2: float, y2: float, width: float = LINE_MM
) -> None:
    """An axis-aligned line as a thin filled box centred on it."""
    half = width / 2
    x, y = min(x1, x2) - (half if x1 == x2 else 0), min(y1, y2) - (half if y1 == y2 else 0)
    w = abs(x2 - x1) or width
    h = abs(y2 - y1) or width
    pdf.rect(x, y, w, h)
