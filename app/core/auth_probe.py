"""Which spelling of the timestamp parameter does a QR API accept?

The source document names it ``timestap``; the contract's formula says ``timestamp``. A profile
sends both by default; this probe sends a signed request under each single name and reports
which the server accepted, so the lead can pin the profile to what the server reads.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from app.core.errors import RecallError
from app.core.service import Service
from app.core.signing import TimestampName

if TYPE_CHECKING:
    from app.core.profiles import Profile
    from app.core.udesk import QrRequest

SINGLE_NAMES: tuple[TimestampName, ...] = ("timestamp", "timestap")


def probe_timestamp_names(
    profile: Profile, secret: str, request: QrRequest
) -> dict[TimestampName, RecallError | None]:
    """Ask for a code once per single name; None where the server accepted it.

    Generating a code is harmless to repeat, so the probe may send these extra requests; the
    image is not fetched and nothing is written to the history.
    """
    outcomes: dict[TimestampName, RecallError | None] = {}
    for name in SINGLE_NAMES:
        with Service(replace(profile, timestamp_name=name), secret) as service:
            try:
                service.udesk.generate(request)
            except RecallError as exc:
                outcomes[name] = exc
            else:
                outcomes[name] = None
    return outcomes


def accepted_names(outcomes: dict[TimestampName, RecallError | None]) -> list[TimestampName]:
    return [name for name, error in outcomes.items() if error is None]
