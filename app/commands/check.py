"""``recall-desk check``: a simulation middleware against the contract (and a real test send)."""

from __future__ import annotations

import argparse
import json
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from app.cli import EXIT_OK, EXIT_REFUSED, EXIT_UNKNOWN, Context, command_parser, tell
from app.commands.send import confirm
from app.core.check import TestSend, run_checks, verdict
from app.core.check_report import CheckReport, as_json, result_text, write_report
from app.core.errors import BadInput
from app.core.hand_templates import HandTemplates
from app.core.messages import say
from app.core.terminal import inert

NAME = "check"


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.check", lang)
    # --to as in `send`; --send-to is the older spelling, kept working.
    p.add_argument(
        "--to",
        "--send-to",
        dest="send_to",
        default="",
        metavar="OPENID",
        help=say("cli.help.check_to", lang),
    )
    p.add_argument("--template-id", default="", help=say("cli.help.check_template_id", lang))
    p.add_argument("--yes", action="store_true", help=say("cli.help.check_yes", lang))
    p.add_argument("--report", metavar="FILE", help=say("cli.help.check_report", lang))
    p.add_argument("--json", action="store_true", help=say("cli.help.json", lang))


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    if bool(args.send_to) != bool(args.template_id):
        raise BadInput("cli.check.send_needs_template", field="send_to")
    profile = ctx.profile
    if not profile.middleware_url:
        raise BadInput("profile.no_middleware_url", field="middleware_url", profile=profile.name)
    test_send = None
    if args.send_to:
        by_hand = HandTemplates().find(profile.name, args.template_id)
        test_send = TestSend(args.send_to, args.template_id, by_hand)
    if test_send and profile.production and not args.yes and not confirm(ctx, args.send_to):
        raise BadInput("cli.send.not_confirmed", field="yes")
    when = datetime.now().astimezone()
    results = run_checks(ctx.service(), test_send=test_send)
    if args.report:
        write_report(Path(args.report), CheckReport(profile, when, results), ctx.lang)
    if args.json:
        print(json.dumps(as_json(results, ctx.lang), ensure_ascii=False, indent=2), file=out)
    else:
        for r in results:
            text = result_text(r, ctx.lang)
            mark = f"{say(f'cli.check.{r.status}', ctx.lang):4}"
            tell(ctx, "cli.check.line", out=out, mark=mark, title=text.title, seen=inert(text.seen))
            if text.fix:
                for label, value in (("expected", text.expected), ("fix", text.fix)):
                    label_text = say(f"check.report.{label}", ctx.lang)
                    tell(ctx, "cli.check.detail", out=out, label=label_text, text=inert(value))
        if args.report:
            tell(ctx, "check.report.written", path=args.report)
    if any(r.status == "unknown" for r in results):
        return EXIT_UNKNOWN
    return EXIT_OK if verdict(results) else EXIT_REFUSED
