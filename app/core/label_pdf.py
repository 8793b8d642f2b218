"""Label PDFs without Qt: a stock's pages painted from :mod:`app.core.layout` plans.

The CLI's ``qr-batch --pdf`` and the GUI's PDF export both call :func:`write_labels_pdf`. Pages
are written as they are painted (memory stays flat for 10,000 labels), into a hidden ``.part``
file beside the target that replaces it only when the whole PDF is written: a full disk or any
other failure leaves no PDF behind and raises (``OSError`` or ``BadInput``).

Classic QR codes are embedded at one pixel per module and scaled without smoothing (crisp module
edges at any printer resolution); sun codes keep their pixels and are smoothed. Text uses a CJK
font found on the system (:func:`find_label_font`) with a true text layer.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.core.errors import BadInput
from app.core.layout import (
    NO_CORRECTION,
    Correction,
    LabelGeometry,
    LabelPlan,
    PreparedCode,
    on_page,
    plan_label,
    slots,
)
from app.core.messages import os_key
from app.core.pdf import EmbeddedFont, FontFile, PdfWriter
from app.core.stocks import Rect, Stock

FONT_ENV = "RECALL_DESK_PDF_FONT"  # PATH or PATH:INDEX (a face of a .ttc)
_KNOWN_FONTS = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", "Noto Sans CJK SC"),
    ("/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf", ""),
    ("C:/Windows/Fonts/msyh.ttc", "Microsoft YaHei"),
    ("C:/Windows/Fonts/simhei.ttf", ""),
    ("/System/Library/Fonts/PingFang.ttc", "PingFang SC"),
    ("/System/Library/Fonts/STHeiti Light.ttc", ""),
    ("/Library/Fonts/Arial Unicode.ttf", ""),
)


@dataclass(frozen=True)
class LabelItem:
    """One code to print with its texts: the caption and the customer label."""

    code: PreparedCode
    caption: str = ""
    label: str = ""


def find_label_font() -> FontFile:
    """A font with Chinese glyphs: ``$RECALL_DESK_PDF_FONT``, fontconfig's Noto Sans CJK SC,
    or a known system font.

    Raises:
        BadInput: ``pdf.no_font`` when there is none.
    """
    explicit = os.environ.get(FONT_ENV, "").strip()
    if explicit:
        path, _, index = explicit.rpartition(":")
        if not (index.isdigit() and Path(path).is_file()):
            path, index = explicit, "0"
        if Path(path).is_file():
            return FontFile(path, int(index))
        raise BadInput("pdf.no_font", field="font")
    found = _fontconfig("Noto Sans CJK SC:lang=zh-cn")
    if found is not None:
        return found
    for path, family in _KNOWN_FONTS:
        if Path(path).is_file():
            return FontFile(path, _face_index(path, family))
    raise BadInput("pdf.no_font", field="font")


def _fontconfig(pattern: str) -> FontFile | None:
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    try:
        answer = subprocess.run(
            [fc_match, "-f", "%{file}\n%{index}\n%{family}", pattern],
            capture_output=True, text=True, timeout=5, check=False,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    parts = answer.stdout.split("\n")
    if answer.returncode != 0 or len(parts) < 3 or "CJK" not in parts[2]:
        return None
    path, index = parts[0], parts[1]
    return FontFile(path, int(index)) if Path(path).is_file() and index.isdigit() else None


def _face_index(path: str, family: str) -> int:
    if not path.lower().endswith(".ttc") or not family:
        return 0
    from fontTools.ttLib import TTCollection

    collection = TTCollection(path, lazy=True)
    try:
        for index, face in enumerate(collection.fonts):
            if face["name"].getDebugName(1) == family:
                return index
    finally:
        collection.close()
    return 0


def _pixels(code: PreparedCode) -> tuple[Any, bool]:
    """The code's image for the PDF and whether to smooth it (sun codes only)."""
    from PIL import Image

    with Image.open(io.BytesIO(code.png)) as opened:
        opened.load()
        if code.classic and code.modules:
            return opened.convert("1"), False
        return opened.convert("L"), True


def _paint(pdf: PdfWriter, geometry: LabelGeometry, pixels: Any, smooth: bool,
           outline_at: Rect, correction: Correction, outlines: bool) -> None:  # fmt: skip
    def place(r: Rect) -> Rect:
        return on_page(r, outline_at, correction)

    if outlines:
        o = place(geometry.outline)
        pdf.rect(o.x, o.y, o.w, o.h, gray=0.6, fill=False, line_mm=0.1)
    q = place(geometry.quiet)
    pdf.rect(q.x, q.y, q.w, q.h, gray=1.0)
    c = place(geometry.code)
    pdf.image(pixels, c.x, c.y, c.w, c.h, smooth=smooth)
    for line in geometry.lines:
        size = correction.length(line.em_mm)
        width = pdf.font.width(line.text, size)
        box = place(line.rect)
        baseline = place(Rect(line.rect.x, line.baseline_y, 0.0, 0.0)).y
        pdf.text(line.text, box.x + (box.w - width) / 2, baseline, size)


def write_labels_pdf(
    path: str | os.PathLike[str],
    stock: Stock,
    items: Iterable[LabelItem],
    *,
    code_mm: float,
    item_count: int | None = None,
    start_cell: int = 1,
    copies: int = 1,
    correction: Correction = NO_CORRECTION,
    outlines: bool = False,
    title: str = "Recall Desk labels",
    font: FontFile | None = None,
    on_page_done: Callable[[int], None] | None = None,
    check: Callable[[LabelItem, LabelPlan], None] | None = None,
) -> int:
    """Write the labels of ``items`` (each ``copies`` times) to a PDF; returns the page count.

    ``item_count``, when given, is how many items there must be (fewer raise ValueError).
    No items: no file is written and 0 is returned.

    ``items`` is read once, in order (a generator that loads one code at a time keeps memory
    flat). Every plan must fit: check them with :func:`app.core.guard.check_plan` first; a code
    that does not fit here raises ``guard.does_not_fit`` and nothing is written. ``outlines``
    draws each label's outline (plain-paper test prints). ``check(item, plan)`` sees every plan
    before it is painted and may raise to stop (the CLI's guard); the PDF is then not written.

    Raises:
        BadInput: ``pdf.no_font``, ``pdf.missing_glyph``, ``guard.does_not_fit``, placement.
        OSError: the file could not be written whole (no file is left behind).
    """
    target = Path(path)
    embedded = EmbeddedFont(font or find_label_font())
    tmp = _part_of(target)
    iterator = iter(items)
    try:
        with open(tmp, "wb") as out:
            pdf = PdfWriter(out, embedded, title=title)
            page = -1
            current: tuple[LabelGeometry, Any, bool] | None = None
            for slot in slots(stock, item_count, start_cell=start_cell, copies=copies):
                if slot.copy == 0:
                    item = next(iterator, None)
                    if item is None and item_count is None:
                        break
                    if item is None:
                        raise ValueError(f"fewer than {item_count} items")
                    current = _prepare(stock, code_mm, item, embedded, check)
                assert current is not None
                if slot.page != page:
                    if page >= 0:
                        pdf.end_page()
                        if on_page_done is not None:
                            on_page_done(page + 1)
                    pdf.begin_page(stock.page_w, stock.page_h)
                    page = slot.page
                geometry, pixels, smooth = current
                _paint(pdf, geometry, pixels, smooth, slot.outline, correction, outlines)
            if page >= 0:
                pdf.end_page()
                if on_page_done is not None:
                    on_page_done(page + 1)
            pdf.close()
            out.flush()
            os.fsync(out.fileno())
        if page < 0:  # nothing to print: no PDF
            tmp.unlink()
            return 0
        os.replace(tmp, target)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and exc.filename in (None, str(tmp)):
            exc.filename = str(target)  # the user named the PDF, not its hidden part file
        raise
    finally:
        embedded.close()
    return pdf.page_count


def check_destination(path: str | os.PathLike[str]) -> None:
    """Try writing where the PDF will go (its part file, removed), before a batch asks for
    a single code.

    Raises:
        BadInput: ``pdf.destination`` with the folder's reason (missing, read-only, full …).
    """
    target = Path(path)
    tmp = _part_of(target)
    try:
        with open(tmp, "wb"):
            pass
        tmp.unlink()
    except OSError as exc:
        raise BadInput("pdf.destination", path=str(target), cause=os_key(exc)) from None


def _part_of(target: Path) -> Path:
    return target.with_name(f".{target.name}.part")


def _prepare(
    stock: Stock,
    code_mm: float,
    item: LabelItem,
    font: EmbeddedFont,
    check: Callable[[LabelItem, LabelPlan], None] | None,
) -> tuple[LabelGeometry, Any, bool]:
    missing = font.missing(item.caption + item.label)
    if missing.strip():
        raise BadInput("pdf.missing_glyph", font=font.postscript_name, chars=missing.strip())
    plan = plan_item(stock, code_mm, item, check)
    pixels, smooth = _pixels(item.code)
    return plan.geometry, pixels, smooth


def plan_item(
    stock: Stock,
    code_mm: float,
    item: LabelItem,
    check: Callable[[LabelItem, LabelPlan], None] | None = None,
) -> LabelPlan:
    """The plan of ``item``'s label, shown to ``check`` first (the PDF writer's and the
    printer's).

    Raises:
        BadInput: ``guard.does_not_fit`` when the code does not fit the label.
    """
    plan = plan_label(
        stock, code_mm, modules=item.code.modules, caption=item.caption, label=item.label
    )
    if check is not None:
        check(item, plan)
    if not plan.fits:
        raise BadInput(
            "guard.does_not_fit", size=round(code_mm, 1), most=round(plan.max_code_mm, 1),
            field="code_mm",
        )  # fmt: skip
    return plan
