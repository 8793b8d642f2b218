"""Every user-facing sentence of the core, the CLI and the errors, in English and Chinese.

One module per area holds ``SENTENCES: dict[str, tuple[str, str]]`` — key → (English, Chinese),
side by side, with the same ``{placeholders}`` in both. Register a new area module here (one
import and one entry in ``_AREAS``). Keys are dotted and area-prefixed (``http.``, ``udesk.``,
``stock.``, ``cli.`` …); a key defined twice is an error at import.

:mod:`app.core.messages` turns keys into sentences (``say``, ``describe``).
"""

from __future__ import annotations

from types import ModuleType

from app.core.catalogue import auth, cli, errors, lint, wechat

_AREAS: tuple[ModuleType, ...] = (errors, wechat, lint, cli, auth)


def _merge(areas: tuple[ModuleType, ...]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in areas:
        sentences: dict[str, tuple[str, str]] = area.SENTENCES
        clash = merged.keys() & sentences.keys()
        if clash:
            raise ValueError(f"catalogue keys defined twice ({area.__name__}): {sorted(clash)}")
        merged.update(sentences)
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _merge(_AREAS)
