"""Label geometry in millimetres, page placement, and the scannability guard."""

from __future__ import annotations

import pytest

from app.core.errors import BadInput
from app.core.guard import check_code, check_plan
from app.core.layout import (
    EDGE_MM,
    Correction,
    estimate_width,
    page_count,
    plan_label,
    quiet_zone_mm,
    slots,
    wrap_text,
)
from app.core.stocks import BUILTIN, Rect, find_stock, roll_stock

CAPTION, NAME = "扫码进入视频面签", "王小明"


def _inside(outer: Rect, inner: Rect, margin: float = 0.0) -> bool:
    return Rect(outer.x + margin, outer.y + margin, outer.w - 2 * margin,
                outer.h - 2 * margin).contains(inner)


@pytest.mark.parametrize("stock", BUILTIN, ids=lambda s: s.name)
@pytest.mark.parametrize("modules", [None, 25, 33])
def test_the_largest_fitting_code_lies_within_its_label(stock, modules) -> None:
    most = plan_label(stock, 30, modules=modules, caption=CAPTION, label=NAME).max_code_mm
    plan = plan_label(stock, most, modules=modules, caption=CAPTION, label=NAME)
    assert plan.fits and plan.code_mm == most
    g = plan.geometry
    assert g.code.w == g.code.h == most  # the code is exactly the size asked
    quiet = quiet_zone_mm(most, modules)
    assert g.quiet.w == pytest.approx(most + 2 * quiet)
    assert _inside(g.outline, g.quiet) and _inside(g.outline, g.code, EDGE_MM)
    for line in g.lines:
        assert _inside(g.outline, line.rect, EDGE_MM - 0.01)
        assert not _overlap(line.rect, g.quiet), (line, g.quiet)
    # a tenth of a millimetre more no longer fits: max_code_mm is the real limit
    assert not plan_label(stock, most + 0.1, modules=modules, caption=CAPTION, label=NAME).fits


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right - 1e-6 and b.x < a.right - 1e-6 and a.y < b.bottom - 1e-6 and (
        b.y < a.bottom - 1e-6
    )


def test_a_code_that_does_not_fit_is_never_shrunk() -> None:
    stock = find_stock("3x8")  # 70 × 37 mm
    plan = plan_label(stock, 40, modules=33, caption=CAPTION, label=NAME)
    assert not plan.fits
    assert plan.geometry.code.w == 40  # planned at the requested size, overflowing
    assert 20 < plan.max_code_mm < 37
    verdict = check_plan(plan, allow_small=True)
    assert verdict.level == "refuse" and not verdict.printable  # no override for overflow
    assert verdict.findings[0].key == "guard.does_not_fit"
    assert verdict.findings[0].params["most"] == round(plan.max_code_mm, 1)


def test_wide_labels_put_the_text_beside_the_code() -> None:
    plan = plan_label(roll_stock(50, 30), 22, modules=29, caption="扫码进入", label=NAME)
    g = plan.geometry
    assert plan.fits and g.arrangement == "beside"
    assert all(line.rect.x >= g.quiet.right - 1e-6 for line in g.lines)
    assert [line.text for line in g.lines] == ["扫码进入", NAME]
    tall = plan_label(roll_stock(40, 60), 30, modules=29, caption="扫码进入", label=NAME)
    assert tall.geometry.arrangement == "below"
    assert all(line.rect.y >= tall.geometry.quiet.bottom - 1e-6 for line in tall.geometry.lines)


def test_long_text_wraps_then_is_cut_visibly() -> None:
    lines, cut = wrap_text("请用微信扫一扫进入视频面签", 20, 3.0, estimate_width, 2)
    assert lines == ("请用微信扫一", "扫进入视频面…") and cut
    lines, cut = wrap_text("Scan to join the video call", 30, 3.0, estimate_width, 2)
    assert lines == ("Scan to join the", "video call") and not cut  # breaks at a space


def test_slots_skip_used_cells_and_repeat_copies() -> None:
    stock = find_stock("3x8")
    placed = list(slots(stock, 3, start_cell=23, copies=2))
    assert [(s.page, s.cell, s.item, s.copy) for s in placed] == [
        (0, 22, 0, 0), (0, 23, 0, 1), (1, 0, 1, 0), (1, 1, 1, 1), (1, 2, 2, 0), (1, 3, 2, 1)
    ]
    assert placed[0].outline == Rect(70.0, 7 * 37.0 + 0.5, 70.0, 37.0)
    assert page_count(stock, 3, start_cell=23, copies=2) == 2
    assert page_count(stock, 0) == 0
    assert page_count(roll_stock(50, 30), 7, copies=2) == 14
    with pytest.raises(BadInput) as caught:
        page_count(stock, 1, start_cell=25)
    assert caught.value.key == "layout.bad_start_cell"


def test_correction_scales_about_the_page_origin_then_offsets() -> None:
    moved = Correction(offset_x=1.5, offset_y=-0.5, scale=1.01).rect(Rect(100, 200, 30, 30))
    assert (moved.x, moved.y, moved.w, moved.h) == pytest.approx((102.5, 201.5, 30.3, 30.3))


@pytest.mark.parametrize(
    ("code_mm", "level"), [(19.9, "refuse"), (20.0, "warn"), (25.0, "warn"), (29.9, "warn"),
                           (30.0, "ok"), (60.0, "ok")],
)
def test_guard_size_thresholds(code_mm: float, level: str) -> None:
    verdict = check_code(code_mm, dpi=600)
    assert verdict.level == level
    assert verdict.printable is (level != "refuse")


def test_guard_needs_four_printer_dots_per_module() -> None:
    # 203 dpi = 7.99 dots/mm; 33 modules × 4 dots = 132 dots = 16.5 mm
    at_limit = check_code(16.52, dpi=203, modules=33)
    assert at_limit.dots_per_module == pytest.approx(4.0, abs=0.01)
    assert "guard.too_few_dots" not in [f.key for f in at_limit.findings]
    # 57 modules (a long URL) at 20 mm on 203 dpi: 2.8 dots per module
    dense = check_code(20.0, dpi=203, modules=57)
    assert dense.level == "refuse" and dense.dots_per_module == pytest.approx(2.80, abs=0.01)
    finding = next(f for f in dense.findings if f.key == "guard.too_few_dots")
    assert finding.params["least"] == 28.6  # 57 × 4 / 203 × 25.4
    assert dense.smallest_ok_mm == 28.6
    assert check_code(20.0, dpi=600, modules=57).level == "warn"
    sun = check_code(20.0, dpi=203, modules=None)  # a sun code: dots unknown, not checked
    assert sun.level == "warn" and sun.dots_per_module is None


def test_override_is_recorded_and_only_for_size() -> None:
    small = check_code(15.0, dpi=300, modules=25, allow_small=True)
    assert small.level == "refuse" and small.overridden and small.printable
    fields = small.manifest_fields()
    assert fields["guard"] == "refuse" and fields["guard_override"] == "yes"
    assert fields["code_mm"] == "15.0" and fields["module_mm"] == "0.60"
    assert not check_code(15.0, dpi=300).printable
    assert check_code(40.0, dpi=300).manifest_fields()["guard_override"] == ""


def test_a_stock_too_small_for_any_scannable_code_says_so() -> None:
    tiny = find_stock("5x13")  # 38.1 × 21.2 mm
    plan = plan_label(tiny, 15, modules=25, caption=CAPTION, label=NAME)
    verdict = check_plan(plan, allow_small=True)
    keys = [f.key for f in verdict.findings]
    assert keys[0] == "guard.stock_too_small" and not verdict.printable
    assert verdict.findings[0].params["most"] < 20
    roomy = check_plan(plan_label(find_stock("3x8"), 15, modules=25, caption=CAPTION))
    assert [f.key for f in roomy.findings] == ["guard.too_small"]


def test_roll_labels_are_judged_at_thermal_resolution() -> None:
    roll = roll_stock(50, 30)
    verdict = check_plan(plan_label(roll, 22, modules=41, caption=CAPTION))
    assert verdict.dpi == 203 and verdict.dots_per_module == pytest.approx(4.29, abs=0.01)
    assert verdict.level == "warn"  # scannable by dots, but under 30 mm
    dense = check_plan(plan_label(roll, 22, modules=57, caption=CAPTION))
    # 57 modules need 28.6 mm at 203 dpi, more than a 50 × 30 label takes
    assert [f.key for f in dense.findings] == ["guard.stock_too_small"]
    assert dense.findings[0].params == {"most": 26.3, "least": 28.6}
    assert check_plan(plan_label(roll, 22, modules=57), dpi=300).level == "warn"


def test_a_refusal_keeps_its_reasons_as_keys_and_reads_in_either_language() -> None:
    from app.core.messages import describe

    verdict = check_plan(plan_label(find_stock("3x8"), 12, modules=25, caption=CAPTION))
    error = verdict.refusal(hint="guard.override_hint")
    assert error.key == "guard.refused"
    assert [key for key, _params in error.params["reasons"]] == [
        *(f.key for f in verdict.findings), "guard.override_hint"
    ]
    english, chinese = describe(error, "en"), describe(error, "zh")
    assert "too small" in english and "--allow-small" in english
    assert "太小" in chinese and "too small" not in chinese
    items = verdict.refusal(count=3, first="王小明")  # the GUI's: no command-line hint
    assert items.key == "guard.refused_items" and "--allow-small" not in describe(items, "en")
