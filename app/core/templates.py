"""Template content: placeholders, keyword types, lint and preview (contract §3).

Placeholders are ``{{key.DATA}}``; spaces inside the braces are tolerated, including the seed's
OCR'd ``{ {key.DATA} }``. Field order is the order of first appearance and a field's label is the
text before it on its line (``领奖金额:`` → ``领奖金额``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

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

    @property
    def dropped_since_2023(self) -> bool:
        return self.key in DROPPED_KEYS


@dataclass(frozen=True)
class Template:
    """A template from the middleware's list, with its parsed fields.

    ``problems`` lists contract breaches found in the list entry (shown, never dropped).
    """

    template_id: str
    title: str
    primary_industry: str = ""
    deputy_industry: str = ""
    content: str = ""
    example: str = ""
    problems: tuple[str, ...] = ()
    fields: tuple[Field, ...] = field(default=())

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
        problems: tuple[str, ...] = (),
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


TYPE_LIMITS = {
    "thing": "20",
    "number": "32",
    "letter": "32",
    "symbol": "5",
    "character_string": "32",
    "amount": "10",
    "phone_number": "17",
    "car_number": "8",
    "name": "10/20",
    "phrase": "5",
}


def lint_value(f: Field, value: str, color: str = "") -> list[Finding]:
    """Lint one field's value: errors WeChat would refuse (47003), warnings for what it drops."""
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
    if f.kind is not None:
        values = [v.strip() for v in value.split("~")] if f.kind in ("time", "date") else [value]
        for part in values:
            problem = _check_single(f.kind, part)
            if problem:
                findings.append(
                    Finding(
                        "error",
                        f.key,
                        problem,
                        (("kind", f.kind), ("limit", TYPE_LIMITS.get(f.kind, ""))),
                    )
                )
                break
    if "\n" in value or "\r" in value:
        findings.append(Finding("warning", f.key, "line_break_dropped"))
    if any(_is_emoji(ch) for ch in value):
        findings.append(Finding("warning", f.key, "emoji_removed"))
    if len(value) > BODY_FIELD_LIMIT and not any(x.level == "error" for x in findings):
        findings.append(Finding("warning", f.key, "cut_at_20", (("length", str(len(value))),)))
    return findings


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


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == "error" for f in findings)


# --- preview -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewLine:
    """One line of the message as the customer will see it."""

    text: str
    dropped: bool = False  # first/remark lines WeChat no longer shows
    cut: bool = False  # a value was cut at 20 characters


def preview_lines(template: Template, values: dict[str, str]) -> list[PreviewLine]:
    """Render the content with values as WeChat shows it since 2023-05-04."""
    lines: list[PreviewLine] = []
    for raw in template.content.splitlines():
        keys = [m.group(1) for m in PLACEHOLDER.finditer(raw)]
        if not raw.strip():
            continue
        dropped = bool(keys) and all(k in DROPPED_KEYS for k in keys)
        cut = False

        def fill(match: re.Match[str]) -> str:
            nonlocal cut
            key = match.group(1)
            value = values.get(key, "").replace("\r", " ").replace("\n", " ")
            value = "".join(ch for ch in value if not _is_emoji(ch))
            if key not in DROPPED_KEYS and len(value) > BODY_FIELD_LIMIT:
                cut = True
                value = value[:BODY_FIELD_LIMIT] + "…"
            return value

        lines.append(PreviewLine(PLACEHOLDER.sub(fill, raw).strip(), dropped, cut))
    return lines
