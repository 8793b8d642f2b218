"""WeChat errcodes we can explain: their sentences live in the catalogue (``errcode.N``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.catalogue import CATALOGUE


@dataclass(frozen=True)
class Explanation:
    """What an errcode means and what to do, as catalogue keys."""

    key: str
    hint_key: str

    def text(self, lang: str) -> str:
        from app.core.messages import say

        return say(self.key, lang)

    def hint(self, lang: str) -> str:
        from app.core.messages import say

        return say(self.hint_key, lang)


def explain(code: int | str | None) -> Explanation | None:
    """The explanation of a WeChat errcode, or None when it is not one we know."""
    try:
        number = int(code) if code is not None else None
    except (TypeError, ValueError):
        return None
    key = f"errcode.{number}"
    return Explanation(key, key + ".hint") if key in CATALOGUE else None
