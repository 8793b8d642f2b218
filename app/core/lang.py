"""The one rule for choosing between a text's English and its Chinese."""

from __future__ import annotations


def pick(lang: str, en: str, zh: str) -> str:
    """``zh`` when ``lang`` is Chinese (``zh``, ``zh_CN`` …) and there is one, else ``en``."""
    return zh if zh and lang.startswith("zh") else en
