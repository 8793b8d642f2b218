"""``recall-desk qr-batch``: a CSV/XLSX list → one code file per row, a manifest, a label PDF.

Exit 0 when every row is done, 1 when some failed or were not sent (each is listed on stderr),
2 for an unreadable list, bad options or a manifest/PDF that could not be written whole, 130
on Ctrl+C (the manifest is rewritten consistent first; the rows in flight stay "not sent").
``--map FIELD=HEADER`` names a column the import cannot guess.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from app.cli import EXIT_OK, EXIT_REFUSED, Context, command_parser
from app.commands.labels import (
    add_label_options,
    label_job,
    say_notes,
    write_batch_labels,
)
from app.core.batch import BatchRun, Progress, RowResult, check_settings
from app.core.errors import BadInput
from app.core.label_pdf import check_destination
from app.core.messages import say
from app.core.table_import import build_rows, guess_mapping, read_table
from app.core.terminal import inert

NAME = "qr-batch"

MAP_FIELDS = {
    "openid": "open_id",
    "channel": "channel",
    "calltimes": "call_times",
    "caption": "caption",
}


def add_parser(sub: Any, lang: str) -> None:
    p = command_parser(sub, NAME, "cli.help.qr_batch", lang)
    p.add_argument("--input", required=True, metavar="FILE", help=say("cli.help.input", lang))
    p.add_argument("--out-dir", required=True, metavar="DIR", help=say("cli.help.out_dir", lang))
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=say("cli.help.map", lang, fields=", ".join(MAP_FIELDS)),
    )
    p.add_argument("--pdf", metavar="FILE", help=say("cli.help.pdf", lang))
    p.add_argument("--concurrency", type=int, default=4, help=say("cli.help.concurrency", lang))
    p.add_argument("--rate", type=float, default=0.0, help=say("cli.help.rate", lang))
    add_label_options(p, lang)
    p.add_argument("--sdk-app-id", help=say("cli.help.sdk_app_id", lang))
    p.add_argument("--offi-account-id", help=say("cli.help.offi_account_id", lang))
    p.add_argument("--json", action="store_true", help=say("cli.help.json", lang))


def _mapping(items: list[str], headers: list[str]) -> dict[str, int] | None:
    """The guessed mapping with ``--map FIELD=HEADER`` applied (None: nothing given)."""
    if not items:
        return None
    mapping = guess_mapping(headers)
    for item in items:
        name, _, header = item.partition("=")
        field = MAP_FIELDS.get(name.strip().lower())
        if field is None or not header:
            raise BadInput("batch.cli.map_syntax", item=item, fields=", ".join(MAP_FIELDS))
        columns = [i for i, h in enumerate(headers) if h.strip() == header.strip()]
        if not columns:
            raise BadInput("batch.cli.map_header", header=header, headers=", ".join(headers[:12]))
        mapping = {k: v for k, v in mapping.items() if v != columns[0]}
        mapping[field] = columns[0]
    return mapping


def run(args: argparse.Namespace, ctx: Context, out: TextIO) -> int:
    lang = ctx.lang
    profile = ctx.profile
    ctx.require_secret()
    check_settings(args.concurrency, args.rate)
    table = read_table(Path(args.input))
    rows = build_rows(table, _mapping(args.map, table.headers))
    job = label_job(args, lang, Path(args.config) if args.config else None)
    if args.pdf:
        check_destination(args.pdf)  # before a single code is asked for, as the guard is
    say_notes(job, lang)  # checked even without --pdf: said before the batch, not after
    out_dir = Path(args.out_dir)
    tty = sys.stderr.isatty()

    def progress(state: Progress, _result: RowResult | None) -> None:
        if tty:
            left = state.remaining()
            eta = say("batch.cli.eta", lang, seconds=round(left)) if left is not None else ""
            line = say(
                "batch.cli.progress",
                lang,
                finished=state.finished,
                total=state.total,
                done=state.done,
                failed=state.failed,
                not_sent=state.not_sent,
                eta=eta,
            )
            print(f"\r{line}   ", end="", file=sys.stderr, flush=True)

    service = ctx.service()
    batch = BatchRun(
        rows,
        service.generate_qr,
        out_dir,
        sdk_app_id=args.sdk_app_id or profile.sdk_app_id,
        offi_account_id=args.offi_account_id or profile.offi_account_id,
        concurrency=args.concurrency,
        rate=args.rate,
        on_progress=progress,
        lang=lang,
    )
    try:
        summary = batch.run()
    finally:
        if tty:
            print(file=sys.stderr)
    job.record_override(summary.manifest, rows)
    pages = 0
    if args.pdf:
        pages = write_batch_labels(Path(args.pdf), job, rows, summary.manifest, lang)
    for failure in summary.failures:
        row = say(
            "batch.cli.row",
            lang,
            line=failure.row.line,
            open_id=failure.row.open_id or "-",
            reason=failure.error_text(lang),
        )
        print(inert(row), file=sys.stderr)  # the openId and the reason come from the list
    if summary.unrecorded:  # the codes are good; the user should know history lacks them
        print(say("cli.warning", lang, text=summary.unrecorded_text(lang)), file=sys.stderr)
    if args.json:
        fields = ("total", "done", "ok", "skipped", "failed", "not_sent")
        report = {name: getattr(summary, name) for name in fields}
        report.update(manifest=str(summary.manifest), pdf=args.pdf, pages=pages)
        print(json.dumps(report, ensure_ascii=False), file=out)
    else:
        text = say(
            "batch.cli.summary",
            lang,
            done=summary.done,
            total=summary.total,
            folder=out_dir,
            skipped=summary.skipped,
            failed=summary.failed,
            not_sent=summary.not_sent,
            manifest=summary.manifest,
        )
        if pages:
            text += say("batch.cli.pdf", lang, pdf=args.pdf, pages=pages)
        print(text, file=out)
    return EXIT_OK if summary.done == summary.total else EXIT_REFUSED
