"""Label stocks in millimetres: A4 sheets, thermal roll labels, and the ones a user saves.

A :class:`Stock` is a page with a grid of equal labels on it. A sheet is A4 with several labels;
a roll label is printed one label per page at the label's own size (``page == label``), which is
how thermal printers (203/300 dpi) take a roll. All numbers are millimetres, origin top left.

Built-in sheet sizes come from gLabels' public template database (``avery-iso-templates.xml``,
``herma-iso-templates.xml``), converted from points where gLabels gives points, and rounded to
0.01 mm. ``find_stock`` accepts a stock's name or one of its aliases (the grid, ``3x8``).

Custom stocks live in ``stocks.toml`` next to the config file (:class:`CustomStocks`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from app.core.config_check import read_toml
from app.core.errors import BadInput
from app.core.paths import atomic_write

StockKind = Literal["sheet", "roll"]

A4_W, A4_H = 210.0, 297.0
_TOLERANCE = 0.01
_PT = 25.4 / 72
MAX_GRID = 30
MAX_PAGE_MM = 1000.0
# Printer resolution a stock is assumed to print at when nobody says (thermal 203 dpi; office
# lasers and inkjets print at 600 and more, 300 is the cautious guess).
ROLL_DPI = 203
SHEET_DPI = 300


@dataclass(frozen=True)
class Rect:
    """A rectangle in millimetres, origin top left."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)

    def contains(self, other: Rect, tolerance: float = _TOLERANCE) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.bottom <= self.bottom + tolerance
        )


@dataclass(frozen=True)
class Stock:
    """A page of ``cols × rows`` equal labels.

    ``margin_left``/``margin_top`` place the first label's top-left corner on the page;
    ``pitch_x``/``pitch_y`` are the distances between the left (top) edges of neighbouring
    labels, so the gap between two labels is ``pitch - label size``. ``dpi`` is the printer
    resolution the scannability guard assumes unless the caller knows the printer's.
    """

    name: str
    kind: StockKind
    page_w: float
    page_h: float
    label_w: float
    label_h: float
    cols: int = 1
    rows: int = 1
    margin_left: float = 0.0
    margin_top: float = 0.0
    pitch_x: float = 0.0
    pitch_y: float = 0.0
    corner_mm: float = 0.0
    product: str = ""  # maker and part numbers, e.g. "Avery L7160 / J8160"
    aliases: tuple[str, ...] = ()
    custom: bool = False
    dpi: int = field(default=0)

    def __post_init__(self) -> None:
        # Zero pitch means "labels touch": one label size apart.
        if not self.pitch_x:
            object.__setattr__(self, "pitch_x", self.label_w)
        if not self.pitch_y:
            object.__setattr__(self, "pitch_y", self.label_h)
        if not self.dpi:
            object.__setattr__(self, "dpi", ROLL_DPI if self.kind == "roll" else SHEET_DPI)

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    @property
    def grid(self) -> str:
        return f"{self.cols}x{self.rows}"

    @property
    def gap_x(self) -> float:
        return self.pitch_x - self.label_w

    @property
    def gap_y(self) -> float:
        return self.pitch_y - self.label_h

    @property
    def page(self) -> Rect:
        return Rect(0.0, 0.0, self.page_w, self.page_h)

    def cell(self, slot: int) -> Rect:
        """The label outline of ``slot`` (0-based, row by row) on its page, in page mm."""
        row, col = divmod(slot, self.cols)
        return Rect(
            self.margin_left + col * self.pitch_x,
            self.margin_top + row * self.pitch_y,
            self.label_w,
            self.label_h,
        )

    def cells(self) -> Iterator[Rect]:
        return (self.cell(slot) for slot in range(self.per_page))

    def validate(self) -> None:
        """Raise BadInput unless the numbers describe labels that lie on the page.

        Raises:
            BadInput: ``stock.bad_size``, ``stock.bad_grid``, ``stock.overlap`` or
                ``stock.off_page``.
        """
        for value in (self.page_w, self.page_h, self.label_w, self.label_h):
            if not 0 < value <= MAX_PAGE_MM:
                raise BadInput("stock.bad_size", name=self.name, field="stock")
        if not (1 <= self.cols <= MAX_GRID and 1 <= self.rows <= MAX_GRID):
            raise BadInput("stock.bad_grid", name=self.name, field="stock")
        if self.gap_x < -_TOLERANCE or self.gap_y < -_TOLERANCE:
            raise BadInput("stock.overlap", name=self.name, field="stock")
        if self.margin_left < -_TOLERANCE or self.margin_top < -_TOLERANCE:
            raise BadInput("stock.off_page", name=self.name, field="stock")
        if not self.page.contains(self.cell(self.per_page - 1)):
            raise BadInput("stock.off_page", name=self.name, field="stock")

    def describe_size(self) -> str:
        """``70×37 mm · 3×8 · 210×297 mm``: numbers only (no words: either language reads it)."""
        if self.kind == "roll":
            return f"{self.label_w:g}×{self.label_h:g} mm"
        return (
            f"{self.label_w:g}×{self.label_h:g} mm · {self.cols}×{self.rows} · "
            f"{self.page_w:g}×{self.page_h:g} mm"
        )


def _sheet(
    name: str,
    product: str,
    label_w: float,
    label_h: float,
    cols: int,
    rows: int,
    margin_left: float,
    margin_top: float,
    pitch_x: float = 0.0,
    pitch_y: float = 0.0,
    *,
    corner_mm: float = 0.0,
    aliases: tuple[str, ...] = (),
) -> Stock:
    return Stock(
        name,
        "sheet",
        A4_W,
        A4_H,
        round(label_w, 2),
        round(label_h, 2),
        cols,
        rows,
        round(margin_left, 2),
        round(margin_top, 2),
        round(pitch_x, 2),
        round(pitch_y, 2),
        corner_mm=round(corner_mm, 2),
        product=product,
        aliases=aliases or (f"{cols}x{rows}",),
    )


def roll_stock(label_w: float, label_h: float, *, name: str = "", custom: bool = False) -> Stock:
    """A thermal roll label: one ``label_w × label_h`` label per page of the same size."""
    stock = Stock(
        name or f"roll-{label_w:g}x{label_h:g}",
        "roll",
        label_w,
        label_h,
        label_w,
        label_h,
        custom=custom,
    )
    stock.validate()
    return stock


# Sizes from gLabels' templates (pt converted to mm where gLabels gives points).
BUILTIN: tuple[Stock, ...] = (
    _sheet("a4-1up", "Avery L7167", 199.6, 289.1, 1, 1, 5.2, 4.0, aliases=("1x1", "1up")),
    _sheet("avery-l7165", "Avery L7165 / J8165", 280.8 * _PT, 191.991 * _PT, 2, 4,
           13.2378 * _PT, 36.9638 * _PT, 288.113 * _PT, 191.991 * _PT),
    _sheet("herma-4099", "Herma 4099", 96.0, 50.8, 2, 5, 8.0, 21.5, 99.0, 50.8),
    _sheet("avery-l7163", "Avery L7163", 280.9 * _PT, 108 * _PT, 2, 7,
           9.5 * _PT, 43 * _PT, 292 * _PT, 108 * _PT, corner_mm=5 * _PT),
    _sheet("avery-l7162", "Avery L7162", 280.9 * _PT, 96.1 * _PT, 2, 8,
           11.3 * _PT, 36.8 * _PT, 290.5 * _PT, 96.1 * _PT, corner_mm=5 * _PT),
    _sheet("avery-l7160", "Avery L7160 / J8160", 181.4 * _PT, 108.0 * _PT, 3, 7,
           21.2 * _PT, 43.9 * _PT, 187.2 * _PT, 108.0 * _PT, corner_mm=5 * _PT),
    _sheet("herma-4464", "Herma 4464 / Avery 3474", 70.0, 37.0, 3, 8, 0.0, 0.5),
    _sheet("avery-l7654", "Avery L7654 / L4770", 45.7, 25.4, 4, 10, 10.0, 22.0, 48.5, 25.4,
           corner_mm=1.5),
    _sheet("herma-4097", "Herma 4097", 45.72, 21.2, 4, 12, 10.0, 22.0, 48.72, 21.2),
    _sheet("avery-l7651", "Avery L7651 / L7551", 108 * _PT, 60.09 * _PT, 5, 13,
           13.32 * _PT, 30.90 * _PT, 115.09 * _PT, 60.09 * _PT, corner_mm=5 * _PT),
    *(
        roll_stock(w, h)
        for w, h in ((40, 30), (50, 30), (50, 40), (60, 40), (70, 50), (100, 70))
    ),
)  # fmt: skip

DEFAULT_STOCK = "avery-l7165"

_SIZE = re.compile(r"\s*(\d{1,4}(?:\.\d{1,2})?)\s*[x×*]\s*(\d{1,4}(?:\.\d{1,2})?)\s*(?:mm)?\s*")


def parse_label_size(text: str) -> tuple[float, float]:
    """``"50x30"`` (also ``50×30``, ``50*30mm``) → ``(50.0, 30.0)``.

    Raises:
        BadInput: ``stock.bad_label_size`` when the text is not ``WxH`` in mm.
    """
    match = _SIZE.fullmatch(text)
    if not match:
        raise BadInput("stock.bad_label_size", text=text, field="label")
    return float(match.group(1)), float(match.group(2))


_GRID = re.compile(r"(\d{1,3})x(\d{1,3})")
GRID_MARGIN_MM = 5.0


def grid_stock(cols: int, rows: int) -> Stock:
    """An even ``cols × rows`` grid of touching labels on A4 inside 5 mm margins (``COLSxROWS``
    for stock nobody catalogued: measure it and save a custom sheet for real margins).

    Raises:
        BadInput: ``stock.bad_grid``.
    """
    name = f"a4-{cols}x{rows}"
    if not (1 <= cols <= MAX_GRID and 1 <= rows <= MAX_GRID):
        raise BadInput("stock.bad_grid", name=name, field="stock")
    width = int((A4_W - 2 * GRID_MARGIN_MM) / cols * 100) / 100
    height = int((A4_H - 2 * GRID_MARGIN_MM) / rows * 100) / 100
    stock = Stock(name, "sheet", A4_W, A4_H, width, height, cols, rows,
                  GRID_MARGIN_MM, GRID_MARGIN_MM, aliases=(f"{cols}x{rows}",))  # fmt: skip
    stock.validate()
    return stock


def all_stocks(custom: Iterable[Stock] = ()) -> list[Stock]:
    """Built-in stocks, then the user's."""
    return [*BUILTIN, *custom]


def find_stock(name: str, custom: Iterable[Stock] = ()) -> Stock:
    """The stock called ``name`` (case-insensitive), by name or alias; ``COLSxROWS`` that no
    stock answers to is an even grid (:func:`grid_stock`).

    Raises:
        BadInput: ``stock.unknown`` (with the known names) when there is none.
    """
    wanted = name.strip().lower()
    stocks = all_stocks(custom)
    for stock in stocks:
        if stock.name.lower() == wanted:
            return stock
    for stock in stocks:
        if wanted in (alias.lower() for alias in stock.aliases):
            return stock
    grid = _GRID.fullmatch(wanted)
    if grid:
        return grid_stock(int(grid.group(1)), int(grid.group(2)))
    raise BadInput(
        "stock.unknown", name=name, known=", ".join(s.name for s in stocks), field="stock"
    )


# ---------------------------------------------------------------------------------------------
# Custom stocks, persisted as TOML beside the config file.

_FIELDS = (
    "kind", "page_w", "page_h", "label_w", "label_h", "cols", "rows",
    "margin_left", "margin_top", "pitch_x", "pitch_y", "corner_mm", "product",
)  # fmt: skip
# A pattern, compiled (and cached by re) on first use: its CJK ranges are slow to compile.
_NAME = r"[A-Za-z0-9\u3400-\u9fff][\w\u3400-\u9fff.+-]{0,39}"


def custom_sheet(
    name: str,
    *,
    label_w: float,
    label_h: float,
    cols: int,
    rows: int,
    margin_left: float,
    margin_top: float,
    pitch_x: float = 0.0,
    pitch_y: float = 0.0,
    page_w: float = A4_W,
    page_h: float = A4_H,
) -> Stock:
    """A user's sheet, validated."""
    stock = Stock(
        name, "sheet", page_w, page_h, label_w, label_h, cols, rows,
        margin_left, margin_top, pitch_x, pitch_y, custom=True,
    )  # fmt: skip
    stock.validate()
    return stock


class CustomStocks:
    """The stocks a user saved: ``stocks.toml`` beside the config file (Qt-free).

    Each entry is a ``[stocks.NAME]`` table with the :class:`Stock` fields. A file that cannot be
    read raises ``stock.store_unreadable``; entries that do not validate are skipped and listed
    in :attr:`skipped` so the caller can say so.
    """

    FILE_NAME = "stocks.toml"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.skipped: list[str] = []

    @classmethod
    def beside(cls, config_file: Path) -> CustomStocks:
        return cls(config_file.parent / cls.FILE_NAME)

    def load(self) -> list[Stock]:
        self.skipped = []
        if not self.path.exists():
            return []
        try:
            data, _ = read_toml(self.path)
        except BadInput as exc:
            raise BadInput("stock.store_unreadable", cause=exc.key, **exc.params) from exc
        stocks = []
        for name, entry in (data.get("stocks") or {}).items():
            try:
                stocks.append(_from_entry(name, entry))
            except (BadInput, TypeError, ValueError):
                self.skipped.append(str(name))
        return stocks

    def save(self, stock: Stock) -> None:
        """Add or replace ``stock`` (validated; a built-in name is refused)."""
        if not re.fullmatch(_NAME, stock.name):
            raise BadInput("stock.bad_name", name=stock.name, field="stock")
        if any(stock.name.lower() in (b.name.lower(), *b.aliases) for b in BUILTIN):
            raise BadInput("stock.name_taken", name=stock.name, field="stock")
        stock.validate()
        entries = {s.name: s for s in self.load()}
        entries[stock.name] = stock
        self._write(entries.values())

    def remove(self, name: str) -> bool:
        entries = {s.name: s for s in self.load()}
        if entries.pop(name, None) is None:
            return False
        self._write(entries.values())
        return True

    def _write(self, stocks: Iterable[Stock]) -> None:
        import tomli_w

        table = {s.name: {k: v for k, v in asdict(s).items() if k in _FIELDS} for s in stocks}
        atomic_write(self.path, tomli_w.dumps({"stocks": table}).encode("utf-8"))


def _from_entry(name: str, entry: Any) -> Stock:
    if not isinstance(entry, dict) or not re.fullmatch(_NAME, str(name)):
        raise ValueError(name)
    kind = entry.get("kind", "sheet")
    if kind not in ("sheet", "roll"):
        raise ValueError(kind)
    if kind == "roll":
        return roll_stock(float(entry["label_w"]), float(entry["label_h"]), name=name, custom=True)
    numbers = {k: entry[k] for k in _FIELDS if k in entry and k not in ("kind", "product")}
    stock = Stock(
        name,
        "sheet",
        float(numbers.get("page_w", A4_W)),
        float(numbers.get("page_h", A4_H)),
        float(numbers["label_w"]),
        float(numbers["label_h"]),
        int(numbers.get("cols", 1)),
        int(numbers.get("rows", 1)),
        float(numbers.get("margin_left", 0.0)),
        float(numbers.get("margin_top", 0.0)),
        float(numbers.get("pitch_x", 0.0)),
        float(numbers.get("pitch_y", 0.0)),
        corner_mm=float(numbers.get("corner_mm", 0.0)),
        product=str(entry.get("product", "")),
        custom=True,
    )
    stock.validate()
    return stock
