import csv
import io

import pytest

from app.core.csv_safe import safe_cell, safe_row


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "' =1"),  # a tab starts a formula too; as a space it still gets the quote
        ("\r=1", "' =1"),
        ("  =1", "'  =1"),
        ("o\x001", "o\ufffd1"),  # a NUL is shown, never written, never dropped into "o1"
        ("\x1b[31mred", "\ufffd[31mred"),
        ("a\u202eb", "a\ufffdb"),
        ("line\r\nnext\tcell", "line next cell"),
        ("-\x00", "'-\ufffd"),
        ("-1", "-1"),
        ("-0.5", "-0.5"),
        ("o6_bmjrPTlm6_2sgVt7hMZOPfL2M", "o6_bmjrPTlm6_2sgVt7hMZOPfL2M"),
        ("王小明", "王小明"),
        ("a=b", "a=b"),
        (None, ""),
        (3, "3"),
    ],
)
def test_cells_that_could_start_a_formula_are_text(value: object, written: str) -> None:
    assert safe_cell(value) == written


def test_a_row_round_trips_through_csv_as_text() -> None:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(safe_row(["=1+1", "x,y", '"q"', -1]))
    (row,) = csv.reader(io.StringIO(buffer.getvalue()))
    assert row == ["'=1+1", "x,y", '"q"', "-1"]
