"""Every user-facing sentence of the core, the CLI and the errors, in English and Chinese.

One module per area holds ``SENTENCES: dict[str, tuple[str, str]]`` — key → (English, Chinese),
side by side, with the same ``{placeholders}`` in both. To add an area, add its module to the
import list below (one line, alphabetical). Keys are dotted and area-prefixed (``http.``,
``udesk.``, ``stock.``, ``cli.`` …); a key defined twice is an error at import. Sentences that
are the reason of an error are clauses without a final full stop: :func:`messages.describe`
frames them ("Please check the input: …").

:mod:`app.core.messages` turns keys into sentences (``say``, ``describe``).
"""

from __future__ import annotations

from types import ModuleType

from app.core.catalogue import (
    batch,
    check,
    cli,
    config,
    desktop,
    errors,
    fields,
    history,
    http,
    images,
    lint,
    middleware,
    profiles,
    sandbox,
    stocks,
    template_list,
    templates,
    udesk,
    wechat,
)


def _merge(areas: tuple[ModuleType, ...]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for area in areas:
        sentences: dict[str, tuple[str, str]] = area.SENTENCES
        clash = merged.keys() & sentences.keys()
        if clash:
            raise ValueError(f"catalogue keys defined twice ({area.__name__}): {sorted(clash)}")
        merged.update(sentences)
    return merged


_AREAS: tuple[ModuleType, ...] = tuple(
    value
    for value in list(globals().values())
    if isinstance(value, ModuleType) and value.__name__.startswith(__name__ + ".")
)
CATALOGUE: dict[str, tuple[str, str]] = _merge(_AREAS)
