"""Template content: placeholders, keyword types, lint and preview (contract §3).

Placeholders are ``{{key.DATA}}``; spaces inside the braces are tolerated, including the seed's
OCR'd ``{ {key.DATA} }``. Field order is the order of first appearance and a field's label is the
text before it on its line (``领奖金额:`` → ``领奖金额``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

PLACEHOLDER = re.compile(r"\{\s*\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*DATA\s*\}\s*\}")
BODY_FIELD_LIMIT = 20
DROPPED_KEYS = ("first", "remark")

KEYWORD_TYPES = (
    "thing",
    "number",
    "letter",
    "symbol",
    "character_string",
    "time",
    "date",
    "amount",
    "phone_number",
    "car_number",
    "name",
    "phrase",
    "const",
)


def keyword_type(key: str) -> str | None:
    """The category-template keyword type of ``key`` (``thing12`` → ``thing``), or None."""
    base = key.rstrip("0123456789")
    return base if base in KEYWORD_TYPES else None


@dataclass(frozen=True)
class Field:
    """One fillable field of a template."""

    key: str
    label: str
    kind: str | None  # keyword type, or None for a free (legacy) field
    choices: tuple[str, ...] = ()  # the values WeChat approved for a ``const`` field, if known

    @property
    def dropped_since_2023(self) -> bool:
        return self.key in DROPPED_KEYS


@dataclass(frozen=True)
class Problem:
    """A contract breach in a list entry: a catalogue key (``template.``) and its parameters."""

    key: str
    params: tuple[tuple[str, str], ...] = ()

    def said(self) -> list[Any]:
        """``[key, params]``: a sentence another sentence's parameter can hold."""
        return [self.key, dict(self.params)]


@dataclass(frozen=True)
class Template:
    """A template from the middleware's list, with its parsed fields.

    ``problems`` lists contract breaches found in the list entry (shown, never dropped);
    ``by_hand`` marks a template the user entered because the list does not have it.
    """

    template_id: str
    title: str
    primary_industry: str = ""
    deputy_industry: str = ""
    content: str = ""
    example: str = ""
    problems: tuple[Problem, ...] = ()
    fields: tuple[Field, ...] = field(default=())
    by_hand: bool = False

    @classmethod
    def build(
        cls,
        template_id: str,
        title: str,
        *,
        primary_industry: str = "",
        deputy_industry: str = "",
        content: str = "",
        example: str = "",
        problems: tuple[Problem, ...] = (),
    ) -> Template:
        return cls(
            template_id,
            title,
            primary_industry,
            deputy_industry,
            content,
            example,
            problems,
            tuple(parse_fields(content)),
        )

    @classmethod
    def entered_by_hand(cls, template_id: str, title: str, fields: list[Field]) -> Template:
        """A template the list does not have: its content is one ``label:{{key.DATA}}`` line a
        field, so it is linted and previewed like a listed one."""
        content = "\n".join(f"{f.label or f.key}:{{{{{f.key}.DATA}}}}" for f in fields)
        return cls(template_id, title, content=content, fields=tuple(fields), by_hand=True)

    @property
    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


def parse_fields(content: str) -> list[Field]:
    """Return the template's fields in order of first appearance."""
    seen: dict[str, Field] = {}
    for line in content.splitlines() or [content]:
        cursor = 0
        for match in PLACEHOLDER.finditer(line):
            key = match.group(1)
            label = _clean_label(line[cursor : match.start()])
            cursor = match.end()
            if key not in seen:
                seen[key] = Field(key, label, keyword_type(key))
    return list(seen.values())


def _clean_label(text: str) -> str:
    return text.strip().rstrip(":：").strip()


# --- lint --------------------------------------------------------------------------------------

Level = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One lint result. ``code`` selects the message; ``params`` fill it."""

    level: Level
    key: str
    code: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str:
        return dict(self.params).get(name, "")


_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_LETTERS = re.compile(r"^[A-Za-z]+$")
_CHAR_STRING = re.compile(r"^[\x21-\x7e]+$")
_DATE_PART = (
    r"(\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?"
    r"|\d{1,2}[-/.月]\d{1,2}日?"
    r"|\d{4}年\d{1,2}月"
    r"|\d{4}[-/]\d{1,2})"
)
_TIME_PART = r"(\d{1,2}[:：]\d{2}([:：]\d{2})?)"
_DATE_VALUE = re.compile(rf"^{_DATE_PART}(\s*{_TIME_PART})?$")
_TIME_VALUE = re.compile(rf"^({_DATE_PART}\s*)?{_TIME_PART}$")
_AMOUNT = re.compile(r"^[¥￥$€£]?\d{1,10}(\.\d{1,2})?元?$")
_PHONE = re.compile(r"^[\d+\-() ]{1,17}$")
_SYMBOLS = re.compile(r"^[^\w\s]{1,5}$", re.UNICODE)


def _is_emoji(ch: str) -> bool:
    code = ord(ch)
    return (unicodedata.category(ch) == "So" and code >= 0x2190) or 0x1F000 <= code <= 0x1FAFF


def _valid_ranges(value: str) -> bool:
    """Hours ≤ 23, minutes ≤ 59, months 1–12 and days 1–31 wherever they appear."""
    for match in re.finditer(r"(\d{1,2})[:：](\d{2})", value):
        if int(match.group(1)) > 23 or int(match.group(2)) > 59:
            return False
    for match in re.finditer(r"(?:\d{4}[-/.年])?(\d{1,2})[-/.月](\d{1,2})(?![:：\d])", value):
        if not 1 <= int(match.group(1)) <= 12 or not 1 <= int(match.group(2)) <= 31:
            return False
    return True


def _check_single(kind: str, value: str) -> str | None:
    """Return a finding code when ``value`` breaks keyword type ``kind``."""
    length = len(value)
    if kind == "thing":
        return "too_long" if length > 20 else None
    if kind == "number":
        return (
            None if _NUMBER.match(value) and len(re.sub(r"\D", "", value)) <= 32 else "not_number"
        )
    if kind == "letter":
        return None if _LETTERS.match(value) and length <= 32 else "not_letters"
    if kind == "symbol":
        return None if _SYMBOLS.match(value) else "not_symbols"
    if kind == "character_string":
        if _CHINESE.search(value):
            return "chinese_not_allowed"
        return None if _CHAR_STRING.match(value) and length <= 32 else "not_char_string"
    if kind == "time":
        return None if _TIME_VALUE.match(value) and _valid_ranges(value) else "not_time"
    if kind == "date":
        return None if _DATE_VALUE.match(value) and _valid_ranges(value) else "not_date"
    if kind == "amount":
        return None if _AMOUNT.match(value) else "not_amount"
    if kind == "phone_number":
        return None if _PHONE.match(value) else "not_phone"
    if kind == "car_number":
        if length > 8:
            return "too_long"
        inner = value[1:-1]
        return "not_car_number" if _CHINESE.search(inner) else None
    if kind == "name":
        if _CHINESE.search(value):
            return "too_long" if length > 10 else None
        return "too_long" if length > 20 else None
    if kind == "phrase":
        return "not_phrase" if length > 5 or not _CHINESE.fullmatch(value[:1] or "x") else None
    return None


FULL_WIDTH_TILDES = ("～", "〜")


def length_limit(f: Field, value: str = "") -> int | None:
    """The most characters ``f`` may hold: its keyword type's limit (WeChat refuses more), else
    the 20 a body field shows (WeChat cuts the rest); None for ``first``/``remark``."""
    if f.dropped_since_2023:
        return None
    limits = {
        "thing": 20,
        "letter": 32,
        "symbol": 5,
        "character_string": 32,
        "phone_number": 17,
        "car_number": 8,
        "phrase": 5,
    }
    if f.kind == "name":
        return 10 if _CHINESE.search(value) else 20
    if f.kind in limits:
        return limits[f.kind]
    if f.kind in ("number", "amount", "time", "date", "const"):
        return None  # limited by their shape (digits, a date), not by a count of characters
    return BODY_FIELD_LIMIT


def lint_value(f: Field, value: str, color: str = "") -> list[Finding]:
    """Lint one field's value: errors WeChat would refuse (47003), warnings for what it drops.

    Findings about a length carry ``length`` and ``limit`` ("23/20").
    """
    findings: list[Finding] = []
    if color and not re.fullmatch(r"#[0-9A-Fa-f]{6}", color):
        findings.append(Finding("error", f.key, "bad_color", (("color", color),)))
    elif color:
        findings.append(Finding("warning", f.key, "color_ignored"))
    if f.dropped_since_2023:
        if value:
            findings.append(Finding("warning", f.key, "first_remark_dropped"))
        return findings
    if not value.strip():
        findings.append(Finding("error", f.key, "empty"))
        return findings
    limit = length_limit(f, value)
    sizes = (("length", str(len(value))), ("limit", str(limit or "")))
    listed = (("values", " / ".join(f.choices)),) if f.choices else ()
    problem = _type_problem(f, value)
    if problem:
        findings.append(Finding("error", f.key, problem, (("kind", f.kind or ""), *sizes, *listed)))
    if "\n" in value or "\r" in value:
        findings.append(Finding("warning", f.key, "line_break_dropped"))
    if any(_is_emoji(ch) for ch in value):
        findings.append(Finding("warning", f.key, "emoji_removed"))
    if not problem and len(value) > BODY_FIELD_LIMIT:
        findings.append(Finding("warning", f.key, "cut_at_20", sizes))
    return findings


def _type_problem(f: Field, value: str) -> str | None:
    """The finding code when ``value`` breaks ``f``'s keyword type (what WeChat refuses)."""
    if f.kind is None:
        return None
    if f.kind == "const":
        return "const_not_listed" if f.choices and value not in f.choices else None
    if f.kind in ("time", "date"):
        if any(tilde in value for tilde in FULL_WIDTH_TILDES):
            return "fullwidth_tilde"
        for part in value.split("~"):
            problem = _check_single(f.kind, part.strip())
            if problem:
                return problem
        return None
    return _check_single(f.kind, value)


def lint(
    template: Template, values: dict[str, str], colors: dict[str, str] | None = None
) -> list[Finding]:
    """Lint every field of ``template``; unknown keys in ``values`` are reported as errors."""
    colors = colors or {}
    findings: list[Finding] = []
    for f in template.fields:
        findings.extend(lint_value(f, values.get(f.key, ""), colors.get(f.key, "")))
    known = set(template.keys)
    for key in values:
        if key not in known:
            findings.append(Finding("error", key, "unknown_key"))
    return findings


JUMP_KEY = "miniprogram"


def lint_jump(target: str, *, appid: str = "", pagepath: str = "", url: str = "") -> list[Finding]:
    """Lint the jump target (``none``, ``url`` or ``miniprogram``): a mini program needs an
    appid (WeChat drops the jump without one) and a page path without a leading ``/``."""
    findings: list[Finding] = []
    if target == "miniprogram":
        if not appid.strip():
            findings.append(Finding("error", "miniprogram.appid", "jump_no_appid"))
        if pagepath.strip().startswith("/"):
            findings.append(Finding("warning", "miniprogram.pagepath", "pagepath_leading_slash"))
    elif target == "url" and not re.match(r"^https?://\S+$", url.strip()):
        findings.append(Finding("error", "url", "jump_bad_url"))
    return findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)


# --- values that pass ------------------------------------------------------------------------

SAMPLE_VALUES = {
    "thing": "视频客服测试",
    "number": "1",
    "letter": "TEST",
    "symbol": "-",
    "character_string": "RD-TEST-001",
    "time": "2026-12-01 15:00",
    "date": "2026-12-01",
    "amount": "¥1.00",
    "phone_number": "13800000000",
    "car_number": "粤B12345",
    "name": "张三",
    "phrase": "已完成",
}
FREE_SAMPLE = "召回助手测试"


def sample_values(template: Template) -> dict[str, str]:
    """A value for every field that passes lint: the example's where it does, else one built
    for the keyword type (a ``const`` field takes its first approved value)."""
    values: dict[str, str] = {}
    for f in template.fields:
        if f.dropped_since_2023:
            values[f.key] = ""
            continue
        candidates = [example_value(template, f.key)]
        if f.choices:
            candidates.append(f.choices[0])
        candidates.append(SAMPLE_VALUES.get(f.kind or "", FREE_SAMPLE))
        values[f.key] = next(
            (c for c in candidates if c and not has_errors(lint_value(f, c))), candidates[-1]
        )
    return values


def example_value(template: Template, key: str) -> str:
    """The example's text on ``key``'s line, after its label (``领奖金额: 5元`` → ``5元``)."""
    example_lines = template.example.splitlines()
    for i, line in enumerate(template.content.splitlines()):
        match = next((m for m in PLACEHOLDER.finditer(line) if m.group(1) == key), None)
        if match is None or i >= len(example_lines):
            continue
        label = line[: match.start()].strip()
        text = example_lines[i].strip()
        if label and text.startswith(label):
            text = text[len(label) :].lstrip(":： ")
        return text
    return ""


# --- preview -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewLine:
    """One line of the message as the customer will see it.

    ``refused`` names the fields on the line WeChat would refuse (the message is not sent at
    all); ``cut`` says a free field's value shows only its first 20 characters.
    """

    text: str
    dropped: bool = False  # first/remark lines WeChat no longer shows
    cut: bool = False
    refused: tuple[str, ...] = ()


def preview_lines(template: Template, values: dict[str, str]) -> list[PreviewLine]:
    """Render the content with values as WeChat shows it since 2023-05-04 (agreeing with
    :func:`lint`: what lint calls an error is marked refused, never shown cut)."""
    fields = {f.key: f for f in template.fields}
    lines: list[PreviewLine] = []
    for raw in template.content.splitlines():
        if not raw.strip():
            continue
        keys = [m.group(1) for m in PLACEHOLDER.finditer(raw)]
        dropped = bool(keys) and all(k in DROPPED_KEYS for k in keys)
        cut = False
        refused: list[str] = []
        parts: list[str] = []
        cursor = 0
        for match in PLACEHOLDER.finditer(raw):
            parts.append(raw[cursor : match.start()])
            cursor = match.end()
            key = match.group(1)
            value = values.get(key, "")
            f = fields.get(key, Field(key, "", keyword_type(key)))
            if value.strip() and _type_problem(f, value):
                refused.append(key)
                parts.append(value)
                continue
            value = value.replace("\r", " ").replace("\n", " ")
            value = "".join(ch for ch in value if not _is_emoji(ch))
            if key not in DROPPED_KEYS and len(value) > BODY_FIELD_LIMIT:
                cut = True
                value = value[:BODY_FIELD_LIMIT] + "…"
            parts.append(value)
        parts.append(raw[cursor:])
        lines.append(PreviewLine("".join(parts).strip(), dropped, cut, tuple(refused)))
    return lines
