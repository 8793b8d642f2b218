"""A batch's label job: each code judged with its own module count as the PDF is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.errors import BadInput
from app.core.guard import check_plan
from app.core.images import verify_image
from app.core.label_job import LabelJob
from app.core.label_pdf import LabelItem
from app.core.layout import plan_label, prepare_code
from app.core.stocks import roll_stock
from app.sandbox import render_qr


def _item(text: str, label: str) -> LabelItem:
    return LabelItem(prepare_code(verify_image(render_qr(text))), "", label)


def test_a_code_too_dense_to_print_stops_the_pdf_and_the_refusal_counts_them_all(
    tmp_path: Path,
) -> None:
    stock = roll_stock(50, 30)  # 203 dpi
    small, dense = _item("o1", "王小明"), _item("x" * 300, "李大山")
    assert dense.code.modules is not None and small.code.modules is not None
    assert dense.code.modules > 2 * small.code.modules
    typical = check_plan(plan_label(stock, 20, modules=small.code.modules), dpi=stock.dpi)
    assert typical.printable
    job = LabelJob(stock, 20, "", typical, stock.dpi)
    pdf = tmp_path / "labels.pdf"

    with pytest.raises(BadInput) as caught:
        job.write_pdf(pdf, [small, dense, small, dense], hint="guard.override_hint")
    assert caught.value.key == "guard.refused_items"
    assert (caught.value.params["count"], caught.value.params["first"]) == (2, "李大山")
    reasons = [key for key, _params in caught.value.params["reasons"]]
    assert reasons == ["guard.stock_too_small"]  # no override makes it scan: no hint
    assert not pdf.exists()
    with pytest.raises(BadInput):
        job.judge([small, dense])

    assert job.judge([small, small]) == 2
    pages, cut = job.write_pdf(pdf, [small, small])
    assert (pages, cut) == (2, []) and pdf.read_bytes().startswith(b"%PDF-")
