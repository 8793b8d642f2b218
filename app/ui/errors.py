"""Errors as the GUI shows them: the catalogue's sentences in the UI language.

The same ``messages.describe``/``messages.detail`` the CLI prints, so both front ends say the
same thing; the detail (code, method, URL, status, body excerpt) goes behind a "Details" toggle.
"""

from __future__ import annotations

from app.core import messages


def ui_language() -> str:
    """``zh`` when the UI runs in Chinese (the installed translators set QLocale), else ``en``."""
    from PySide6.QtCore import QLocale

    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


def describe(error: BaseException) -> tuple[str, str]:
    """Return ``(summary, detail)`` in the UI language."""
    lang = ui_language()
    return messages.describe(error, lang), messages.detail(error, lang)


def say(key: str, **params: object) -> str:
    """A catalogue sentence in the UI language (for pages that show a core sentence)."""
    return messages.say(key, ui_language(), **params)


def fill(text: str, **params: object) -> str:
    """A ``tr()`` text filled the way catalogue sentences are: ``{n:row/rows}`` is "1 row" or
    "3 rows", ``{size:size}`` "2 MB" (the Chinese translation writes ``{n} 行``)."""
    return messages.fill(text, ui_language(), **params)
