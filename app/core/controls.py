"""Control characters (NUL, ESC, C1, bidi overrides…): refused in identifiers, never written.

An openId or template id with one in it is not an id anyone typed on purpose: it is refused
with a sentence naming the field by its label. Text we write for others (CSV cells) shows
each one as U+FFFD instead, so a NUL or an escape never reaches a spreadsheet or a terminal.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from app.core.errors import BadInput

SHOWN_INSTEAD = "\ufffd"


def is_control(ch: str) -> bool:
    """Unicode's "other" categories: controls, format (bidi, zero-width), unassigned."""
    return unicodedata.category(ch)[0] == "C"


def has_control(text: str) -> bool:
    return any(is_control(ch) for ch in text)


def refuse_controls(fields: Iterable[tuple[str, object]]) -> None:
    """Raise ``input.control`` naming the first ``(field, value)`` whose text has one."""
    for field, value in fields:
        if isinstance(value, str) and has_control(value):
            raise BadInput("input.control", field=field)


def shown_plainly(text: str, *, keep: str = "") -> str:
    """``text`` with every control character but those in ``keep`` shown as U+FFFD."""
    return "".join(SHOWN_INSTEAD if is_control(ch) and ch not in keep else ch for ch in text)
