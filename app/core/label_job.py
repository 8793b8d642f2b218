"""A batch's labels as one job: the stock, the code size, where to start, the guard's verdict.

The CLI's ``qr-batch --pdf`` and the Batch page both build one, judge its codes and write its
PDF here; each says the outcome in its own way.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.batch import judge_items, label_items, record_override
from app.core.errors import BadInput
from app.core.guard import Verdict, check_plan
from app.core.label_pdf import LabelItem, write_labels_pdf
from app.core.layout import LabelPlan
from app.core.stocks import Stock
from app.core.table_import import BatchRow


class _Refused(Exception):
    """Raised by the PDF writer's check on the first code the guard refuses."""


@dataclass(frozen=True)
class LabelJob:
    """What a batch prints on, and the guard's verdict on a typical code of that size (each
    code is judged again with its own module count as it is printed)."""

    stock: Stock
    code_mm: float
    caption: str
    verdict: Verdict
    dpi: int
    start_cell: int = 1
    copies: int = 1
    allow_small: bool = False

    def override_note(self) -> str:
        """The manifest's ``override`` column for these labels ('' when none was needed)."""
        if not self.verdict.overridden:
            return ""
        return "allow-small: " + ", ".join(f.key for f in self.verdict.findings)

    def record_override(self, manifest_path: Path, rows: Iterable[BatchRow]) -> None:
        """Note the override on the rows' produced manifest lines."""
        note = self.override_note()
        if note and manifest_path.exists():
            record_override(manifest_path, rows, note)

    def items(self, manifest_path: Path, rows: Iterable[BatchRow]) -> Iterator[LabelItem]:
        """The batch's codes in list order, one at a time, as labels with this caption."""
        return label_items(manifest_path, rows, self.caption)

    def judge(self, items: Iterable[LabelItem], *, hint: str = "") -> int:
        """How many codes will print.

        Raises:
            BadInput: the guard's refusal (``guard.refused_items``) naming the first code it
                refuses, followed by ``hint`` when every reason can be overridden.
        """
        count, refused = self._judged(items)
        if refused:
            raise _refusal(refused, hint)
        return count

    def write_pdf(
        self, path: str | os.PathLike[str], items: Iterable[LabelItem], *, hint: str = ""
    ) -> tuple[int, list[LabelItem]]:
        """Write the labels, judging each code as it comes: (pages, the labels whose text was
        cut to fit). No codes: no file and 0 pages.

        Raises:
            BadInput: the guard's refusal, as :meth:`judge` raises it; no file is left.
            OSError: the file could not be written whole (no file is left behind).
        """
        source = iter(items)
        refused: list[tuple[LabelItem, Verdict]] = []
        cut: list[LabelItem] = []

        def check(item: LabelItem, plan: LabelPlan) -> None:
            verdict = check_plan(plan, dpi=self.dpi, allow_small=self.allow_small)
            if not verdict.printable:
                refused.append((item, verdict))
                raise _Refused
            if plan.geometry.text_cut:
                cut.append(item)

        try:
            pages = write_labels_pdf(
                path, self.stock, source, code_mm=self.code_mm,
                start_cell=self.start_cell, copies=self.copies, check=check,
            )  # fmt: skip
        except _Refused:
            _count, rest = self._judged(source)  # the rest too, to say how many are refused
            raise _refusal(refused + rest, hint) from None
        return pages, cut

    def _judged(self, items: Iterable[LabelItem]) -> tuple[int, list[tuple[LabelItem, Verdict]]]:
        return judge_items(
            self.stock, self.code_mm, items, dpi=self.dpi, allow_small=self.allow_small
        )


def label_name(item: LabelItem, most: int = 24) -> str:
    """How a message names a label: its customer name (else its caption), cut to ``most``
    characters: a list's name can be a paragraph."""
    name = item.label or item.caption
    return name if len(name) <= most else name[: most - 1] + "…"


def _refusal(refused: list[tuple[LabelItem, Verdict]], hint: str) -> BadInput:
    item, verdict = refused[0]
    return verdict.refusal(hint=hint, count=len(refused), first=label_name(item))
