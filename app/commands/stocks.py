"""``recall-desk stocks``: the label stocks (sheets, roll labels, the user's own)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.core.messages import say

if TYPE_CHECKING:
    from app.cli import Context
    from app.core.stocks import Stock

NAME = "stocks"
KIND_KEYS = {"sheet": "stock.kind_sheet", "roll": "stock.kind_roll"}


def add_parser(sub: Any, lang: str) -> None:
    from app.cli import add_common

    help_text = say("cli.help.stocks", lang)
    p = sub.add_parser(NAME, help=help_text, description=help_text)
    add_common(p, lang, suppress=True)
    p.add_argument("--json", action="store_true", help=say("cli.help.json", lang))


def _rows(stocks: Sequence[Stock]) -> Iterator[dict[str, Any]]:
    from app.commands.labels import TYPICAL_MODULES
    from app.core.guard import MIN_CODE_MM
    from app.core.layout import plan_label

    for stock in stocks:
        most = plan_label(stock, MIN_CODE_MM, modules=TYPICAL_MODULES, caption="扫码进入视频",
                          label="王小明").max_code_mm  # fmt: skip
        yield {
            "name": stock.name, "kind": stock.kind, "grid": stock.grid,
            "label_mm": [stock.label_w, stock.label_h], "page_mm": [stock.page_w, stock.page_h],
            "per_page": stock.per_page, "product": stock.product, "custom": stock.custom,
            "max_code_mm": most, "too_small": most < MIN_CODE_MM, "dpi": stock.dpi,
            "size": stock.describe_size(),
        }  # fmt: skip


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    import json

    from app.commands.labels import custom_stocks
    from app.core.stocks import all_stocks

    lang = ctx.lang

    custom_file = Path(args.config).expanduser() if getattr(args, "config", None) else None
    rows = list(_rows(all_stocks(custom_stocks(custom_file))))
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2), file=out)
        return 0
    for row in rows:
        notes = [row["product"]] if row["product"] else []
        if row["custom"]:
            notes.append(say("stock.custom_mark", lang))
        if row["too_small"]:
            notes.append(say("stock.too_small_mark", lang))
        kind = say(KIND_KEYS[row["kind"]], lang)
        note = f"\t{'; '.join(notes)}" if notes else ""
        print(say("stock.list_line", lang, name=row["name"], kind=kind, size=row["size"],
                  most=f"{row['max_code_mm']:.1f}", note=note), file=out)  # fmt: skip
    return 0
