"""The simulation middleware's two endpoints (contract §2).

* template list: ``GET {base}/template/get_all_private_template``
* template send: ``POST {base}/message/template/send`` (``/template/send`` before 2020-12-10)

The base URL is the customer's "simulation domain"; its own path and query are kept on every call.
Docs: https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from app.core.contract import WECHAT_LIST_RULE, WECHAT_RULE, Response
from app.core.controls import has_control, refuse_controls, shown_plainly
from app.core.errors import BadInput, ProtocolError
from app.core.http import Funnel
from app.core.templates import Problem, Template

LIST_PATH = "template/get_all_private_template"
SEND_PATH = "message/template/send"
LEGACY_SEND_PATH = "template/send"

# WeChat keeps at most a few hundred templates per account; a longer list is refused before
# anything is built from it.
MAX_TEMPLATES = 20_000


def join_url(base: str, path: str) -> str:
    """Join ``path`` onto ``base`` keeping the base's path and query.

    ``join_url("https://mw.example.com/wx77?appid=wx77", "template/send")`` →
    ``https://mw.example.com/wx77/template/send?appid=wx77``. A query on ``path`` is appended
    after the base's.
    """
    base = base.strip()
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise BadInput("middleware.url_scheme", field="middleware_url", url=base)
    extra = urlsplit(path)
    joined_path = parts.path.rstrip("/") + "/" + extra.path.lstrip("/")
    query = "&".join(q for q in (parts.query, extra.query) if q)
    return urlunsplit((parts.scheme, parts.netloc, joined_path, query, ""))


def append_query(pagepath: str, params: dict[str, str]) -> str:
    """Append ``params`` to a mini-program ``pagepath`` without duplicating existing keys.

    ``append_query("index?foo=bar", {"agent_id": "123"})`` → ``index?foo=bar&agent_id=123``.
    """
    path, sep, query = pagepath.partition("?")
    existing = {k for k, _ in parse_qsl(query, keep_blank_values=True)}
    additions = {k: v for k, v in params.items() if v != "" and k not in existing}
    if not additions:
        return pagepath
    extra = urlencode(additions)
    if not sep or not query:
        return f"{path}?{extra}"
    joiner = "" if query.endswith("&") else "&"
    return f"{path}?{query}{joiner}{extra}"


@dataclass(frozen=True)
class MiniProgram:
    appid: str
    pagepath: str = ""
    agent_id: str = ""
    group_id: str = ""


@dataclass(frozen=True)
class FieldValue:
    value: str
    color: str = ""


@dataclass(frozen=True)
class SendRequest:
    """One intended send. ``client_msg_id`` is fixed per intended send, so a resend after an
    unknown outcome reuses it and WeChat delivers at most once."""

    touser: str
    template_id: str
    data: dict[str, FieldValue] = field(default_factory=dict)
    url: str = ""
    miniprogram: MiniProgram | None = None
    client_msg_id: str = field(default_factory=lambda: uuid.uuid4().hex)

    def jump_target(self) -> str:
        """Which target WeChat opens: ``miniprogram``, ``url`` or ``none``."""
        if self.miniprogram and self.miniprogram.appid:
            return "miniprogram"
        return "url" if self.url else "none"


def build_body(request: SendRequest) -> dict[str, Any]:
    """Build WeChat's send body (plus Udesk's agent_id/group_id extension).

    Raises:
        BadInput: touser or template_id missing, or a mini program without appid.
    """
    if not request.touser.strip():
        raise BadInput("middleware.required", field="touser")
    if not request.template_id.strip():
        raise BadInput("middleware.required", field="template_id")
    body: dict[str, Any] = {
        "touser": request.touser.strip(),
        "template_id": request.template_id.strip(),
    }
    if request.url:
        body["url"] = request.url
    mp = request.miniprogram
    if mp is not None and (mp.appid or mp.pagepath or mp.agent_id or mp.group_id):
        if not mp.appid.strip():
            raise BadInput("middleware.mini_program_appid", field="appid")
        mini: dict[str, str] = {"appid": mp.appid.strip()}
        ids = {"agent_id": mp.agent_id.strip(), "group_id": mp.group_id.strip()}
        if mp.pagepath or any(ids.values()):
            mini["pagepath"] = append_query(mp.pagepath.strip(), ids)
        for key, value in ids.items():
            if value:
                mini[key] = value
        body["miniprogram"] = mini
    data: dict[str, dict[str, str]] = {}
    for key, fv in request.data.items():
        entry = {"value": fv.value}
        if fv.color:
            entry["color"] = fv.color
        data[key] = entry
    body["data"] = data
    body["client_msg_id"] = request.client_msg_id
    refuse_controls_in(body)
    return body


def refuse_controls_in(body: dict[str, Any]) -> None:
    """Refuse a body whose recipient, template id or jump ids hold control characters
    (``input.control`` naming the field): built by :func:`build_body` or edited by hand."""
    mini = body.get("miniprogram")
    jump = mini if isinstance(mini, dict) else {}
    refuse_controls(
        [
            ("touser", body.get("touser")),
            ("template_id", body.get("template_id")),
            ("client_msg_id", body.get("client_msg_id")),
            ("appid", jump.get("appid")),
            ("pagepath", jump.get("pagepath")),
            ("agent_id", jump.get("agent_id")),
            ("group_id", jump.get("group_id")),
        ]
    )


@dataclass(frozen=True)
class TemplateList:
    templates: list[Template]
    raw_count: int


@dataclass(frozen=True)
class SendResult:
    errcode: int
    errmsg: str
    msgid: int | str | None
    body: dict[str, Any]
    duration: float
    raw: dict[str, Any]


def parse_template_list(
    payload: dict[str, Any], response: Response | None = None
) -> list[Template]:
    """Parse ``{"template_list": [...]}``; entries that break the contract carry ``problems``.

    Raises:
        ProtocolError: no array under ``template_list``, or more than :data:`MAX_TEMPLATES`.
    """
    context = response.context() if response is not None else None
    items = payload.get("template_list")
    if not isinstance(items, list):
        if items is None:
            raise ProtocolError("middleware.no_template_list", context=context)
        raise ProtocolError(
            "middleware.template_list_type", kind=type(items).__name__, context=context
        )
    if len(items) > MAX_TEMPLATES:
        raise ProtocolError(
            "middleware.too_many_templates",
            count=len(items),
            limit=MAX_TEMPLATES,
            context=context,
        )
    templates: list[Template] = []
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            templates.append(
                Template.build(
                    f"#{index + 1}",
                    "",
                    problems=(Problem("template.not_object", (("kind", type(item).__name__),)),),
                )
            )
            continue
        problems: list[Problem] = []
        for wrong, right in (
            ("template id", "template_id"),
            ("deputy industry", "deputy_industry"),
        ):
            if wrong in item and right not in item:
                spelling = (("wrong", wrong), ("right", right))
                problems.append(Problem("template.key_spelling", spelling))
                item = {**item, right: item[wrong]}
        tid = item.get("template_id")
        title = item.get("title")
        if not isinstance(tid, str) or not tid.strip():
            problems.append(Problem("template.no_id"))
            tid = str(tid) if tid not in (None, "") else f"#{index + 1}"
        elif has_control(tid):  # a NUL or escape in an id: refused by the send, said here
            problems.append(Problem("template.id_control"))
            tid = shown_plainly(tid)
        if not isinstance(title, str):
            problems.append(Problem("template.no_title"))
            title = "" if title is None else str(title)

        def text(key: str, entry: dict[str, Any] = item, problems: list[Problem] = problems) -> str:
            value = entry.get(key)
            if value is None:
                return ""
            if not isinstance(value, str):
                problems.append(Problem("template.not_text", (("key", key),)))
                return str(value)
            return value

        templates.append(
            Template.build(
                tid,
                title,
                primary_industry=text("primary_industry"),
                deputy_industry=text("deputy_industry"),
                content=text("content"),
                example=text("example"),
                problems=tuple(problems),
            )
        )
    return templates


class MiddlewareClient:
    """Calls to one simulation middleware."""

    def __init__(self, funnel: Funnel, base_url: str, *, legacy_send_path: bool = False) -> None:
        self._funnel = funnel
        self.base_url = base_url
        self.legacy_send_path = legacy_send_path

    def list_url(self) -> str:
        return join_url(self.base_url, LIST_PATH)

    def send_url(self) -> str:
        return join_url(self.base_url, LEGACY_SEND_PATH if self.legacy_send_path else SEND_PATH)

    def list_templates(self) -> TemplateList:
        """Fetch and parse the template list (a GET, retried on transient failures)."""
        payload, response = self._funnel.call(
            "GET", self.list_url(), WECHAT_LIST_RULE, idempotent=True
        )
        templates = parse_template_list(payload, response)
        return TemplateList(templates, len(templates))

    def send_body(self, body: dict[str, Any]) -> SendResult:
        """Send one body as it is (built by :func:`build_body`, or the advanced mode's JSON).

        Never retried.

        Raises:
            RemoteRefused: a readable answer with a non-zero ``errcode``.
            OutcomeUnknown: the body went out and no readable verdict came back.
        """
        payload, response = self._funnel.call(
            "POST",
            self.send_url(),
            WECHAT_RULE,
            json_body=body,
            client_msg_id=str(body.get("client_msg_id") or ""),
        )
        msgid = payload.get("msgid")
        return SendResult(
            0,
            _text(payload.get("errmsg", "")),
            msgid if isinstance(msgid, int | str) and not isinstance(msgid, bool) else None,
            body,
            response.elapsed,
            payload,
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else str(value)[:300]
