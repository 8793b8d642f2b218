"""The label stock catalogue in millimetres: every stock lies on its page, the user's store."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import BadInput
from app.core.stocks import (
    BUILTIN,
    CustomStocks,
    Rect,
    custom_sheet,
    find_stock,
    parse_label_size,
    roll_stock,
)

SHEETS = [s for s in BUILTIN if s.kind == "sheet"]
ROLLS = [s for s in BUILTIN if s.kind == "roll"]


@pytest.mark.parametrize("stock", BUILTIN, ids=lambda s: s.name)
def test_every_label_lies_on_its_page_without_overlap(stock) -> None:
    stock.validate()
    page = Rect(0, 0, stock.page_w, stock.page_h)
    cells = list(stock.cells())
    assert len(cells) == stock.cols * stock.rows
    for cell in cells:
        assert page.contains(cell), (stock.name, cell)
        assert (cell.w, cell.h) == (stock.label_w, stock.label_h)
    for a, b in zip(cells, cells[1:], strict=False):
        same_row = abs(a.y - b.y) < 1e-9
        if same_row:
            assert b.x - a.x == pytest.approx(stock.pitch_x)
            assert b.x >= a.right - 0.01  # pitch ≥ label width: neighbours never overlap
    if stock.rows > 1:
        assert cells[stock.cols].y - cells[0].y == pytest.approx(stock.pitch_y)
        assert cells[stock.cols].y >= cells[0].bottom - 0.01


def test_the_catalogue_has_the_common_a4_grids_and_thermal_rolls() -> None:
    assert {s.grid for s in SHEETS} >= {"1x1", "2x4", "2x5", "2x7", "2x8", "3x7", "3x8", "4x10",
                                        "5x13"}
    assert all((s.page_w, s.page_h) == (210.0, 297.0) for s in SHEETS)
    assert {(s.label_w, s.label_h) for s in ROLLS} >= {
        (40, 30), (50, 30), (50, 40), (60, 40), (70, 50), (100, 70)
    }
    for roll in ROLLS:  # one label per page at the label's own size
        assert (roll.page_w, roll.page_h) == (roll.label_w, roll.label_h)
        assert roll.per_page == 1 and roll.cell(0) == Rect(0, 0, roll.label_w, roll.label_h)
        assert roll.dpi == 203


def test_real_sizes_from_the_makers_templates() -> None:
    l7160 = find_stock("avery-l7160")  # Avery L7160: 63.5 × 38.1 mm, 21 to a sheet
    assert l7160.label_h == 38.1 and l7160.per_page == 21
    assert l7160.label_w == pytest.approx(63.5, abs=0.6)
    herma = find_stock("3x8")
    assert (herma.label_w, herma.label_h, herma.per_page) == (70.0, 37.0, 24)
    l7651 = find_stock("5x13")
    assert (l7651.label_w, l7651.label_h) == pytest.approx((38.1, 21.2), abs=0.01)


def test_stocks_are_found_by_name_or_grid_case_insensitively() -> None:
    assert find_stock("AVERY-L7165") is find_stock("2x4")
    assert find_stock("roll-50x30").label_w == 50
    with pytest.raises(BadInput) as caught:
        find_stock("avery-l9999")
    assert caught.value.key == "stock.unknown"
    assert "herma-4464" in caught.value.params["known"]


@pytest.mark.parametrize("text", ["50x30", "50×30", "50 * 30mm", " 50X30 "])
def test_label_sizes_parse(text: str) -> None:
    assert parse_label_size(text.lower()) == (50.0, 30.0)


@pytest.mark.parametrize("text", ["50", "50x", "x30", "fifty by thirty", "50x30x2"])
def test_bad_label_sizes_are_refused(text: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_label_size(text)
    assert caught.value.key == "stock.bad_label_size"


def test_impossible_stocks_are_refused() -> None:
    with pytest.raises(BadInput) as caught:
        custom_sheet("wide", label_w=80, label_h=30, cols=3, rows=2, margin_left=5, margin_top=5)
    assert caught.value.key == "stock.off_page"  # 5 + 3 × 80 > 210
    with pytest.raises(BadInput) as caught:
        custom_sheet("tight", label_w=60, label_h=30, cols=3, rows=2, margin_left=0,
                     margin_top=0, pitch_x=50)
    assert caught.value.key == "stock.overlap"
    with pytest.raises(BadInput):
        roll_stock(0, 30)


def test_custom_stocks_persist_beside_the_config(tmp_path: Path) -> None:
    store = CustomStocks.beside(tmp_path / "config.toml")
    sheet = custom_sheet("office-3x6", label_w=64, label_h=45, cols=3, rows=6, margin_left=7,
                         margin_top=13, pitch_x=66)
    store.save(sheet)
    store.save(roll_stock(58, 40, name="till-58x40", custom=True))
    loaded = {s.name: s for s in CustomStocks(tmp_path / "stocks.toml").load()}
    assert loaded["office-3x6"] == sheet
    assert loaded["till-58x40"].kind == "roll" and loaded["till-58x40"].page_w == 58
    assert find_stock("till-58x40", loaded.values()).custom
    assert store.remove("office-3x6") and not store.remove("office-3x6")
    assert [s.name for s in store.load()] == ["till-58x40"]


def test_custom_stocks_cannot_take_a_builtin_name(tmp_path: Path) -> None:
    store = CustomStocks(tmp_path / "stocks.toml")
    with pytest.raises(BadInput) as caught:
        store.save(roll_stock(50, 30))
    assert caught.value.key == "stock.name_taken"


def test_a_broken_store_is_reported_and_bad_entries_skipped(tmp_path: Path) -> None:
    path = tmp_path / "stocks.toml"
    path.write_text('[stocks.ok]\nkind = "roll"\nlabel_w = 50\nlabel_h = 30\n'
                    '[stocks.bad]\nkind = "roll"\nlabel_w = -1\nlabel_h = 30\n', encoding="utf-8")
    store = CustomStocks(path)
    assert [s.name for s in store.load()] == ["ok"]
    assert store.skipped == ["bad"]
    path.write_text("[stocks\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        store.load()
    assert caught.value.key == "stock.store_unreadable"
