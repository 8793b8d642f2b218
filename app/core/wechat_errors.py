"""WeChat errcodes → catalogue keys (``errcode.N``, ``errcode.N.hint``) and their parameters.

The sentences live in :mod:`app.core.catalogue.wechat`; a code not there is ``errcode.unknown``,
which says so and quotes WeChat's own ``errmsg``.
"""

from __future__ import annotations

import re
from typing import Any

from app.core.catalogue import CATALOGUE

UNKNOWN = "errcode.unknown"
# "argument invalid! data.thing1.value invalid", "miniprogram.appid empty", "data.time2 format"
_FIELD = re.compile(r"\b(data\.[A-Za-z_]\w*(?:\.value)?|miniprogram\.\w+|touser|template_id|url)\b")


def explanation_keys(code: int | str | None) -> tuple[str, ...]:
    """The keys that explain ``code`` (its text, then what to do), or ``(UNKNOWN,)``."""
    key = f"errcode.{code}"
    if code is None or key not in CATALOGUE:
        return (UNKNOWN,)
    return (key, key + ".hint") if key + ".hint" in CATALOGUE else (key,)


def is_known(code: int | str | None) -> bool:
    return explanation_keys(code) != (UNKNOWN,)


def params(code: int | str | None, errmsg: str) -> dict[str, Any]:
    """What the explanation sentences are filled with: the code, WeChat's errmsg, and the field
    the errmsg names (47001/47003 say which one), or ``—``."""
    match = _FIELD.search(errmsg)
    field = match.group(1).removesuffix(".value") if match else "—"
    return {"code": code, "errmsg": errmsg or "—", "field": field}
