"""The scannability guard: will this code, printed this size on this printer, scan?

A code is **refused** when it would print below 20 mm, or with fewer than 4 printer dots per
module at the printer's resolution (a 203 dpi thermal printer has 8 dots per mm: a 33-module
code needs 33 × 4 / 8 = 16.5 mm for that alone), or when it does not fit its label at all. It is
**warned** about below 30 mm (a phone at arm's length struggles). The module count is known for
classic QR codes (:func:`app.core.layout.prepare_code` counts it) and unknown for WeChat sun
codes, whose dots are then not checked.

A refusal for size can be overridden deliberately (``allow_small``: the CLI's ``--allow-small``,
the GUI's checkbox); the verdict records it (:meth:`Verdict.manifest_fields`). A code that does
not fit its label cannot be overridden: nothing is ever shrunk to make it fit.

The GUI and the CLI make sentences from :attr:`Verdict.findings` with the catalogue
(``messages.say(finding.key, lang, **finding.params)``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from app.core.errors import BadInput

if TYPE_CHECKING:
    from app.core.layout import LabelPlan

MIN_CODE_MM = 20.0
WARN_CODE_MM = 30.0
MIN_DOTS_PER_MODULE = 4.0
MM_PER_INCH = 25.4

Level = Literal["ok", "warn", "refuse"]


@dataclass(frozen=True)
class GuardFinding:
    """One reason, as a catalogue key and its parameters (numbers already rounded)."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    overridable: bool = True


@dataclass(frozen=True)
class Verdict:
    """The guard's answer for one code size (and module count) at one printer resolution.

    ``level`` is the worst finding; ``printable`` is False only for a refusal that was not (or
    cannot be) overridden. ``smallest_ok_mm`` is the least size that passes every check (None
    when that is more than the label takes, see ``max_code_mm``).
    """

    level: Level
    code_mm: float
    dpi: int
    modules: int | None
    findings: tuple[GuardFinding, ...]
    overridden: bool
    smallest_ok_mm: float
    max_code_mm: float | None = None

    @property
    def module_mm(self) -> float | None:
        return self.code_mm / self.modules if self.modules else None

    @property
    def dots_per_module(self) -> float | None:
        module = self.module_mm
        return module * self.dpi / MM_PER_INCH if module is not None else None

    @property
    def printable(self) -> bool:
        if self.level != "refuse":
            return True
        return self.overridden and all(f.overridable for f in self.findings)

    def refusal(self, *, hint: str = "", **items: Any) -> BadInput:
        """This refusal as one error: its reasons stay catalogue keys, said where it is shown
        (``guard.refused``, or ``guard.refused_items`` with ``items``: ``count`` and ``first``).
        ``hint`` follows them when every finding can be overridden."""
        reasons: list[list[Any]] = [[f.key, dict(f.params)] for f in self.findings]
        if hint and all(f.overridable for f in self.findings):
            reasons.append([hint, {}])
        key = "guard.refused_items" if items else "guard.refused"
        return BadInput(key, reasons=reasons, field="code_mm", **items)

    def manifest_fields(self) -> dict[str, str]:
        """What a manifest row records: the verdict, the override, the measured sizes."""
        dots = self.dots_per_module
        return {
            "guard": self.level,
            "guard_override": "yes" if self.overridden and self.level == "refuse" else "",
            "code_mm": f"{self.code_mm:.1f}",
            "module_mm": f"{self.module_mm:.2f}" if self.module_mm is not None else "",
            "dots_per_module": f"{dots:.1f}" if dots is not None else "",
            "dpi": str(self.dpi),
        }


def min_mm_for_dots(modules: int, dpi: int) -> float:
    """The least code size that gives every module 4 printer dots at ``dpi``."""
    return modules * MIN_DOTS_PER_MODULE * MM_PER_INCH / dpi


def _up(mm: float) -> float:
    """Rounded up to 0.1 mm (what is said as "at least")."""
    return math.ceil(mm * 10 - 1e-6) / 10


def check_code(
    code_mm: float,
    *,
    dpi: int,
    modules: int | None = None,
    allow_small: bool = False,
    max_code_mm: float | None = None,
) -> Verdict:
    """Judge a code of ``code_mm`` (and ``modules``, when known) printed at ``dpi``.

    ``max_code_mm`` is what the label takes (from a plan); a code above it does not fit.
    """
    findings: list[GuardFinding] = []
    need = MIN_CODE_MM
    if modules:
        need = max(need, min_mm_for_dots(modules, dpi))
    smallest_ok = _up(need)
    room = round(max_code_mm, 1) if max_code_mm is not None else None
    if room is not None and room < smallest_ok:
        findings.append(
            GuardFinding("guard.stock_too_small", {"most": room, "least": smallest_ok}, False)
        )
    if room is not None and code_mm > max_code_mm + 1e-9:  # type: ignore[operator]
        findings.append(
            GuardFinding("guard.does_not_fit", {"size": round(code_mm, 1), "most": room}, False)
        )
    if code_mm < MIN_CODE_MM:
        findings.append(
            GuardFinding("guard.too_small", {"size": round(code_mm, 1), "least": MIN_CODE_MM})
        )
    if modules:
        dots = code_mm / modules * dpi / MM_PER_INCH
        if dots < MIN_DOTS_PER_MODULE:
            findings.append(
                GuardFinding(
                    "guard.too_few_dots",
                    {
                        "size": round(code_mm, 1),
                        "modules": modules,
                        "dots": round(dots, 1),
                        "dpi": dpi,
                        "least": _up(min_mm_for_dots(modules, dpi)),
                    },
                )
            )
    if findings and findings[0].key == "guard.stock_too_small":
        findings = findings[:1]  # no size on this label scans: the rest follows from it
    level: Level = "refuse" if findings else "ok"
    if not findings and code_mm < WARN_CODE_MM:
        level = "warn"
        findings.append(
            GuardFinding("guard.small", {"size": round(code_mm, 1), "advised": WARN_CODE_MM})
        )
    return Verdict(
        level,
        code_mm,
        dpi,
        modules,
        tuple(findings),
        overridden=allow_small and level == "refuse",
        smallest_ok_mm=smallest_ok,
        max_code_mm=max_code_mm,
    )


def check_plan(plan: LabelPlan, *, dpi: int | None = None, allow_small: bool = False) -> Verdict:
    """Judge a planned label: its code size, its module count, and whether it fits its label.

    ``dpi`` defaults to the stock's (203 for roll labels, 300 for sheets).
    """
    dpi = dpi or plan.stock.dpi
    quick = check_code(plan.code_mm, dpi=dpi, modules=plan.modules, allow_small=allow_small)
    if plan.fits and quick.level != "refuse":
        return quick  # the label's room only matters to a refusal (what would fit instead)
    return check_code(
        plan.code_mm,
        dpi=dpi,
        modules=plan.modules,
        allow_small=allow_small,
        max_code_mm=plan.max_code_mm,
    )
