"""A printer's measured error, applied to a label's millimetres (its own module: the printer
picker on the first screen shows it without loading the label layout)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.stocks import Rect


@dataclass(frozen=True)
class Correction:
    """A printer's measured error: positions scaled about the page origin, then offset (mm)."""

    offset_x: float = 0.0
    offset_y: float = 0.0
    scale: float = 1.0

    def rect(self, r: Rect) -> Rect:
        s = self.scale
        return Rect(r.x * s + self.offset_x, r.y * s + self.offset_y, r.w * s, r.h * s)

    def length(self, mm: float) -> float:
        return mm * self.scale


NO_CORRECTION = Correction()
