"""One recorded exchange as the front ends read it, and the CSV export of a list of them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from app.core.csv_safe import safe_row
from app.core.errors import RecallError
from app.core.history_schema import COLUMN_NAMES, legacy_fields, unpack_fields
from app.core.messages import say
from app.core.middleware import FieldValue, MiniProgram, SendRequest, build_body
from app.core.paths import atomic_write
from app.core.udesk import QrRequest


def to_json(value: Any) -> str:
    """Compact JSON as history stores it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class Event:
    """One recorded exchange: ``fields`` are the typed request's fields (empty for a send typed
    as raw JSON, whose wire body is ``body``); :attr:`request` is the wire body that went out.
    The failure is ``error_key`` with ``error_params``: ``messages.say(key, lang, **params)``
    makes its sentence in either language."""

    id: int
    ts: float
    profile: str
    kind: str
    target: str
    template_id: str
    channel: str
    response: str
    code: str
    outcome: str
    error_key: str
    duration_ms: int
    client_msg_id: str
    # As stored; parsed on first use (a search returns up to a thousand rows).
    fields_json: str = field(default="{}", repr=False)
    body_json: str = field(default="", repr=False)
    params_json: str = field(default="{}", repr=False)

    @cached_property
    def fields(self) -> dict[str, Any]:
        return unpack_fields(
            self.kind,
            _object(self.fields_json),
            {"target": self.target, "template_id": self.template_id, "channel": self.channel,
             "client_msg_id": self.client_msg_id, "request": self.body_json},
        )  # fmt: skip

    @cached_property
    def body(self) -> dict[str, Any]:
        return _object(self.body_json)

    @cached_property
    def error_params(self) -> dict[str, Any]:
        return _object(self.params_json)

    @cached_property
    def request(self) -> dict[str, Any]:
        """The wire body (rebuilt from the fields when they were recorded)."""
        if self.body or not self.fields:
            return self.body
        qr = self.qr_request()
        if qr is not None:
            return qr.to_body()
        send = self.send_request()
        if send is None:
            return {}

        try:
            return build_body(send)
        except RecallError:
            return {}

    def qr_request(self) -> QrRequest | None:
        """The QR request as the user typed it (for Use again), or None for a send."""
        if self.kind != "qr" or not self.fields:
            return None

        f = self.fields
        call_times = f.get("call_times", -1)
        return QrRequest(
            sdk_app_id=str(f.get("sdk_app_id", "")),
            offi_account_id=str(f.get("offi_account_id", "")),
            open_id=str(f.get("open_id", "")),
            call_times=call_times if isinstance(call_times, int) else -1,
            custom_channel=str(f.get("custom_channel", "")),
        )

    def send_request(self) -> SendRequest | None:
        """The send as the user filled it in (pagepath without the appended agent/group ids),
        with its recorded ``client_msg_id`` (a raw JSON send's body read as one); None for a
        QR request."""
        if self.kind != "send":
            return None
        f = self.fields or legacy_fields("send", self.body)
        raw_data = f.get("data")
        data: dict[str, Any] = raw_data if isinstance(raw_data, dict) else {}
        mini = f.get("miniprogram")
        return SendRequest(
            touser=str(f.get("touser", "")),
            template_id=str(f.get("template_id", "")),
            data={
                str(k): FieldValue(str(v.get("value", "")), str(v.get("color", "") or ""))
                for k, v in data.items()
                if isinstance(v, dict)
            },
            url=str(f.get("url", "") or ""),
            miniprogram=MiniProgram(
                appid=str(mini.get("appid", "")),
                pagepath=str(mini.get("pagepath", "")),
                agent_id=str(mini.get("agent_id", "")),
                group_id=str(mini.get("group_id", "")),
            )
            if isinstance(mini, dict)
            else None,
            client_msg_id=str(f.get("client_msg_id", "") or self.client_msg_id),
        )


def _object(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (json.JSONDecodeError, TypeError):
        return {}
    return value if isinstance(value, dict) else {}


def event_from_row(row: tuple[Any, ...]) -> Event:
    """An :class:`Event` from a row selected as ``COLUMN_NAMES``."""
    v = dict(zip(COLUMN_NAMES, row, strict=True))
    return Event(
        id=v["id"],
        ts=v["ts"],
        profile=v["profile"],
        kind=v["kind"],
        target=v["target"],
        template_id=v["template_id"],
        channel=v["channel"],
        response=v["response"],
        code=v["code"],
        outcome=v["outcome"],
        error_key=v["error_key"],
        duration_ms=v["duration_ms"],
        client_msg_id=v["client_msg_id"],
        fields_json=v["fields"],
        body_json=v["request"],
        params_json=v["error_params"],
    )


EXPORT_COLUMNS = (
    "id",
    "time",
    "profile",
    "kind",
    "openId",
    "template_id",
    "channel",
    "outcome",
    "code",
    "error",
    "duration_ms",
    "client_msg_id",
    "request",
    "response",
)


def export_csv(events: list[Event], path: Path, lang: str = "en") -> None:
    """Write events as CSV (UTF-8 with BOM so Excel opens Chinese text), atomically; no cell
    can start a formula; failures as sentences in ``lang``."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    for e in events:
        when = dt.datetime.fromtimestamp(e.ts).isoformat(timespec="seconds")
        error = say(e.error_key, lang, **e.error_params) if e.error_key else ""
        writer.writerow(
            safe_row(
                (
                    e.id,
                    when,
                    e.profile,
                    e.kind,
                    e.target,
                    e.template_id,
                    e.channel,
                    e.outcome,
                    e.code,
                    error,
                    e.duration_ms,
                    e.client_msg_id,
                    to_json(e.request),
                    e.response,
                )
            )
        )
    atomic_write(path, ("\ufeff" + out.getvalue()).encode("utf-8"), private=True)
