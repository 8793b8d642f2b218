"""``recall-desk send``: one template message, linted against the template first."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from app.cli import EXIT_OK, Context, command_parser, tell
from app.core.errors import BadInput
from app.core.messages import lint_message, say
from app.core.middleware import FieldValue, MiniProgram, SendRequest, build_body
from app.core.templates import has_errors, lint
from app.core.terminal import inert

NAME = "send"


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.send", lang)
    p.add_argument("--template-id", required=True, help=say("cli.help.template_id", lang))
    p.add_argument("--to", required=True, metavar="OPENID", help=say("cli.help.to", lang))
    p.add_argument(
        "--data", action="append", default=[], metavar="KEY=VALUE", help=say("cli.help.data", lang)
    )
    p.add_argument(
        "--color",
        action="append",
        default=[],
        metavar="KEY=#RRGGBB",
        help=say("cli.help.color", lang),
    )
    p.add_argument("--url", default="", help=say("cli.help.url", lang))
    p.add_argument("--mp-appid", default="", help=say("cli.help.mp_appid", lang))
    p.add_argument("--pagepath", default="", help=say("cli.help.pagepath", lang))
    p.add_argument("--agent-id", default="", help=say("cli.help.agent_id", lang))
    p.add_argument("--group-id", default="", help=say("cli.help.group_id", lang))
    p.add_argument("--client-msg-id", default="", help=say("cli.help.client_msg_id", lang))
    p.add_argument("--dry-run", action="store_true", help=say("cli.help.dry_run", lang))
    p.add_argument("--no-lint", action="store_true", help=say("cli.help.no_lint", lang))
    p.add_argument("--yes", action="store_true", help=say("cli.help.yes", lang))
    p.add_argument("--json", action="store_true", help=say("cli.help.send_json", lang))


def pairs(items: Sequence[str], option: str) -> dict[str, str]:
    """``KEY=VALUE`` options as a dict; BadInput naming the option for one without ``=``."""
    result: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise BadInput("cli.pair", option=option, item=item)
        result[key.strip()] = value
    return result


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    values = pairs(args.data, "--data")
    colors = pairs(args.color, "--color")
    for key in colors:
        values.setdefault(key, "")
    extra: dict[str, Any] = {}
    if args.client_msg_id:
        extra["client_msg_id"] = args.client_msg_id
    jump = (args.mp_appid, args.pagepath, args.agent_id, args.group_id)
    request = SendRequest(
        touser=args.to,
        template_id=args.template_id,
        data={k: FieldValue(v, colors.get(k, "")) for k, v in values.items()},
        url=args.url,
        miniprogram=MiniProgram(*jump) if any(jump) else None,
        **extra,
    )
    body = build_body(request)  # the request's own checks come before any call
    service = ctx.service()
    if not args.no_lint:
        listing = service.list_templates()
        template = next((t for t in listing.templates if t.template_id == args.template_id), None)
        if template is None:
            raise BadInput(
                "cli.send.unknown_template", field="template_id", template_id=args.template_id
            )
        findings = lint(template, values, colors)
        for finding in findings:
            tell(
                ctx,
                f"cli.lint.{finding.level}",
                key=finding.key,
                message=lint_message(finding, ctx.lang),
            )
        if has_errors(findings):
            raise BadInput("cli.send.lint_errors", field="data")
    if args.dry_run:
        print(json.dumps(body, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    if ctx.profile.production and not args.yes and not confirm(ctx, args.to):
        raise BadInput("cli.send.not_confirmed", field="yes")
    result = service.send(request)
    if args.json:
        print(json.dumps(result.raw, ensure_ascii=False), file=out)
    else:
        tell(ctx, "cli.send.ok", out=out, msgid=inert(str(result.msgid)))
    return EXIT_OK


def confirm(ctx: Context, touser: str) -> bool:
    """Ask on a terminal before a production send; never without one."""
    if not sys.stdin.isatty():
        return False
    profile = ctx.profile
    prompt = say(
        "cli.send.confirm",
        ctx.lang,
        to=touser,
        profile=profile.name,
        account=profile.offi_account_id,
    )
    try:
        answer = input(prompt + " ").strip().lower()
    except EOFError:
        return False
    return answer in ("y", "yes", "是")
