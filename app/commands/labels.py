"""Label options of ``qr-batch`` (Qt-free); ``commands/stocks.py`` lists the stocks.

``--stock NAME`` (or ``--layout``, its older name) picks a stock from the catalogue, ``--label
WxH`` a thermal roll label of that size. The options are checked, and the requested code size
judged by the scannability guard, before a single code is requested — even without ``--pdf``:
a code that would not scan stops the batch with exit 2 and nothing written, unless
``--allow-small`` overrides it (recorded in the manifest's ``override`` column).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from app.core.errors import BadInput
from app.core.guard import check_plan
from app.core.label_job import LabelJob, label_name
from app.core.layout import check_placement, plan_label
from app.core.messages import said_together, say
from app.core.paths import config_path
from app.core.stocks import (
    DEFAULT_STOCK,
    CustomStocks,
    Stock,
    find_stock,
    parse_label_size,
    roll_stock,
)
from app.core.terminal import inert

if TYPE_CHECKING:
    from app.core.table_import import BatchRow

DEFAULT_CODE_MM = 50.0
TYPICAL_MODULES = 29  # a classic QR code of a ~60-character URL (version 3)


def add_label_options(parser: argparse.ArgumentParser, lang: str) -> None:
    """``--stock/--layout``, ``--label``, ``--code-mm``, ``--caption``, ``--start-cell``,
    ``--copies``, ``--dpi``, ``--allow-small``."""
    parser.add_argument(
        "--stock", "--layout", dest="stock", metavar="NAME", help=say("cli.help.stock", lang)
    )
    parser.add_argument("--label", metavar="WxH", help=say("cli.help.label", lang))
    parser.add_argument(
        "--code-mm",
        type=float,
        default=None,
        help=say("cli.help.code_mm", lang, default=f"{DEFAULT_CODE_MM:g}"),
    )
    parser.add_argument("--caption", default="", metavar="TEXT", help=say("cli.help.caption", lang))
    parser.add_argument("--start-cell", type=int, default=1, help=say("cli.help.start_cell", lang))
    parser.add_argument("--copies", type=int, default=1, help=say("cli.help.copies", lang))
    parser.add_argument("--dpi", type=int, default=0, help=say("cli.help.dpi", lang))
    parser.add_argument(
        "--allow-small", action="store_true", help=say("cli.help.allow_small", lang)
    )


def label_job(args: argparse.Namespace, lang: str, config_file: Path | None = None) -> LabelJob:
    """Check the label options and judge the code size before anything is requested.

    Raises:
        BadInput: a bad option, or ``guard.refused`` when the code would not scan.
    """
    if args.stock and args.label:
        raise BadInput("stock.options_clash", field="stock")
    if args.label:
        stock = roll_stock(*parse_label_size(args.label))
    else:
        stock = find_stock(args.stock or DEFAULT_STOCK, custom_stocks(config_file))
    typical = {"caption": args.caption, "label": "王小明"}  # module counts come with the codes
    code_mm = args.code_mm
    if code_mm is None:  # a default, not a request: the largest that fits, up to 50 mm
        room = plan_label(stock, DEFAULT_CODE_MM, modules=TYPICAL_MODULES, **typical).max_code_mm
        code_mm = min(DEFAULT_CODE_MM, max(1.0, int(room * 2) / 2))
    if not 1 <= code_mm <= 500:
        raise BadInput("layout.bad_code_size", size=code_mm, field="code_mm")
    if args.dpi and not 72 <= args.dpi <= 4800:
        raise BadInput("layout.bad_dpi", dpi=args.dpi, field="dpi")
    check_placement(stock, args.start_cell, args.copies)
    dpi = args.dpi or stock.dpi
    plan = plan_label(stock, code_mm, **typical)
    verdict = check_plan(plan, dpi=dpi, allow_small=args.allow_small)
    if not verdict.printable:
        raise verdict.refusal(hint="guard.override_hint")
    return LabelJob(
        stock, code_mm, args.caption.strip(), verdict, dpi, args.start_cell, args.copies,
        args.allow_small,
    )  # fmt: skip


def custom_stocks(config_file: Path | None) -> list[Stock]:
    return CustomStocks.beside(config_file or config_path()).load()


def guard_sentence(verdict_findings: Sequence[tuple[str, dict[str, Any]]], lang: str) -> str:
    """The findings as sentences, one after another."""
    return said_together(verdict_findings, lang)


def say_notes(job: LabelJob, lang: str, err: TextIO | None = None) -> None:
    """A warning or the override, on stderr, before the batch runs."""
    err = err or sys.stderr
    findings = [(f.key, f.params) for f in job.verdict.findings]
    if job.verdict.overridden:
        print(say("guard.overridden", lang, reasons=guard_sentence(findings, lang)), file=err)
    elif job.verdict.level == "warn":
        print(guard_sentence(findings, lang), file=err)


def write_batch_labels(
    pdf: Path, job: LabelJob, rows: Sequence[BatchRow], manifest_path: Path, lang: str
) -> int:
    """The labels of the batch's codes, judged and written to ``pdf``; returns the page count
    (0 and no file when the batch produced none). Text cut to fit is said on stderr.

    Raises:
        BadInput: ``guard.refused_items`` (how many, the first): then no PDF is left behind.
    """
    items = job.items(manifest_path, rows)
    pages, cut = job.write_pdf(pdf, items, hint="guard.override_hint")
    if cut:  # printed as the preview shows it, ending in "…": said, not silent
        name = label_name(cut[0])
        print(inert(say("layout.text_cut", lang, count=len(cut), first=name)), file=sys.stderr)
    return pages
