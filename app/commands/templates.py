"""``recall-desk templates``: the middleware's template list."""

from __future__ import annotations

import argparse
import json
from typing import Any, TextIO

from app.cli import EXIT_OK, Context, command_parser, tell
from app.core.messages import problems_text, say
from app.core.terminal import inert

NAME = "templates"


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.templates", lang)
    p.add_argument("--json", action="store_true", help=say("cli.help.json", lang))


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    listing = ctx.service().list_templates()
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
                "problems": [say(p.key, ctx.lang, **dict(p.params)) for p in t.problems],
            }
            for t in listing.templates
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return EXIT_OK
    if not listing.templates:
        tell(ctx, "cli.templates.none", out=out)
    for t in listing.templates:
        fields = ",".join(t.keys) or "-"
        flag = " !" + problems_text(t.problems, ctx.lang) if t.problems else ""
        print("\t".join(inert(part) for part in (t.template_id, t.title, fields + flag)), file=out)
    return EXIT_OK
