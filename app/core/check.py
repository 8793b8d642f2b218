"""Conformance check of a simulation middleware against contract §2.

:data:`CHECKS` is the list: each check is a small function of the :class:`CheckRun` (what the
checks before it found) that returns its :class:`CheckResult`, or None when it does not apply.
When a check marked blocking fails, the run ends there: the later checks need its answer.

Probes that POST use an unknown template id, so nothing reaches a customer unless the user asks
for a real test send (:class:`TestSend`), which goes through :meth:`Service.send_body` like any
send from the Templates page: a history row, never retried, an unknown outcome said as such.

Results carry catalogue keys and parameters (``check.*``, ``errcode.*``, an error's own key),
never sentences: :mod:`app.core.check_report` makes the text, for the CLI, the GUI and the
vendor's report alike.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from app.core import wechat_errors
from app.core.contract import WECHAT_LIST_RULE, WECHAT_RULE
from app.core.errors import OutcomeUnknown, ProtocolError, RecallError, RemoteRefused
from app.core.middleware import (
    LEGACY_SEND_PATH,
    LIST_PATH,
    SEND_PATH,
    FieldValue,
    MiniProgram,
    SendRequest,
    build_body,
    join_url,
    parse_template_list,
)
from app.core.redact import mask_url
from app.core.templates import PLACEHOLDER, Template, sample_values

if TYPE_CHECKING:
    from app.core.contract import Response
    from app.core.service import Service

Status = Literal["pass", "warn", "fail", "skip", "unknown"]

UNKNOWN_TEMPLATE_ID = "recall-desk-conformance-unknown-template"
PROBE_OPENID = "recall-desk-conformance-probe"
WIRE_LIMIT = 4000  # characters of a body kept for the report


@dataclass(frozen=True)
class Wire:
    """The request a check made and the answer it got, as the vendor's report shows them (bodies
    cut at :data:`WIRE_LIMIT`, credentials in the URL masked)."""

    method: str
    url: str
    request: str = ""
    status: int | None = None
    response: str = ""


@dataclass(frozen=True)
class CheckResult:
    """One verdict. ``key`` names the check (``check.KEY.title``, ``check.KEY.expected``);
    ``seen`` and ``fix`` are catalogue keys filled with ``params``."""

    key: str
    status: Status
    seen: str
    params: Mapping[str, Any] = field(default_factory=dict)
    fix: tuple[str, ...] = ()
    wire: Wire | None = None


@dataclass(frozen=True)
class TestSend:
    """A real test message: to ``touser`` with ``template_id``, its fields filled with values
    that pass lint (:func:`sample_values`). ``template`` is looked up in the list when None (a
    template entered by hand is given here)."""

    touser: str
    template_id: str
    template: Template | None = None
    miniprogram: MiniProgram | None = None
    client_msg_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    __test__ = False  # not a pytest class

    def request(self, template: Template) -> SendRequest:
        values = sample_values(template)
        return SendRequest(
            touser=self.touser,
            template_id=self.template_id,
            data={key: FieldValue(value) for key, value in values.items()},
            miniprogram=self.miniprogram,
            client_msg_id=self.client_msg_id,
        )


@dataclass
class CheckRun:
    """What a run knows: its inputs, then what the checks before found."""

    service: Service
    base_url: str
    production: bool = False
    test_send: TestSend | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    templates: list[Template] = field(default_factory=list)
    probe: dict[str, Any] = field(default_factory=dict)
    probe_url: str = ""
    probe_error: RecallError | None = None


Check = Callable[[CheckRun], CheckResult | None]


# --- the checks --------------------------------------------------------------------------------


def check_https(run: CheckRun) -> CheckResult:
    """https:// passes; http:// is a warning for a test profile (fine while testing) and a
    failure for a production one (the token and customers' data would cross in clear)."""
    url = {"url": mask_url(run.base_url)}
    if urlsplit(run.base_url).scheme == "https":
        return CheckResult("https", "pass", "check.seen.url", url)
    if run.production:
        return CheckResult("https", "fail", "check.seen.plain_http", url, ("check.https.fix",))
    return CheckResult("https", "warn", "check.seen.plain_http", url, ("check.https.testing",))


def check_list_answers(run: CheckRun) -> CheckResult:
    """The list through the funnel's contract check (status, JSON object, no errcode ≠ 0)."""
    url = join_url(run.base_url, LIST_PATH)
    try:
        payload, response = run.service.funnel.call("GET", url, WECHAT_LIST_RULE, idempotent=True)
    except RemoteRefused as exc:
        return _refused("list_get", exc, _wire_of_error("GET", url, None, exc))
    except ProtocolError as exc:  # an answer, but not the contract's
        wire = _wire_of_error("GET", url, None, exc)
        return _failed_call("list_get", exc, wire, "check.list_get.fix_json")
    except RecallError as exc:  # no usable answer
        return _failed_call("list_get", exc, Wire("GET", mask_url(url)), "check.list_get.fix")
    run.payload = payload
    ms = round(response.elapsed * 1000)
    wire = _wire("GET", url, None, response)
    return CheckResult("list_get", "pass", "check.seen.list_ok", {"ms": ms}, wire=wire)


def check_list_array(run: CheckRun) -> CheckResult:
    items = run.payload.get("template_list")
    if not isinstance(items, list):
        keys = ", ".join(sorted(run.payload)[:6]) or "—"
        if items is None:
            return CheckResult(
                "list_array",
                "fail",
                "check.seen.list_missing",
                {"keys": keys},
                ("check.list_array.fix",),
            )
        kind = type(items).__name__
        return CheckResult(
            "list_array",
            "fail",
            "check.seen.list_type",
            {"kind": kind, "keys": keys},
            ("check.list_array.fix",),
        )
    run.templates = parse_template_list(run.payload)
    return CheckResult("list_array", "pass", "check.seen.entries", {"n": len(items)})


def check_entries(run: CheckRun) -> CheckResult:
    broken = [t for t in run.templates if t.problems]
    if not broken:
        return CheckResult("entries", "pass", "check.seen.entries_ok", {"n": len(run.templates)})
    listed = [
        ["template.entry", {"id": t.template_id or "?", "problems": [p.said() for p in t.problems]}]
        for t in broken[:5]
    ]
    return CheckResult(
        "entries", "fail", "check.seen.entries_broken", {"entries": listed}, ("check.entries.fix",)
    )


def check_placeholders(run: CheckRun) -> CheckResult:
    templates = run.templates
    unreadable = [
        t.template_id
        for t in templates
        if ("{{" in t.content.replace(" ", "") and not t.fields)
        or t.content.count(".DATA") > len(PLACEHOLDER.findall(t.content))
    ]
    if unreadable:
        return CheckResult(
            "placeholders",
            "warn",
            "check.seen.unreadable",
            {"ids": ", ".join(unreadable[:5])},
            ("check.placeholders.fix",),
        )
    fields = sum(len(t.fields) for t in templates)
    return CheckResult(
        "placeholders", "pass", "check.seen.fields", {"fields": fields, "n": len(templates)}
    )


def check_send_path(run: CheckRun) -> CheckResult:
    """Probe the send endpoint with a template that cannot exist: nothing is delivered. Its
    answer goes through the funnel's contract check; the refusal (40037) is the expected one."""
    probe = {
        "touser": run.test_send.touser if run.test_send else PROBE_OPENID,
        "template_id": UNKNOWN_TEMPLATE_ID,
        "data": {},
    }
    url = join_url(run.base_url, SEND_PATH)
    outcome = _probe(run, url, probe)
    if isinstance(outcome, CheckResult):
        return outcome
    if outcome is not None:
        run.probe, run.probe_url, status = outcome
        wire = Wire("POST", mask_url(url), _dump(probe), status, _dump(run.probe))
        return CheckResult("send_path", "pass", "check.seen.http", {"status": status}, wire=wire)
    # No contract answer at /message/template/send: does the pre-2020-12-10 path answer?
    legacy = _probe(run, join_url(run.base_url, LEGACY_SEND_PATH), probe)
    first = run.probe_error
    params = dict(first.params) if first is not None else {}
    seen_wire = _wire_of_error("POST", url, probe, first) if first is not None else None
    if isinstance(legacy, tuple):
        return CheckResult(
            "send_path",
            "fail",
            "check.seen.legacy_only",
            {**_excerpt_of(first), "legacy": "/" + LEGACY_SEND_PATH},
            ("check.send_path.fix_legacy",),
            seen_wire,
        )
    key = first.key if first is not None else "check.seen.excerpt"
    return CheckResult("send_path", "fail", key, params, ("check.send_path.fix",), seen_wire)


def _probe(
    run: CheckRun, url: str, probe: dict[str, Any]
) -> tuple[dict[str, Any], str, int] | CheckResult | None:
    """(the answer, its URL, its status) when it follows the contract (a refusal included);
    None when it does not (the error kept in ``run.probe_error``); a failed check when nothing
    came back."""
    try:
        payload, response = run.service.funnel.call("POST", url, WECHAT_RULE, json_body=probe)
    except RemoteRefused as exc:
        context = exc.context
        answer = {"errcode": exc.code, "errmsg": exc.remote_message}
        return (
            answer,
            context.url if context else url,
            context.status if context and context.status else 200,
        )
    except ProtocolError as exc:
        if run.probe_error is None:
            run.probe_error = exc
        return None
    except RecallError as exc:
        wire = _wire_of_error("POST", url, probe, exc)
        return _failed_call("send_path", exc, wire, "check.send_path.fix_logs")
    return payload, response.url, response.status


def _excerpt_of(error: RecallError | None) -> dict[str, Any]:
    context = error.context if error is not None else None
    if context is None:
        return {"status": "—", "excerpt": ""}
    return {"status": context.status or "—", "excerpt": context.body_excerpt[:160]}


def check_query_kept(run: CheckRun) -> CheckResult | None:
    query = urlsplit(run.base_url).query
    if not query:
        return None
    errcode = str(run.probe.get("errcode"))
    if errcode == "40013":
        params = {"query": query, "code": errcode, "errmsg": str(run.probe.get("errmsg", ""))}
        return CheckResult(
            "query_kept", "fail", "check.seen.refused", params, ("check.query_kept.fix",)
        )
    return CheckResult(
        "query_kept", "pass", "check.seen.url", {"url": mask_url(run.probe_url), "query": query}
    )


def check_unknown_template(run: CheckRun) -> CheckResult:
    code, errmsg = run.probe.get("errcode"), str(run.probe.get("errmsg", ""))
    params = {"code": code, "errmsg": errmsg}
    if code in (0, "0"):
        return CheckResult(
            "unknown_template",
            "fail",
            "check.seen.refused",
            params,
            ("check.unknown_template.fix",),
        )
    return CheckResult("unknown_template", "pass", "check.seen.refused", params)


def check_test_send(run: CheckRun) -> CheckResult:
    """Send one real message the way the Templates page does, and explain what came back."""
    asked = run.test_send
    if asked is None:
        return CheckResult("test_send", "skip", "check.seen.not_asked")
    template = asked.template or next(
        (t for t in run.templates if t.template_id == asked.template_id), None
    )
    if template is None:
        return CheckResult(
            "test_send",
            "fail",
            "check.seen.not_listed",
            {"template_id": asked.template_id},
            ("check.test_send.fix_not_listed",),
        )
    request = asked.request(template)
    body = build_body(request)
    url = run.service.middleware.send_url()
    try:
        result = run.service.send(request)
    except RemoteRefused as exc:
        return _refused("test_send", exc, _wire_of_error("POST", url, body, exc))
    except OutcomeUnknown as exc:
        params = {**exc.params, "client_msg_id": asked.client_msg_id}
        return CheckResult(
            "test_send",
            "unknown",
            exc.key,
            params,
            ("check.test_send.fix_unknown",),
            _wire_of_error("POST", url, body, exc),
        )
    except RecallError as exc:
        return _failed_call(
            "test_send", exc, _wire_of_error("POST", url, body, exc), "check.test_send.fix_error"
        )
    wire = Wire("POST", mask_url(url), _dump(body), 200, _dump(result.raw))
    params = {
        "msgid": result.msgid,
        "template_id": asked.template_id,
        "fields": len(template.fields),
    }
    return CheckResult("test_send", "pass", "check.seen.delivered", params, wire=wire)


# (check, blocking): a blocking check that fails ends the run.
CHECKS: tuple[tuple[Check, bool], ...] = (
    (check_https, False),
    (check_list_answers, True),
    (check_list_array, True),
    (check_entries, False),
    (check_placeholders, False),
    (check_send_path, True),
    (check_query_kept, False),
    (check_unknown_template, False),
    (check_test_send, False),
)


def run_checks(
    service: Service,
    *,
    test_send: TestSend | None = None,
    on_result: Callable[[CheckResult], None] | None = None,
) -> list[CheckResult]:
    """Run :data:`CHECKS` in order against ``service``'s profile."""
    run = CheckRun(service, service.profile.middleware_url, service.profile.production, test_send)
    results: list[CheckResult] = []
    for check, blocking in CHECKS:
        result = check(run)
        if result is None:
            continue
        results.append(result)
        if on_result is not None:
            on_result(result)
        if blocking and result.status == "fail":
            break
    return results


def verdict(results: list[CheckResult]) -> bool:
    """True when nothing failed (an unknown outcome is not a pass)."""
    return not any(r.status in ("fail", "unknown") for r in results)


# --- helpers ---------------------------------------------------------------------------------


def _refused(key: str, exc: RemoteRefused, wire: Wire) -> CheckResult:
    """WeChat's refusal, with its errcode explained."""
    params = wechat_errors.params(exc.code, exc.remote_message)
    fix = wechat_errors.explanation_keys(exc.code)
    return CheckResult(key, "fail", "check.seen.refused", params, fix, wire)


def _failed_call(key: str, exc: RecallError, wire: Wire, fix: str) -> CheckResult:
    """No usable answer: the error's own sentence is what was seen."""
    return CheckResult(key, "fail", exc.key, dict(exc.params), (fix,), wire)


def _dump(body: Any) -> str:
    return json.dumps(body, ensure_ascii=False, indent=2)[:WIRE_LIMIT]


def _wire(method: str, url: str, body: Any, response: Response | None) -> Wire:
    request = _dump(body) if body is not None else ""
    if response is None:
        return Wire(method, mask_url(url), request)
    text = response.content[:WIRE_LIMIT].decode("utf-8", errors="replace")
    return Wire(method, mask_url(url), request, response.status, text)


def _wire_of_error(method: str, url: str, body: Any, exc: RecallError) -> Wire:
    context = exc.context
    status = context.status if context is not None else None
    excerpt = context.body_excerpt if context is not None else ""
    return Wire(method, mask_url(url), _dump(body), status, excerpt)
