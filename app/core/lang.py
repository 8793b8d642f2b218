"""The one rule for telling a Chinese language code from the rest."""

from __future__ import annotations


def is_chinese(lang: str) -> bool:
    """``zh``, ``zh_CN``, ``zh-Hans`` … are Chinese; everything else reads English."""
    return lang.lower().startswith("zh")


def pick(lang: str, en: str, zh: str) -> str:
    """Transitional: ``zh`` when ``lang`` is Chinese and there is one, else ``en``."""
    return zh if zh and is_chinese(lang) else en
