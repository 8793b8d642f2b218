"""The catalogue has every sentence the code asks for, in English and in Chinese alike."""

from __future__ import annotations

import ast
import re
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

import app
from app.core.catalogue import CATALOGUE, _merge

APP = Path(app.__file__).parent
ERRORS = {"RecallError", "BadInput", "OutcomeUnknown", "TransportError", "ProtocolError"}
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[A-Za-z0-9_-]+)+$")
# "config.toml", "history.sqlite3": file names, not catalogue keys.
FILE_NAME = re.compile(r"^[\w-]+\.(toml|csv|json|log|png|pdf|db|sqlite3?|xlsx|ts|qm|txt|md|html)$")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _calls(sources: dict[str, str] | None = None) -> Iterator[tuple[str, ast.Call]]:
    if sources is None:
        sources = {
            str(path.relative_to(APP.parent)): path.read_text(encoding="utf-8")
            for path in sorted(APP.rglob("*.py"))
        }
    for where, source in sources.items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call):
                yield f"{where}:{node.lineno}", node


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _uses(call: ast.Call, *, first: int) -> list[tuple[str, str, set[str] | None]]:
    """(key, how it is used, the keywords given — None when ``**`` passes more)."""
    if len(call.args) <= first:
        return []
    arg = call.args[first]
    given = {k.arg for k in call.keywords if k.arg is not None}
    splat = any(k.arg is None for k in call.keywords)
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [(arg.value, "constant", None if splat else given)]
    if isinstance(arg, ast.IfExp):  # "a.key" if … else "b.key"
        branches = [arg.body, arg.orelse]
        if all(isinstance(b, ast.Constant) and isinstance(b.value, str) for b in branches):
            return [(b.value, "constant", None if splat else given) for b in branches]  # type: ignore[attr-defined]
    if isinstance(arg, ast.Name):  # a key chosen earlier: its literal is checked on its own
        return []
    return [("", ast.unparse(arg), None)]


def _keys_asked_for(
    sources: dict[str, str] | None = None,
) -> Iterator[tuple[str, str, set[str] | None]]:
    for where, call in _calls(sources):
        name = _name(call.func)
        if name in ERRORS:
            for key, how, given in _uses(call, first=0):
                if how == "constant" or not how.endswith(".key"):
                    yield where, key or how, given
        elif name == "say":
            for key, how, given in _uses(call, first=0):
                if how == "constant":
                    yield where, key, given
        elif name == "Finding" and len(call.args) >= 3:
            code = call.args[2]
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                yield where, f"lint.{code.value}", None


def _lint_problems() -> set[str]:
    """The codes ``templates._check_single`` returns for a value of a keyword type."""
    tree = ast.parse((APP / "core" / "templates.py").read_text(encoding="utf-8"))
    (check,) = [
        n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "_check_single"
    ]
    return {
        const.value
        for node in ast.walk(check)
        if isinstance(node, ast.Return) and node.value is not None
        for const in ast.walk(node.value)
        if isinstance(const, ast.Constant)
        and isinstance(const.value, str)
        and re.fullmatch(r"[a-z]+(_[a-z0-9]+)+", const.value)  # codes, not the regexes beside
    }


def test_every_key_the_code_asks_for_is_in_the_catalogue() -> None:
    missing = [f"{where} {key}" for where, key, _ in _keys_asked_for() if key not in CATALOGUE]
    missing += [
        f"templates._check_single lint.{c}"
        for c in _lint_problems()
        if f"lint.{c}" not in CATALOGUE
    ]
    assert missing == []


def test_every_literal_that_looks_like_a_key_is_in_the_catalogue() -> None:
    """Keys chosen before the raise (``key = "http.refused"``) are literals of a known area."""
    areas = {key.split(".", 1)[0] for key in CATALOGUE} - {"field"}
    missing = []
    for path in sorted(APP.rglob("*.py")):
        if "catalogue" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and KEY.match(node.value)
                and node.value.split(".", 1)[0] in areas
                and not FILE_NAME.match(node.value)
                and node.value not in CATALOGUE
            ):
                missing.append(f"{path.relative_to(APP.parent)}:{node.lineno} {node.value}")
    assert missing == []


def test_every_placeholder_of_a_sentence_is_given_where_it_is_raised() -> None:
    unfilled = []
    for where, key, given in _keys_asked_for():
        if given is None or key not in CATALOGUE:
            continue
        wanted = _placeholders(CATALOGUE[key][0]) - given
        if wanted:
            unfilled.append(f"{where} {key}: {sorted(wanted)}")
    assert unfilled == []


def test_english_and_chinese_have_the_same_placeholders_and_neither_is_empty() -> None:
    differ = [
        key
        for key, (en, zh) in CATALOGUE.items()
        if not en.strip() or not zh.strip() or _placeholders(en) != _placeholders(zh)
    ]
    assert differ == []


def test_keys_are_dotted_and_area_prefixed() -> None:
    assert [key for key in CATALOGUE if not KEY.match(key)] == []


def test_a_key_defined_twice_fails_at_import() -> None:
    class One:
        __name__ = "one"
        SENTENCES = {"x.same": ("a", "甲")}

    class Two:
        __name__ = "two"
        SENTENCES = {"x.same": ("b", "乙")}

    with pytest.raises(ValueError, match="x.same"):
        _merge((One, Two))  # type: ignore[arg-type]


def test_the_scan_sees_raises_sentences_and_findings() -> None:
    snippet = (
        "raise BadInput('no.such.key', name=n)\n"
        "say('cli.interrupted', lang)\n"
        "Finding('error', k, 'empty')\n"
        "raise ProtocolError(message.text)\n"
    )
    found = [(key, given) for _, key, given in _keys_asked_for({"x.py": snippet})]
    assert found == [
        ("no.such.key", {"name"}),
        ("cli.interrupted", set()),
        ("lint.empty", None),
        ("message.text", None),  # not a key: reported as missing
    ]
    assert _lint_problems() >= {"not_number", "too_long"}
