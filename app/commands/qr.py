"""``recall-desk qr``: one recall QR code (its URL, and the image with ``--out``)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from app.cli import EXIT_OK, Context, command_parser, tell
from app.core.image_files import image_format_of, write_image
from app.core.messages import say
from app.core.udesk import QrRequest

NAME = "qr"


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.qr", lang)
    p.add_argument("--open-id", required=True, help=say("cli.help.open_id", lang))
    p.add_argument("--sdk-app-id", help=say("cli.help.sdk_app_id", lang))
    p.add_argument("--offi-account-id", help=say("cli.help.offi_account_id", lang))
    p.add_argument("--call-times", type=int, default=-1, help=say("cli.help.call_times", lang))
    p.add_argument("--channel", default="", help=say("cli.help.channel", lang))
    p.add_argument("--out", metavar="FILE", help=say("cli.help.qr_out", lang))
    p.add_argument("--json", action="store_true", help=say("cli.help.json", lang))


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    target = Path(args.out) if args.out else None
    if target is not None:
        image_format_of(target)  # a suffix we cannot write is refused before anything is asked
    profile = ctx.profile
    ctx.require_secret()
    request = QrRequest(
        sdk_app_id=args.sdk_app_id if args.sdk_app_id is not None else profile.sdk_app_id,
        offi_account_id=(
            args.offi_account_id if args.offi_account_id is not None else profile.offi_account_id
        ),
        open_id=args.open_id,
        call_times=args.call_times,
        custom_channel=args.channel,
    )
    result = ctx.service().generate_qr(request)
    saved = ""
    if target is not None and result.image is not None:
        saved = write_image(target, result.image)
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
            tell(ctx, "cli.qr.saved", path=saved)
    problem = result.not_recorded
    if problem is not None:  # the code is good; the user should know history lacks it
        why = say("history.qr_unrecorded", ctx.lang, cause=problem.key, **problem.params)
        tell(ctx, "cli.warning", text=why)
    return EXIT_OK
