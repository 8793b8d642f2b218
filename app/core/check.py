"""Conformance check of a simulation middleware against contract §2.

Each check says pass / warn / fail, what was expected, what was seen and how to fix it. Probes
that POST use an unknown template id, so nothing reaches a customer unless the user asks for a
real test send (``send_to`` and ``template_id``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from app.core.check_zh import ZH
from app.core.contract import Response
from app.core.errors import OutcomeUnknown, ProtocolError, RecallError
from app.core.http import Funnel
from app.core.lang import pick
from app.core.middleware import (
    LEGACY_SEND_PATH,
    LIST_PATH,
    SEND_PATH,
    join_url,
    parse_template_list,
)
from app.core.templates import PLACEHOLDER

Status = Literal["pass", "warn", "fail", "skip"]
# Fixed English (translated through ZH) or a formatted (English, Chinese) pair.
Text = str | tuple[str, str]

UNKNOWN_TEMPLATE_ID = "recall-desk-conformance-unknown-template"
PROBE_OPENID = "recall-desk-conformance-probe"


@dataclass(frozen=True)
class CheckResult:
    key: str
    title: str
    status: Status
    expected: str
    seen: str
    fix: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def _is_json_object(response: Response) -> dict[str, Any] | None:
    try:
        value = response.json()
    except ProtocolError:
        return None
    return value if isinstance(value, dict) else None


def _excerpt(response: Response) -> str:
    text = response.content[:160].decode("utf-8", errors="replace").replace("\n", " ")
    return f"HTTP {response.status}: {text}"


def run_checks(
    funnel: Funnel,
    base_url: str,
    *,
    production: bool = False,
    send_to: str = "",
    template_id: str = "",
    on_result: Callable[[CheckResult], None] | None = None,
    lang: str = "en",
) -> list[CheckResult]:
    """Run every check in order; later checks are skipped when the list cannot be read.

    ``lang`` ("en" or "zh") chooses the language of titles, expectations and fixes.
    """
    results: list[CheckResult] = []

    def say(text: Text) -> str:
        """Fixed English is looked up in ZH; formatted text comes as an (en, zh) pair."""
        en, zh = text if isinstance(text, tuple) else (text, ZH.get(text, ""))
        return pick(lang, en, zh)

    def add(
        key: str, title: str, status: Status, expected: Text, seen: Text, fix: Text = ""
    ) -> None:
        result = CheckResult(key, say(title), status, say(expected), say(seen), say(fix))
        results.append(result)
        if on_result is not None:
            on_result(result)

    parts = urlsplit(base_url)
    if parts.scheme == "https":
        add("https", "HTTPS", "pass", "an https:// simulation domain", base_url)
    else:
        add(
            "https",
            "HTTPS",
            "warn" if production else "pass",
            "an https:// simulation domain",
            base_url,
            "Serve the middleware over HTTPS before using it in production.",
        )

    list_url = join_url(base_url, LIST_PATH)
    try:
        response = funnel.request("GET", list_url, idempotent=True)
    except RecallError as exc:
        add(
            "list_get",
            "Template list answers",
            "fail",
            "HTTP 200 with JSON within the timeout",
            (exc.message, exc.text("zh")),
            "Check the simulation domain and that the middleware is running.",
        )
        return results
    payload = _is_json_object(response) if response.status == 200 else None
    if payload is None:
        add(
            "list_get",
            "Template list answers",
            "fail",
            "HTTP 200 with a JSON object",
            _excerpt(response),
            (
                f"Serve GET {LIST_PATH} under the simulation domain, answering JSON.",
                f"请在模拟域名下提供 GET {LIST_PATH}，并返回 JSON。",
            ),
        )
        return results
    add(
        "list_get",
        "Template list answers",
        "pass",
        "HTTP 200 with a JSON object",
        (
            f"HTTP 200 in {response.elapsed * 1000:.0f} ms",
            f"HTTP 200，用时 {response.elapsed * 1000:.0f} 毫秒",
        ),
    )

    items = payload.get("template_list")
    if not isinstance(items, list):
        keys = ", ".join(sorted(payload)[:6])
        shape = (type(items).__name__,) * 2 if items is not None else ("missing", "缺失")
        add(
            "list_array",
            "`template_list` is an array",
            "fail",
            '{"template_list": [...]}',
            (
                f"template_list: {shape[0]} (keys: {keys})",
                f"template_list：{shape[1]}（字段：{keys}）",
            ),
            "Return WeChat's answer unchanged: an object with a template_list array.",
        )
        return results
    add(
        "list_array",
        "`template_list` is an array",
        "pass",
        "an array",
        (f"{len(items)} entries", f"{len(items)} 条"),
    )

    templates = parse_template_list(payload)
    broken = [t for t in templates if t.problems]
    if broken:
        listed = [(t.template_id or "?", ", ".join(t.problems)) for t in broken[:5]]
        add(
            "entries",
            "Entries have string template_id and title",
            "fail",
            "every entry: string template_id and title",
            (
                "; ".join(f"entry {tid}: {problems}" for tid, problems in listed),
                "；".join(f"条目 {tid}：{problems}" for tid, problems in listed),
            ),
            "Use WeChat's key names exactly (template_id, not “template id”) and string values.",
        )
    else:
        add(
            "entries",
            "Entries have string template_id and title",
            "pass",
            "every entry: string template_id and title",
            (f"{len(templates)} entries ok", f"{len(templates)} 条均正常"),
        )

    unparsed = [
        t.template_id for t in templates if "{{" in t.content.replace(" ", "") and not t.fields
    ]
    half = [
        t.template_id
        for t in templates
        if t.content.count(".DATA") > len(PLACEHOLDER.findall(t.content))
    ]
    if unparsed or half:
        add(
            "placeholders",
            "Placeholders parse",
            "warn",
            "{{key.DATA}} placeholders",
            (
                "unreadable in: " + ", ".join((unparsed + half)[:5]),
                "无法解析：" + "、".join((unparsed + half)[:5]),
            ),
            "Keep WeChat's {{key.DATA}} syntax in content.",
        )
    else:
        add(
            "placeholders",
            "Placeholders parse",
            "pass",
            "{{key.DATA}} placeholders",
            (
                f"{sum(len(t.fields) for t in templates)} fields in {len(templates)} templates",
                f"{len(templates)} 个模板共 {sum(len(t.fields) for t in templates)} 个字段",
            ),
        )

    # The send endpoint, probed with a template that cannot exist: nothing is delivered.
    probe = {"touser": send_to or PROBE_OPENID, "template_id": UNKNOWN_TEMPLATE_ID, "data": {}}
    send_url = join_url(base_url, SEND_PATH)
    answer = _post(funnel, send_url, probe)
    if isinstance(answer, tuple):
        add(
            "send_path",
            "Send endpoint at /message/template/send",
            "fail",
            "a JSON answer",
            answer,
            "Check the middleware's logs for this request.",
        )
        return results
    body = _is_json_object(answer)
    if body is None or "errcode" not in body:
        legacy = _post(funnel, join_url(base_url, LEGACY_SEND_PATH), probe)
        legacy_body = None if isinstance(legacy, tuple) else _is_json_object(legacy)
        if legacy_body is not None and "errcode" in legacy_body:
            add(
                "send_path",
                "Send endpoint at /message/template/send",
                "fail",
                (f"JSON with errcode at {SEND_PATH}", f"{SEND_PATH} 返回带 errcode 的 JSON"),
                (
                    f"{_excerpt(answer)}; answers at /{LEGACY_SEND_PATH}",
                    f"{_excerpt(answer)}；旧路径 /{LEGACY_SEND_PATH} 有回应",
                ),
                "The middleware predates 2020-12-10: add the /message prefix, or tick “Old "
                "middleware” in the profile meanwhile.",
            )
        else:
            add(
                "send_path",
                "Send endpoint at /message/template/send",
                "fail",
                "JSON with errcode",
                _excerpt(answer),
                (
                    f"Serve POST {SEND_PATH} under the simulation domain.",
                    f"请在模拟域名下提供 POST {SEND_PATH}。",
                ),
            )
        return results
    add(
        "send_path",
        "Send endpoint at /message/template/send",
        "pass",
        "JSON with errcode",
        f"HTTP {answer.status}",
    )
    errcode = body.get("errcode")
    if parts.query:
        query_kept = (f"?{parts.query} accepted on every call", f"每次请求都带上 ?{parts.query}")
        if str(errcode) == "40013":
            add(
                "query_kept",
                "Simulation domain's query reaches the middleware",
                "fail",
                query_kept,
                f"errcode 40013 {body.get('errmsg', '')}",
                "A proxy or redirect drops the query, or the appid in it is wrong: check the "
                "simulation domain and what sits in front of the middleware.",
            )
        else:
            add(
                "query_kept",
                "Simulation domain's query reaches the middleware",
                "pass",
                query_kept,
                answer.url,
            )
    if errcode in (0, "0"):
        add(
            "unknown_template",
            "Unknown template refused",
            "fail",
            "a non-zero errcode (40037)",
            f"errcode {errcode}",
            "Pass WeChat's answer through instead of answering 0.",
        )
    else:
        add(
            "unknown_template",
            "Unknown template refused",
            "pass",
            "a non-zero errcode (40037)",
            f"errcode {errcode} {body.get('errmsg', '')}".strip(),
        )

    if send_to and template_id:
        real = {"touser": send_to, "template_id": template_id, "data": {}}
        answer = _post(funnel, send_url, real)
        real_body = None if isinstance(answer, tuple) else _is_json_object(answer)
        if (
            real_body is not None
            and real_body.get("errcode") in (0, "0")
            and real_body.get("msgid")
        ):
            add(
                "test_send",
                "Test send delivered",
                "pass",
                "errcode 0 with a msgid",
                f"msgid {real_body['msgid']}",
            )
        else:
            seen: Text = (
                answer
                if isinstance(answer, tuple)
                else (json.dumps(real_body, ensure_ascii=False) if real_body else _excerpt(answer))
            )
            add(
                "test_send",
                "Test send delivered",
                "fail",
                "errcode 0 with a msgid",
                seen,
                "See the errcode's explanation; the recipient must follow the account.",
            )
    else:
        add(
            "test_send",
            "Test send delivered",
            "skip",
            "errcode 0 with a msgid",
            "not asked (give a recipient and a template id)",
        )
    return results


def _post(funnel: Funnel, url: str, body: dict[str, Any]) -> Response | tuple[str, str]:
    """The answer, or why there is none as (English, Chinese)."""
    try:
        return funnel.request("POST", url, json_body=body, idempotent=False)
    except OutcomeUnknown as exc:
        return f"no answer: {exc.message}", f"没有回答：{exc.text('zh')}"
    except RecallError as exc:
        return exc.message, exc.text("zh")


def verdict(results: list[CheckResult]) -> bool:
    return not any(r.status == "fail" for r in results)
