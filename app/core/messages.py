"""Sentences from the catalogue: the one place the CLI and the GUI turn keys and errors into text.

``say(key, lang, **params)`` is one sentence; ``describe(error, lang)`` the one line a user reads
about a failure (what happened, what to do); ``detail(error, lang)`` the lines behind the GUI's
"Details" toggle (code, method, URL, status, body excerpt). ``lang`` is ``zh…`` for Chinese,
anything else for English; :func:`system_language` reads it from the locale variables.

Three parameter names are special: ``field`` is shown by its label (``field.NAME`` in the
catalogue when it has one); ``cause`` names another key, said with the same parameters — an error
that wraps another (``raise OutcomeUnknown("http.accepted_but", cause=exc.key, **exc.params)``);
``detail`` is a library's own (English) text, never put in a sentence: it is shown under "Details"
and by the CLI's ``-v``. A size in bytes is written ``{limit:size}`` in a sentence ("2 MB"), a
count with its English noun ``{n:page/pages}`` ("1 page", "3 pages").
A parameter may also be a list of sentences, ``[[key, {params}], …]``: said in the same language
and joined with "; " (the broken entries of a template list, in a check result); under
``reasons`` they are whole sentences, said one after another (the guard's refusal).
"""

from __future__ import annotations

import errno
import os
import socket
import string
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from app.core import wechat_errors
from app.core.catalogue import CATALOGUE
from app.core.errors import (
    BadInput,
    OutcomeUnknown,
    ProtocolError,
    RecallError,
    RemoteRefused,
    TransportError,
)
from app.core.lang import is_chinese
from app.core.redact import mask_url

if TYPE_CHECKING:  # lint's types; the start-up never lints
    from app.core.templates import Finding, Problem


def system_language() -> str:
    """``zh`` or ``en`` from the usual locale variables."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "zh" if is_chinese(value) else "en"
    return "en"


class _Params(dict[str, Any]):
    """Format arguments that leave a placeholder nobody filled visible instead of raising."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


class _SentenceFormatter(string.Formatter):
    """``str.format`` plus two specs: ``{limit:size}`` with bytes gives "2 MB", and
    ``{n:page/pages}`` the count with its noun, "1 page" or "3 pages" (Chinese needs neither
    form: it writes ``{n} 页``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "size":
            return size_text(value, self.lang)
        if "/" in format_spec:
            one, many = format_spec.split("/", 1)
            return f"{value} {one if value == 1 else many}"
        return str(super().format_field(value, format_spec))


def fill(template: str, lang: str, /, **params: Any) -> str:
    """``template.format(**params)`` with the sentence specs (``size``, ``one/many``), for
    texts that are not in the catalogue (the GUI's ``tr()`` strings)."""
    return _SentenceFormatter(lang).vformat(template, (), _Params(params))


_UNITS = ("KB", "MB", "GB", "TB")


def size_text(size: Any, lang: str) -> str:
    """A size in bytes as people read it: "512 bytes", "1.5 KB", "2 MB" (1 KB = 1024 bytes).

    Chinese writes the same units ("2 MB") and "字节" for bytes. Anything but a number is shown
    as it is (a placeholder nobody filled).
    """
    if isinstance(size, bool) or not isinstance(size, int | float):
        return str(size)
    if abs(size) < 1024:
        count = f"{size:g}"
        if is_chinese(lang):
            return f"{count} 字节"
        return f"{count} byte" if size == 1 else f"{count} bytes"
    value = float(size)
    for unit in _UNITS:
        value /= 1024
        if abs(value) < 1024 or unit == _UNITS[-1]:
            break
    return f"{round(value, 1):g} {unit}"


def say(key: str, lang: str, /, **params: Any) -> str:
    """The catalogue's sentence ``key`` in ``lang``, filled with ``params``."""
    entry = CATALOGUE.get(key)
    if entry is None:  # a key the catalogue lacks (its test fails on one): show the key itself
        return key
    template = entry[1] if is_chinese(lang) else entry[0]
    values = _Params(params)
    if isinstance(params.get("field"), str):
        values["field"] = label(params["field"], lang)
    cause = params.get("cause")
    if isinstance(cause, str) and cause in CATALOGUE:
        inner = {name: value for name, value in params.items() if name != "cause"}
        values["cause"] = say(cause, lang, **inner)
    for name, value in params.items():
        if _is_sentences(value) and name == "reasons":
            values[name] = said_together(((key, inner) for key, inner in value), lang)
        elif _is_sentences(value):
            values[name] = "; ".join(say(key, lang, **inner) for key, inner in value)
    return _SentenceFormatter(lang).vformat(template, (), values)


def _is_sentences(value: Any) -> bool:
    """``[[key, {params}], …]``: a parameter made of catalogue sentences (JSON-able)."""
    return (
        isinstance(value, list | tuple)
        and bool(value)
        and all(
            isinstance(item, list | tuple)
            and len(item) == 2
            and isinstance(item[0], str)
            and item[0] in CATALOGUE
            and isinstance(item[1], dict)
            for item in value
        )
    )


def label(field: str, lang: str) -> str:
    """How the GUI names the input ``field`` (``field.NAME`` in the catalogue), else the name."""
    entry = CATALOGUE.get(f"field.{field}")
    if entry is None:
        return field
    return entry[1] if is_chinese(lang) else entry[0]


def reason(error: RecallError, lang: str) -> str:
    """The raise's own sentence, without the frame :func:`describe` puts around it."""
    return say(error.key, lang, **error.params)


_OS_REASONS: Mapping[int, str] = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.EEXIST: "os.exists",
    errno.ENOSPC: "os.disk_full",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.is_directory",
    errno.ENOTDIR: "os.not_directory",
    errno.EADDRINUSE: "os.address_in_use",
    errno.EADDRNOTAVAIL: "os.address_not_available",
    errno.ECONNREFUSED: "os.connection_refused",
    errno.EFBIG: "os.file_too_big",
    socket.EAI_NONAME: "os.unknown_host",
    socket.EAI_AGAIN: "os.dns_unavailable",
}


def os_key(error: OSError) -> str:
    """The catalogue key of an operating-system error, else its own text (for ``cause=``)."""
    return _OS_REASONS.get(error.errno or 0) or error.strerror or str(error) or type(error).__name__


def os_reason(error: OSError, lang: str) -> str:
    """A sentence for an operating-system error, never ``[Errno N]`` when we know the number."""
    key = os_key(error)
    return say(key, lang) if key in CATALOGUE else key


def describe(error: BaseException, lang: str) -> str:
    """One line that tells the user what happened and what to do."""
    if isinstance(error, RemoteRefused):
        remote = f"{error.code} {error.remote_message}".strip()
        keys = wechat_errors.explanation_keys(error.code)
        if wechat_errors.is_known(error.code):
            found = wechat_errors.params(error.code, error.remote_message)
            return say(
                "error.refused.known",
                lang,
                remote=remote,
                text=say(keys[0], lang, **found),
                hint=say(keys[1], lang, **found) if len(keys) > 1 else "",
            ).rstrip()
        return say("error.refused", lang, remote=remote)
    if isinstance(error, OutcomeUnknown):
        return say("error.outcome_unknown", lang, reason=reason(error, lang))
    if isinstance(error, BadInput):
        return say("error.bad_input", lang, reason=reason(error, lang))
    if isinstance(error, ProtocolError):
        return say("error.protocol", lang, reason=reason(error, lang))
    if isinstance(error, TransportError):
        return say("error.transport", lang, reason=reason(error, lang))
    if isinstance(error, RecallError):
        return reason(error, lang)
    if isinstance(error, OSError):
        if error.filename:
            return say("error.file.named", lang, path=error.filename, reason=os_reason(error, lang))
        return say("error.file", lang, reason=os_reason(error, lang))
    return say("error.internal", lang)


def where(error: BaseException) -> str:
    """``METHOD URL HTTP status`` of the request that failed, or ``""``."""
    context = error.context if isinstance(error, RecallError) else None
    if context is None:
        return ""
    status = f" HTTP {context.status}" if context.status else ""
    return f"{context.method} {mask_url(context.url)}{status}"


def detail(error: BaseException, lang: str) -> str:
    """The lines behind "Details": remote code, method and URL, status, body excerpt."""
    lines: list[str] = []
    if isinstance(error, RemoteRefused):
        lines.append(say("detail.code", lang, code=error.code, message=error.remote_message))
    if isinstance(error, RecallError) and error.context is not None:
        context = error.context
        lines.append(f"{context.method} {mask_url(context.url)}")
        if context.status is not None:
            lines.append(f"HTTP {context.status}")
        if context.body_excerpt:
            lines.append(context.body_excerpt)
    if isinstance(error, OutcomeUnknown) and error.client_msg_id:
        lines.append(say("detail.client_msg_id", lang, client_msg_id=error.client_msg_id))
    if isinstance(error, RecallError) and error.params.get("detail"):
        lines.append(str(error.params["detail"]))
    if not isinstance(error, RecallError | OSError):
        lines.append(type(error).__name__)
    return "\n".join(lines)


def said_together(sentences: Iterable[tuple[str, Mapping[str, Any]]], lang: str) -> str:
    """Whole sentences one after another, spaced the way the language spaces them."""
    text = ""
    for key, params in sentences:
        sentence = say(key, lang, **params)
        text = say("sentence.next", lang, text=text, sentence=sentence) if text else sentence
    return text


def problems_text(problems: Iterable[Problem], lang: str) -> str:
    """A list entry's contract breaches, one after another."""
    return "; ".join(say(p.key, lang, **dict(p.params)) for p in problems)


def lint_message(finding: Finding, lang: str) -> str:
    """The sentence for one lint finding (``lint.CODE`` in the catalogue)."""
    return say(f"lint.{finding.code}", lang, **dict(finding.params))
