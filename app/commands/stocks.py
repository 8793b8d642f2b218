"""``recall-desk stocks``: the label stocks (sheets, roll labels, the user's own)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from app.cli import Context, command_parser
from app.commands.labels import TYPICAL_MODULES, custom_stocks
from app.core.errors import BadInput
from app.core.guard import MIN_CODE_MM
from app.core.layout import plan_label
from app.core.messages import say
from app.core.paths import config_path
from app.core.stocks import (
    CustomStocks,
    Stock,
    all_stocks,
    custom_sheet,
    parse_label_size,
    roll_stock,
)

NAME = "stocks"
KIND_KEYS = {"sheet": "stock.kind_sheet", "roll": "stock.kind_roll"}


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.stocks", lang)
    p.add_argument("--json", action="store_true", help=say("cli.help.json", lang))
    actions = p.add_subparsers(dest="action", metavar="ACTION")
    save = actions.add_parser("save", help=say("stock.help.save", lang))
    save.add_argument("name", metavar="NAME")
    save.add_argument("--label", metavar="WxH", help=say("stock.help.label", lang))
    save.add_argument("--sheet", metavar="WxH", help=say("stock.help.sheet", lang))
    save.add_argument("--grid", metavar="COLSxROWS", help=say("stock.help.grid", lang))
    save.add_argument("--margins", metavar="LEFT,TOP", help=say("stock.help.margins", lang))
    save.add_argument("--pitch", metavar="X,Y", help=say("stock.help.pitch", lang))
    save.add_argument("--page", metavar="WxH", default="210x297",
                      help=say("stock.help.page", lang))  # fmt: skip
    remove = actions.add_parser("remove", help=say("stock.help.remove", lang))
    remove.add_argument("name", metavar="NAME")


def _rows(stocks: Sequence[Stock]) -> Iterator[dict[str, Any]]:
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


def _pair(text: str | None, option: str, default: tuple[float, float]) -> tuple[float, float]:
    if text is None:
        return default
    parts = text.replace("，", ",").split(",")
    try:
        x, y = (float(part) for part in parts)
    except ValueError:
        raise BadInput("stock.bad_pair", option=option, text=text, field="stock") from None
    return x, y


def _stock_to_save(args: argparse.Namespace) -> Stock:
    if bool(args.label) == bool(args.sheet):
        raise BadInput("stock.save_what", field="stock")
    if args.label:
        return roll_stock(*parse_label_size(args.label), name=args.name, custom=True)
    if not args.grid:
        raise BadInput("stock.save_grid", field="stock")
    label_w, label_h = parse_label_size(args.sheet)
    cols, rows = (int(n) for n in parse_label_size(args.grid))
    page_w, page_h = parse_label_size(args.page)
    left, top = _pair(args.margins, "--margins", (0.0, 0.0))
    pitch_x, pitch_y = _pair(args.pitch, "--pitch", (0.0, 0.0))
    return custom_sheet(
        args.name, label_w=label_w, label_h=label_h, cols=cols, rows=rows, margin_left=left,
        margin_top=top, pitch_x=pitch_x, pitch_y=pitch_y, page_w=page_w, page_h=page_h,
    )  # fmt: skip


def _save_or_remove(args: argparse.Namespace, store_file: Path, lang: str, out: TextIO) -> int:
    store = CustomStocks.beside(store_file)
    if args.action == "remove":
        if not store.remove(args.name):
            raise BadInput("stock.not_saved", name=args.name, field="stock")
        print(say("stock.removed", lang, name=args.name, path=store.path), file=out)
        return 0
    stock = _stock_to_save(args)
    store.save(stock)
    (row,) = _rows([stock])
    print(say("stock.saved", lang, name=stock.name, size=row["size"], path=store.path,
              most=f"{row['max_code_mm']:.1f}"), file=out)  # fmt: skip
    if row["too_small"]:
        print(say("stock.too_small_mark", lang), file=out)
    return 0


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    lang = ctx.lang

    custom_file = Path(args.config).expanduser() if getattr(args, "config", None) else None
    if getattr(args, "action", None):
        return _save_or_remove(args, custom_file or config_path(), lang, out)
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
    print(say("stock.list_assumes", lang), file=sys.stderr)  # stdout stays the table
    return 0
