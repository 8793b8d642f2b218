"""The one rule for telling a Chinese language code from the rest."""

from __future__ import annotations


def is_chinese(lang: str) -> bool:
    """``zh``, ``zh_CN``, ``zh-Hans`` … are Chinese; everything else reads English."""
    return lang.lower().startswith("zh")
