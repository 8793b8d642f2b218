"""Typed checks of config.toml values, each failure naming the key and its line.

TOML has real booleans and numbers: ``production = "false"`` is a string, and a string is not
a boolean — it is refused with ``config.toml:7``, never taken as true. The kinds come from the
dataclass defaults (a bool default means a boolean key, and so on) plus the keys' choices.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import Field
from pathlib import Path
from typing import Any

from app.core.errors import BadInput
from app.core.messages import os_key

MAX_CONFIG_BYTES = 1 << 20  # a config is a few KB; a bigger file is not one


class ConfigText:
    """The file's text, to find the line a key is on (tomllib gives values, not lines)."""

    _HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(#.*)?$")

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self._lines = text.splitlines()

    def at(self, table: str, key: str | None = None) -> str:
        """``path:line`` of ``key`` in ``[table]`` ("" is the top level), else of the table."""
        section = ""
        table_line = 0
        key_pattern = re.compile(rf"""^\s*["']?{re.escape(key or "")}["']?\s*=""")
        for number, line in enumerate(self._lines, start=1):
            header = self._HEADER.match(line)
            if header:
                section = ".".join(p.strip().strip("\"'") for p in header.group(1).split("."))
                if section == table:
                    table_line = number
                continue
            if key and section == table and key_pattern.match(line):
                return f"{self.path}:{number}"
        return f"{self.path}:{table_line}" if table_line else str(self.path)


def shown(value: Any) -> str:
    """A value as the file spells it, shortened: ``"false"``, ``1``, ``[1, 2]``."""
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        try:
            text = json.dumps(value, ensure_ascii=False, default=str)
        except ValueError:
            text = str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def check_value(value: Any, default: Any, choices: Sequence[str], *, key: str, at: str) -> Any:
    """``value`` if it has the kind of ``default`` (and is one of ``choices`` if given).

    Raises:
        BadInput: ``config.bool``, ``config.number``, ``config.text`` or ``config.choice``.
    """
    params: dict[str, Any] = {"key": key, "at": at, "value": shown(value)}
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise BadInput("config.bool", field=key, **params)
        return value
    if isinstance(default, int | float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise BadInput("config.number", field=key, **params)
        if not math.isfinite(value):
            raise BadInput("config.number", field=key, **params)
        return float(value)
    if not isinstance(value, str):
        raise BadInput("config.text", field=key, **params)
    if choices and value not in choices:
        raise BadInput("config.choice", field=key, choices=", ".join(choices), **params)
    return value


def checked_table(
    raw: Mapping[str, Any],
    dataclass_fields: tuple[Field[Any], ...],
    choices: Mapping[str, Sequence[str]],
    *,
    table: str,
    text: ConfigText,
) -> dict[str, Any]:
    """The known keys of ``raw``, each checked against its field's default."""
    defaults = {f.name: f.default for f in dataclass_fields}
    return {
        key: check_value(
            value, defaults[key], choices.get(key, ()), key=key, at=text.at(table, key)
        )
        for key, value in raw.items()
        if key in defaults
    }


_TOML_AT = re.compile(r"\(at line (\d+), column (\d+)\)$")


def toml_syntax_error(path: Path, error: ValueError) -> BadInput:
    """Where tomllib stopped, as parameters of our sentence; its English stays in ``detail``.

    Python 3.14's TOMLDecodeError has ``lineno``/``colno``; before, only the message ends in
    "(at line N, column M)" or "(at end of document)".
    """
    message = str(error)
    line, column = getattr(error, "lineno", None), getattr(error, "colno", None)
    if not (isinstance(line, int) and isinstance(column, int)):
        found = _TOML_AT.search(message)
        line, column = (int(found[1]), int(found[2])) if found else (None, None)
    if line is not None:
        return BadInput("config.syntax", path=str(path), line=line, column=column, detail=message)
    if message.endswith("(at end of document)"):
        return BadInput("config.syntax_end", path=str(path), detail=message)
    return BadInput("config.not_toml", path=str(path), detail=message)


def read_toml(path: Path) -> tuple[dict[str, Any], ConfigText]:
    """Parse the config file, refusing one too big or nested too deeply to be a config.

    Raises:
        BadInput: ``config.too_big``, ``config.not_utf8``, ``config.syntax`` (or ``syntax_end``,
        ``not_toml``), ``config.too_deep``, ``config.unreadable``.
    """
    import tomllib

    try:
        size = path.stat().st_size
        if size > MAX_CONFIG_BYTES:
            raise BadInput("config.too_big", path=str(path), size=size)
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise BadInput("config.unreadable", path=str(path), cause=os_key(exc)) from exc
    except UnicodeDecodeError as exc:  # the codec's English reason would show in Chinese too
        raise BadInput("config.not_utf8", path=str(path), offset=exc.start) from exc
    try:
        return tomllib.loads(text), ConfigText(path, text)
    except tomllib.TOMLDecodeError as exc:
        raise toml_syntax_error(path, exc) from exc
    except RecursionError:
        raise BadInput("config.too_deep", path=str(path)) from None
