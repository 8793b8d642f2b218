"""CSV that spreadsheets open as text: no cell we write can start a formula or hold a control.

Excel, LibreOffice and Google Sheets treat a cell starting with ``=``, ``+``, ``-``, ``@``,
tab or carriage return as a formula (CSV injection). Following OWASP's advice, such a cell
is prefixed with a single quote, which the spreadsheet shows as text; the csv module's
quoting takes care of separators and quotes inside a cell. A plain number (``-1``,
``-0.5``) cannot be a formula and is written as it is, so numeric columns stay numeric.

No cell holds a control character: tabs and line breaks become spaces (a cell stays on one
line), any other (NUL, ESC, bidi overrides…) is shown as U+FFFD, so an openId with a NUL in it
reads as ``o�1``, not as ``o1`` and not as a broken file.

Every CSV the tool writes (batch manifest, history export) goes through :func:`safe_cell`
or :func:`safe_row`; use :data:`EXCEL_ENCODING` so Excel reads the UTF-8 (it needs the BOM).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.core.controls import shown_plainly

FORMULA_STARTS = ("=", "+", "-", "@")
EXCEL_ENCODING = "utf-8-sig"
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")
_BREAKS = re.compile(r"\r\n|[\t\n\r\v\f\u2028\u2029]")


def safe_cell(value: object) -> str:
    """``value`` as text a spreadsheet shows as text, never evaluates; no control characters."""
    text = shown_plainly(_BREAKS.sub(" ", "" if value is None else str(value)))
    if text.lstrip(" ").startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def safe_row(values: Iterable[object]) -> list[str]:
    """Each value through :func:`safe_cell`, for ``csv.writer.writerow``."""
    return [safe_cell(value) for value in values]
