"""``recall-desk profiles``: list the profiles, or ``set-secret NAME`` to store one's secret."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TextIO

from app.cli import EXIT_OK, Context, Parser, add_common, command_parser, tell
from app.core.errors import BadInput
from app.core.messages import say

NAME = "profiles"


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.profiles", lang)
    actions = p.add_subparsers(dest="profiles_command", metavar="ACTION", parser_class=Parser)
    set_secret = actions.add_parser(
        "set-secret",
        help=say("cli.help.set_secret", lang),
        description=say("cli.help.set_secret", lang),
    )
    add_common(set_secret, lang, suppress=True)
    set_secret.add_argument("name", help=say("cli.help.profile_name", lang))


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    workspace = ctx.workspace
    config = workspace.config
    if getattr(args, "profiles_command", None) == "set-secret":
        profile = config.profile(args.name)
        if sys.stdin.isatty():
            secret = getpass.getpass(say("cli.profiles.prompt", ctx.lang, name=profile.name) + " ")
        else:
            secret = sys.stdin.readline().rstrip("\r\n")
        if not secret:
            raise BadInput("cli.empty_secret", field="secret")
        where = workspace.set_secret(profile.name, secret)
        if where == "file":
            tell(ctx, "cli.profiles.no_keyring")
        workspace.save()
        tell(ctx, f"cli.profiles.stored.{where}", out=out, name=profile.name)
        return EXIT_OK
    if not config.profiles:
        tell(ctx, "cli.profiles.none", out=out)
    for name, profile in sorted(config.profiles.items()):
        marks = []
        if name == config.default_profile:
            marks.append(say("cli.profiles.default", ctx.lang))
        if profile.production:
            marks.append(say("cli.profiles.production", ctx.lang))
        suffix = f" [{', '.join(marks)}]" if marks else ""
        source = workspace.secret_source(name)
        print(
            f"{name}{suffix}\tqr={profile.qr_api_url or '-'}\tmw={profile.middleware_url or '-'}"
            f"\tsecret={source}",
            file=out,
        )
    return EXIT_OK
