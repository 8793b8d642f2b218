"""``recall-desk sandbox``: serve the built-in sandbox until Ctrl+C."""

from __future__ import annotations

import argparse
import threading
from typing import Any, TextIO

from app.cli import EXIT_OK, Context, command_parser, tell
from app.core.demo import DEMO_APP_ID, DEMO_OFFI_ACCOUNT_ID, DEMO_SDK_APP_ID, DEMO_SECRET
from app.core.errors import BadInput
from app.core.messages import os_key, say
from app.sandbox import Sandbox

NAME = "sandbox"


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.sandbox", lang, common=False)
    p.add_argument("--host", default="127.0.0.1", help=say("cli.help.host", lang))
    p.add_argument("--port", type=int, default=8765, help=say("cli.help.port", lang))
    p.add_argument("--delay", type=float, default=0.0, help=say("cli.help.delay", lang))
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help=say("cli.help.verbose", lang),
    )


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    if not 0 <= args.port <= 65535:
        raise BadInput("cli.sandbox.port_range", port=args.port)
    try:
        sandbox = Sandbox(args.host, args.port, delay=args.delay).start()
    except OSError as exc:
        raise BadInput(
            "cli.sandbox.cannot_listen", host=args.host, port=args.port, cause=os_key(exc)
        ) from exc
    lang = ctx.lang
    if sandbox.exposed:
        tell(ctx, "sandbox.exposed", host=args.host)
    print(say("cli.sandbox.serving", lang, url=sandbox.base_url), file=out)
    for name, value in (
        ("qr_api_url", sandbox.qr_api_url),
        ("middleware_url", sandbox.middleware_url),
        ("app_id", DEMO_APP_ID),
        ("secret", f"{DEMO_SECRET}   {say('cli.sandbox.only', lang)}"),
        ("sdk_app_id", DEMO_SDK_APP_ID),
        ("offi_account_id", DEMO_OFFI_ACCOUNT_ID),
    ):
        print(f"  {name:<15} = {value}", file=out)
    print(say("cli.sandbox.stop", lang), file=out, flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        sandbox.stop()
    return EXIT_OK
