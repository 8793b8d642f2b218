"""The command line: ``recall-desk COMMAND [options]``; no command starts the GUI.

Exit codes: 0 ok · 1 the remote refused · 2 bad input or config · 3 transport or protocol
failure · 4 send outcome unknown. Every failure prints one line to stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.cli_batch import add_parser as add_batch_parser
from app.cli_batch import cmd_qr_batch
from app.cli_labels import add_stocks_parser, cmd_stocks
from app.core.terminal import inert
from app.options import add_common, top_level_parser

if TYPE_CHECKING:
    from app.core.history import History
    from app.core.profiles import Config, Profile
    from app.core.service import Service
    from app.sandbox import Sandbox

log = logging.getLogger("app.cli")

EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_TRANSPORT, EXIT_UNKNOWN = 0, 1, 2, 3, 4


def exit_code(error: BaseException) -> int:
    """The one table from a failure to the exit code (module docstring)."""
    from app.core.errors import (
        BadInput,
        OutcomeUnknown,
        ProtocolError,
        RemoteRefused,
        TransportError,
    )

    table: tuple[tuple[type[BaseException], int], ...] = (
        (RemoteRefused, EXIT_REFUSED),
        (BadInput, EXIT_BAD_INPUT),
        (OutcomeUnknown, EXIT_UNKNOWN),
        (TransportError, EXIT_TRANSPORT),
        (ProtocolError, EXIT_TRANSPORT),
        (OSError, EXIT_BAD_INPUT),
    )
    return next((code for kind, code in table if isinstance(error, kind)), EXIT_TRANSPORT)


def build_parser() -> argparse.ArgumentParser:
    parser = top_level_parser()
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    qr = sub.add_parser("qr", help="generate one recall QR code")
    add_common(qr, suppress=True)
    qr.add_argument("--open-id", required=True, help="the customer's offiAccountOpenId")
    qr.add_argument("--sdk-app-id", help="default: the profile's sdk_app_id")
    qr.add_argument("--offi-account-id", help="default: the profile's offi_account_id")
    qr.add_argument("--call-times", type=int, default=-1, help="-1 = unlimited (default)")
    qr.add_argument("--channel", default="", help="customChannel for video routing")
    qr.add_argument("--out", metavar="FILE", help="save the image here")
    qr.add_argument("--json", action="store_true", help="print JSON")

    tpl = sub.add_parser("templates", help="list the middleware's templates")
    add_common(tpl, suppress=True)
    tpl.add_argument("--json", action="store_true", help="print JSON")

    send = sub.add_parser("send", help="send a template message")
    add_common(send, suppress=True)
    send.add_argument("--template-id", required=True)
    send.add_argument("--to", required=True, metavar="OPENID", help="touser")
    send.add_argument("--data", action="append", default=[], metavar="KEY=VALUE")
    send.add_argument("--color", action="append", default=[], metavar="KEY=#RRGGBB")
    send.add_argument("--url", default="")
    send.add_argument("--mp-appid", default="")
    send.add_argument("--pagepath", default="")
    send.add_argument("--agent-id", default="")
    send.add_argument("--group-id", default="")
    send.add_argument(
        "--client-msg-id",
        default="",
        help="reuse the id of a send whose outcome was unknown (WeChat dedupes)",
    )
    send.add_argument("--dry-run", action="store_true", help="print the body, send nothing")
    send.add_argument("--no-lint", action="store_true", help="send even if lint finds errors")
    send.add_argument("--yes", action="store_true", help="confirm a production send")
    send.add_argument("--json", action="store_true", help="print the middleware's answer")

    add_batch_parser(sub)
    add_stocks_parser(sub)

    check = sub.add_parser("check", help="check a simulation middleware against the contract")
    add_common(check, suppress=True)
    check.add_argument("--send-to", default="", metavar="OPENID", help="also send a real test")
    check.add_argument("--template-id", default="", help="template for the real test send")
    check.add_argument("--yes", action="store_true", help="confirm a production test send")
    check.add_argument(
        "--report", metavar="FILE", help="also write a report for the vendor (.html or .md)"
    )
    check.add_argument("--json", action="store_true")

    sb = sub.add_parser("sandbox", help="serve the built-in sandbox")
    sb.add_argument("--host", default="127.0.0.1")
    sb.add_argument("--port", type=int, default=8765)
    sb.add_argument("--delay", type=float, default=0.0, help="seconds before each answer")
    sb.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS)

    prof = sub.add_parser("profiles", help="list profiles, or store a secret")
    add_common(prof, suppress=True)
    prof_sub = prof.add_subparsers(dest="profiles_command", metavar="ACTION")
    setsecret = prof_sub.add_parser("set-secret", help="read a secret into the keyring")
    add_common(setsecret, suppress=True)
    setsecret.add_argument("name")
    return parser


@dataclass
class Context:
    """What a command runs with: the profile, its secret, the history, maybe a sandbox."""

    profile: Profile
    secret: str
    history: History
    lang: str
    sandbox: Sandbox | None = None

    def service(self) -> Service:
        from app.core.service import Service

        return Service(self.profile, self.secret, history=self.history)

    def close(self) -> None:
        self.history.close()
        if self.sandbox is not None:
            self.sandbox.stop()


def _load_config(args: argparse.Namespace) -> Config:
    from app.core.paths import config_path
    from app.core.profiles import load_config

    return load_config(config_path(args.config))


def _context(args: argparse.Namespace, lang: str, *, need_secret: bool) -> Context:
    from app.core.errors import BadInput
    from app.core.history import History
    from app.core.paths import history_path

    sandbox = None
    if args.demo:
        from app.core.demo import DEMO_SECRET
        from app.sandbox import Sandbox

        sandbox = Sandbox().start()
        profile, secret = sandbox.demo_profile(), DEMO_SECRET
    else:
        from app.core.profiles import SecretStore

        profile = _load_config(args).profile(args.profile)
        secret, _source = SecretStore().get(profile) if need_secret else ("", "none")
        if need_secret and not secret:
            raise BadInput("cli.no_secret", field="secret", profile=profile.name)
    if args.timeout is not None:
        if not 0.1 <= args.timeout <= 300:
            raise BadInput("cli.timeout_range", field="timeout")
        profile = replace(profile, timeout=args.timeout)
    history = History(history_path())
    return Context(profile, secret, history, lang, sandbox)


# --- commands --------------------------------------------------------------------------------


def cmd_qr(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    from app.core.paths import atomic_write
    from app.core.udesk import QrRequest

    request = QrRequest(
        sdk_app_id=args.sdk_app_id if args.sdk_app_id is not None else ctx.profile.sdk_app_id,
        offi_account_id=(
            args.offi_account_id
            if args.offi_account_id is not None
            else ctx.profile.offi_account_id
        ),
        open_id=args.open_id,
        call_times=args.call_times,
        custom_channel=args.channel,
    )
    with ctx.service() as service:
        result = service.generate_qr(request)
    saved = ""
    if args.out and result.image is not None:
        target = Path(args.out)
        atomic_write(target, result.image.data)
        saved = str(target)
    if args.json:
        print(
            json.dumps(
                {"qrCodeUrl": result.qr_code_url, "file": saved or None}, ensure_ascii=False
            ),
            file=out,
        )
    else:
        print(result.qr_code_url, file=out)
        if saved:
            print(("已保存：" if ctx.lang == "zh" else "saved: ") + saved, file=sys.stderr)
    return EXIT_OK


def cmd_templates(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    with ctx.service() as service:
        listing = service.list_templates()
    if args.json:
        rows = [
            {
                "template_id": t.template_id,
                "title": t.title,
                "primary_industry": t.primary_industry,
                "deputy_industry": t.deputy_industry,
                "content": t.content,
                "example": t.example,
                "fields": t.keys,
                "problems": list(t.problems),
            }
            for t in listing.templates
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    if not listing.templates:
        print("（没有模板）" if ctx.lang == "zh" else "(no templates)", file=out)
    for t in listing.templates:
        fields = ",".join(t.keys) or "-"
        flag = " !" + "; ".join(t.problems) if t.problems else ""
        print("\t".join(inert(part) for part in (t.template_id, t.title, fields + flag)), file=out)
    return EXIT_OK


def _pairs(items: Sequence[str], option: str) -> dict[str, str]:
    from app.core.errors import BadInput

    result: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise BadInput("cli.pair", field=option, option=option, item=item)
        result[key.strip()] = value
    return result


def cmd_send(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    from app.core.errors import BadInput
    from app.core.messages import lint_message
    from app.core.middleware import FieldValue, MiniProgram, SendRequest, build_body
    from app.core.templates import has_errors, lint

    values = _pairs(args.data, "--data")
    colors = _pairs(args.color, "--color")
    for key in colors:
        if key not in values:
            values[key] = ""
    extra: dict[str, Any] = {}
    if args.client_msg_id:
        extra["client_msg_id"] = args.client_msg_id
    request = SendRequest(
        touser=args.to,
        template_id=args.template_id,
        data={k: FieldValue(v, colors.get(k, "")) for k, v in values.items()},
        url=args.url,
        miniprogram=MiniProgram(args.mp_appid, args.pagepath, args.agent_id, args.group_id)
        if (args.mp_appid or args.pagepath or args.agent_id or args.group_id)
        else None,
        **extra,
    )
    with ctx.service() as service:
        if not args.no_lint:
            listing = service.list_templates()
            template = next(
                (t for t in listing.templates if t.template_id == args.template_id), None
            )
            if template is None:
                raise BadInput(
                    "cli.send.unknown_template", field="template_id", template_id=args.template_id
                )
            findings = lint(template, values, colors)
            for finding in findings:
                level = finding.level.upper()
                print(f"{level} {finding.key}: {lint_message(finding, ctx.lang)}", file=sys.stderr)
            if has_errors(findings):
                raise BadInput("cli.send.lint_errors", field="data")
        if args.dry_run:
            print(json.dumps(build_body(request), ensure_ascii=False, indent=2), file=out)
            return EXIT_OK
        if ctx.profile.production and not args.yes and not _confirm(ctx, args.to):
            raise BadInput("cli.send.not_confirmed", field="yes")
        result = service.send(request)
    if args.json:
        print(json.dumps(result.raw, ensure_ascii=False), file=out)
    else:
        print(inert(f"errcode 0 ok, msgid {result.msgid}"), file=out)
    return EXIT_OK


def _confirm(ctx: Context, touser: str) -> bool:
    if not sys.stdin.isatty():
        return False
    prompt = (
        f"用生产环境配置 {ctx.profile.name!r}（公众号 {ctx.profile.offi_account_id}）"
        f"向 {touser} 发送？[y/N] "
        if ctx.lang == "zh"
        else f"Send to {touser} with PRODUCTION profile {ctx.profile.name!r} "
        f"(account {ctx.profile.offi_account_id})? [y/N] "
    )
    try:
        return input(prompt).strip().lower() in ("y", "yes", "是")
    except EOFError:
        return False


def cmd_sandbox(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    import threading

    from app.core.demo import DEMO_APP_ID, DEMO_OFFI_ACCOUNT_ID, DEMO_SDK_APP_ID, DEMO_SECRET
    from app.sandbox import Sandbox

    sandbox = Sandbox(args.host, args.port, delay=args.delay).start()
    if sandbox.exposed:
        from app.core.messages import say

        print(say("sandbox.exposed", lang, host=args.host), file=sys.stderr)
    print(f"Recall Desk sandbox on {sandbox.base_url}", file=out)
    print(f"  qr_api_url      = {sandbox.qr_api_url}", file=out)
    print(f"  middleware_url  = {sandbox.middleware_url}", file=out)
    print(f"  app_id          = {DEMO_APP_ID}", file=out)
    print(f"  secret          = {DEMO_SECRET}   (sandbox only)", file=out)
    print(f"  sdk_app_id      = {DEMO_SDK_APP_ID}", file=out)
    print(f"  offi_account_id = {DEMO_OFFI_ACCOUNT_ID}", file=out)
    print("Ctrl+C to stop." if lang != "zh" else "按 Ctrl+C 停止。", file=out, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return EXIT_OK


def cmd_profiles(args: argparse.Namespace, lang: str, out: TextIO) -> int:
    from app.core.errors import BadInput
    from app.core.profiles import SecretStore, save_config

    config = _load_config(args)
    store = SecretStore()
    if getattr(args, "profiles_command", None) == "set-secret":
        profile = config.profile(args.name)
        if sys.stdin.isatty():
            secret = getpass.getpass(f"secret for {profile.name}: ")
        else:
            secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise BadInput("cli.empty_secret", field="secret")
        where = store.set(profile.name, secret)
        if where == "file":
            config.profiles[profile.name] = replace(profile, secret=secret)
            print(
                "没有可用的系统钥匙串：密钥已保存在配置文件中（仅当前用户可读）"
                if lang == "zh"
                else "No OS keyring available: the secret was saved in the config file "
                "(readable by you only)",
                file=sys.stderr,
            )
        else:
            config.profiles[profile.name] = replace(profile, secret="")
        save_config(config)
        print(f"secret stored for {profile.name} ({where})", file=out)
        return EXIT_OK
    if not config.profiles:
        print("（没有配置）" if lang == "zh" else "(no profiles)", file=out)
    for name, profile in sorted(config.profiles.items()):
        _secret, source = store.get(profile)
        marks = []
        if name == config.default_profile:
            marks.append("default")
        if profile.production:
            marks.append("PRODUCTION")
        suffix = f" [{', '.join(marks)}]" if marks else ""
        print(
            f"{name}{suffix}\tqr={profile.qr_api_url or '-'}\tmw={profile.middleware_url or '-'}"
            f"\tsecret={source}",
            file=out,
        )
    return EXIT_OK


def cmd_check(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    from datetime import datetime

    from app.core.check import TestSend, run_checks, verdict
    from app.core.check_report import CheckReport, as_json, result_text, write_report
    from app.core.errors import BadInput
    from app.core.messages import say

    if bool(args.send_to) != bool(args.template_id):
        raise BadInput("cli.check.send_needs_template", field="send_to")
    if not ctx.profile.middleware_url:
        raise BadInput(
            "profile.no_middleware_url", field="middleware_url", profile=ctx.profile.name
        )
    test_send = None
    if args.send_to:
        from app.core.hand_templates import HandTemplates

        by_hand = HandTemplates().find(ctx.profile.name, args.template_id)
        test_send = TestSend(args.send_to, args.template_id, by_hand)
    if test_send and ctx.profile.production and not args.yes and not _confirm(ctx, args.send_to):
        raise BadInput("cli.send.not_confirmed", field="yes")
    when = datetime.now().astimezone()
    with ctx.service() as service:
        results = run_checks(service, test_send=test_send)
    if args.report:
        write_report(Path(args.report), CheckReport(ctx.profile, when, results), ctx.lang)
    if args.json:
        print(json.dumps(as_json(results, ctx.lang), ensure_ascii=False, indent=2), file=out)
    else:
        marks = {"pass": "PASS", "warn": "WARN", "fail": "FAIL", "skip": "skip", "unknown": "????"}
        for r in results:
            text = result_text(r, ctx.lang)
            print(f"{marks[r.status]:4}  {text.title}: {inert(text.seen)}", file=out)
            if text.fix:
                expected, fix = inert(text.expected), inert(text.fix)
                print(f"      {say('check.report.expected', ctx.lang)}: {expected}", file=out)
                print(f"      {say('check.report.fix', ctx.lang)}: {fix}", file=out)
        if args.report:
            print(say("check.report.written", ctx.lang, path=args.report), file=sys.stderr)
    if any(r.status == "unknown" for r in results):
        return EXIT_UNKNOWN
    return EXIT_OK if verdict(results) else EXIT_REFUSED


COMMANDS: dict[str, Callable[[argparse.Namespace, Context, TextIO], int]] = {
    "check": cmd_check,
    "qr": cmd_qr,
    "qr-batch": cmd_qr_batch,
    "templates": cmd_templates,
    "send": cmd_send,
}


def _setup_logging(verbose: bool) -> None:
    root = logging.getLogger()
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
    else:
        root.setLevel(logging.WARNING)
        logging.getLogger("httpx").setLevel(logging.WARNING)


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; returns the exit code."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    for name, default in (
        ("config", None),
        ("profile", None),
        ("timeout", None),
        ("verbose", False),
        ("demo", False),
    ):
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.command is None:
        from app.ui.app import run

        return run(args)
    from app.core.messages import describe, system_language, where

    lang = system_language()
    _setup_logging(args.verbose)
    from app.core.errors import RecallError

    ctx: Context | None = None
    try:
        if args.command == "sandbox":
            return cmd_sandbox(args, lang, out)
        if args.command == "profiles":
            return cmd_profiles(args, lang, out)
        if args.command == "stocks":
            return cmd_stocks(args, lang, out)
        ctx = _context(args, lang, need_secret=args.command in ("qr", "qr-batch"))
        return COMMANDS[args.command](args, ctx, out)
    except RecallError as exc:
        from app.core.errors import BadInput

        line, request = describe(exc, lang), where(exc)
        if request and not isinstance(exc, BadInput):
            line += f" [{request}]"
        print(f"recall-desk: {inert(line)}", file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:
        print("recall-desk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`recall-desk templates | head`): stop quietly, as cat does.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(
            f"recall-desk: {exc.strerror or exc} ({getattr(exc, 'filename', '') or ''})",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    finally:
        if ctx is not None:
            ctx.close()
