"""The middleware check in words: one line per check for the CLI and the GUI, and a report for
the middleware's vendor (self-contained HTML, or Markdown) in the reader's language.

Everything that came from a server (errmsg, bodies, template ids) is escaped in HTML and fenced
in Markdown; the profile is shown without its secret and credential-like URL parameters masked.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.core.check import CheckResult, Wire, verdict
from app.core.lang import is_chinese
from app.core.messages import say
from app.core.middleware import LEGACY_SEND_PATH, SEND_PATH
from app.core.paths import atomic_write
from app.core.profiles import Profile
from app.core.redact import mask_url


@dataclass(frozen=True)
class ResultText:
    """One check as sentences."""

    status: str
    title: str
    expected: str
    seen: str
    fix: str


def result_text(result: CheckResult, lang: str) -> ResultText:
    params = dict(result.params)
    fix = " ".join(_sentence(say(key, lang, **params)) for key in result.fix)
    return ResultText(
        say(f"check.status.{result.status}", lang),
        say(f"check.{result.key}.title", lang),
        say(f"check.{result.key}.expected", lang, **params),
        say(result.seen, lang, **params),
        fix if result.status in ("warn", "fail", "unknown") else "",
    )


def summary(results: list[CheckResult], lang: str) -> str:
    """The verdict in one sentence."""
    if verdict(results):
        return say("check.verdict.ok", lang)
    failed = sum(1 for r in results if r.status in ("fail", "unknown"))
    return say("check.verdict.failed", lang, n=failed)


def as_json(results: list[CheckResult], lang: str) -> dict[str, Any]:
    """The CLI's ``--json``: the verdict, each check's key and status with its sentences."""
    checks = []
    for r in results:
        text = result_text(r, lang)
        checks.append(
            {
                "key": r.key,
                "status": r.status,
                "title": text.title,
                "expected": text.expected,
                "seen": text.seen,
                "fix": text.fix,
                "wire": None if r.wire is None else vars(r.wire),
            }
        )
    return {"ok": verdict(results), "checks": checks}


# --- the report for the vendor ---------------------------------------------------------------


@dataclass(frozen=True)
class CheckReport:
    """A finished run: who checked what, when, and the results."""

    profile: Profile
    when: datetime
    results: list[CheckResult]

    def facts(self, lang: str) -> list[tuple[str, str]]:
        """(label, value) about the profile; no secret among them."""
        p = self.profile
        env = "demo" if p.demo else "production" if p.production else "test"

        return [
            (say("check.report.profile", lang), p.name),
            (say("check.report.environment", lang), say(f"check.report.env.{env}", lang)),
            (say("check.report.domain", lang), mask_url(p.middleware_url)),
            (say("check.report.account", lang), p.offi_account_id or "—"),
            (
                say("check.report.send_path", lang),
                "/" + (LEGACY_SEND_PATH if p.legacy_send_path else SEND_PATH),
            ),
            (say("check.report.when", lang), self.when.isoformat(timespec="seconds")),
            (say("check.report.tool", lang), f"Recall Desk {__version__}"),
        ]


def to_markdown(report: CheckReport, lang: str) -> str:
    lines = [f"# {say('check.report.title', lang)}", "", say("check.report.intro", lang), ""]
    lines += [f"- **{label}:** {_md_inline(value)}" for label, value in report.facts(lang)]
    lines += ["", f"## {say('check.report.summary', lang)}", "", summary(report.results, lang)]
    heads = ("result", "check", "seen", "fix")
    lines += ["", "| " + " | ".join(say(f"check.report.{h}", lang) for h in heads) + " |"]
    lines += ["|---|---|---|---|"]
    for r in report.results:
        text = result_text(r, lang)
        cells = (text.status, text.title, text.seen, text.fix)
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    lines += ["", f"## {say('check.report.checks', lang)}"]
    for r in report.results:
        text = result_text(r, lang)
        lines += ["", f"### {text.status} — {_md_inline(text.title)}", ""]
        lines.append(f"- **{say('check.report.expected', lang)}:** {_md_inline(text.expected)}")
        lines.append(f"- **{say('check.report.seen', lang)}:** {_md_inline(text.seen)}")
        if text.fix:
            lines.append(f"- **{say('check.report.fix', lang)}:** {_md_inline(text.fix)}")
        if r.wire is not None:
            lines += _md_wire(r.wire, lang)
    lines += ["", f"_{say('check.report.secret_note', lang)}_", ""]
    return "\n".join(lines)


def to_html(report: CheckReport, lang: str) -> str:
    e = html.escape
    rows = []
    for r in report.results:
        text = result_text(r, lang)
        rows.append(
            f"<tr class='{r.status}'><td class='badge'>{e(text.status)}</td>"
            f"<td><a href='#{e(r.key)}'>{e(text.title)}</a></td><td>{e(text.seen)}</td>"
            f"<td>{e(text.fix)}</td></tr>"
        )
    sections = []
    for r in report.results:
        text = result_text(r, lang)
        parts = [
            f"<section id='{e(r.key)}' class='{r.status}'>",
            f"<h3><span class='badge'>{e(text.status)}</span> {e(text.title)}</h3><dl>",
            f"<dt>{e(say('check.report.expected', lang))}</dt><dd>{e(text.expected)}</dd>",
            f"<dt>{e(say('check.report.seen', lang))}</dt><dd>{e(text.seen)}</dd>",
        ]
        if text.fix:
            parts.append(f"<dt>{e(say('check.report.fix', lang))}</dt><dd>{e(text.fix)}</dd>")
        parts.append("</dl>")
        if r.wire is not None:
            parts.append(_html_wire(r.wire, lang))
        parts.append("</section>")
        sections.append("".join(parts))
    facts = "".join(
        f"<tr><th>{e(label)}</th><td>{e(value)}</td></tr>" for label, value in report.facts(lang)
    )
    ok = verdict(report.results)
    title = e(say("check.report.title", lang))
    return (
        f"<!DOCTYPE html><html lang='{'zh-CN' if is_chinese(lang) else 'en'}'><head>"
        "<meta charset='utf-8'><meta name='viewport' content='width=device-width'>"
        # Nothing is loaded from anywhere: no script, no image, no remote style.
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; "
        "style-src 'unsafe-inline'\">"
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        f"<h1>{title}</h1><p class='intro'>{e(say('check.report.intro', lang))}</p>"
        f"<table class='facts'>{facts}</table>"
        f"<h2>{e(say('check.report.summary', lang))}</h2>"
        f"<p class='verdict {'pass' if ok else 'fail'}'>{e(summary(report.results, lang))}</p>"
        f"<table class='summary'><tr><th>{e(say('check.report.result', lang))}</th>"
        f"<th>{e(say('check.report.check', lang))}</th>"
        f"<th>{e(say('check.report.seen', lang))}</th>"
        f"<th>{e(say('check.report.fix', lang))}</th></tr>{''.join(rows)}</table>"
        f"<h2>{e(say('check.report.checks', lang))}</h2>{''.join(sections)}"
        f"<p class='note'>{e(say('check.report.secret_note', lang))}</p></body></html>\n"
    )


def write_report(path: Path, report: CheckReport, lang: str) -> None:
    """Write the report atomically: Markdown for ``.md``/``.markdown``, else HTML."""
    markdown = path.suffix.lower() in (".md", ".markdown")
    text = to_markdown(report, lang) if markdown else to_html(report, lang)
    atomic_write(path, text.encode("utf-8"))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in ".。!！?？)）" else text + ("。" if _cjk(text) else ".")


def _cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _md_inline(text: str) -> str:
    """Server text in Markdown prose: no markup, no HTML, one line."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return "".join("\\" + ch if ch in "\\`*_[]#|<>!" else ch for ch in escaped)


def _md_cell(text: str) -> str:
    return _md_inline(text)


def _md_wire(wire: Wire, lang: str) -> list[str]:
    status = (
        f"HTTP {wire.status}" if wire.status is not None else say("check.report.no_answer", lang)
    )
    fence = "~~~~"
    out = ["", f"**{say('check.report.request', lang)}:** `{wire.method} {_md_code(wire.url)}`"]
    if wire.request:
        out += ["", f"{fence}json", _defenced(wire.request, fence), fence]
    out += ["", f"**{say('check.report.response', lang)}:** {status}"]
    if wire.response:
        out += ["", fence, _defenced(wire.response, fence), fence]
    return out


def _status(wire: Wire, lang: str) -> str:
    return f"HTTP {wire.status}" if wire.status is not None else say("check.report.no_answer", lang)


def _md_code(text: str) -> str:
    return text.replace("`", "'")


def _defenced(text: str, fence: str) -> str:
    return text.replace(fence, "~ ~ ~ ~")


def _html_wire(wire: Wire, lang: str) -> str:
    e = html.escape
    status = (
        f"HTTP {wire.status}" if wire.status is not None else say("check.report.no_answer", lang)
    )
    parts = [
        "<div class='wire'>",
        f"<h4>{e(say('check.report.request', lang))}</h4>",
        f"<pre>{e(wire.method)} {e(wire.url)}" + (f"\n\n{e(wire.request)}" if wire.request else ""),
        "</pre>",
        f"<h4>{e(say('check.report.response', lang))}: {e(status)}</h4>",
    ]
    if wire.response:
        parts.append(f"<pre>{e(wire.response)}</pre>")
    parts.append("</div>")
    return "".join(parts)


_CSS = """
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  max-width: 1000px; margin: 2em auto; padding: 0 1em; color: #111827; }
h1 { font-size: 1.6em; margin-bottom: .2em; } h2 { margin-top: 1.6em; }
.intro, .note { color: #4b5563; } table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35em .6em; border-bottom: 1px solid #e5e7eb;
  vertical-align: top; }
.facts th { width: 12em; color: #374151; font-weight: 600; }
.badge { font-weight: 700; white-space: nowrap; }
.pass .badge, .verdict.pass { color: #166534; } .warn .badge { color: #b45309; }
.fail .badge, .verdict.fail { color: #b91c1c; } .unknown .badge { color: #b45309; }
.skip .badge { color: #6b7280; } .verdict { font-weight: 600; font-size: 1.1em; }
section { border: 1px solid #e5e7eb; border-left: 5px solid #9ca3af; border-radius: 6px;
  padding: .2em 1em .8em; margin: 1em 0; }
section.pass { border-left-color: #16a34a; } section.fail { border-left-color: #dc2626; }
section.warn, section.unknown { border-left-color: #d97706; }
dt { font-weight: 600; margin-top: .4em; } dd { margin-left: 0; }
pre { background: #f3f4f6; padding: .6em .8em; border-radius: 4px; overflow-x: auto;
  white-space: pre-wrap; word-break: break-all; font-size: 13px; }
h4 { margin: .8em 0 .2em; font-size: .95em; color: #374151; }
"""
