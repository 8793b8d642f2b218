"""Text from servers and files made inert before it reaches a terminal.

A ``message`` could otherwise retitle the terminal, move the cursor, hide what follows or write
the clipboard (OSC 52). :func:`inert` removes escape sequences (CSI, OSC, DCS, SOS, PM, APC and
two-character escapes, in their 7-bit and 8-bit C1 forms), every other C0/C1 control character
and the bidirectional overrides that reorder what is shown.
"""

from __future__ import annotations

import re

_SEQUENCES = re.compile(
    r"""
      (?:\x1b\[|\x9b) [0-?]* [ -/]* [@-~]?                       # CSI ... final byte
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) .*? (?:\x07|\x1b\\|\x9c|\Z)  # OSC/DCS/SOS/PM/APC
    | \x1b [ -/]* [0-~]?                                        # other escapes
    """,
    re.VERBOSE | re.DOTALL,
)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n]")


def inert(text: str, *, one_line: bool = True) -> str:
    """``text`` without escape sequences or control characters.

    With ``one_line`` (the default) tabs and line breaks become spaces, so a server cannot
    start a line of its own in the tool's output; otherwise they are kept.
    """
    text = _CONTROLS.sub("", _SEQUENCES.sub("", text))
    return _LINE_BREAKS.sub(" ", text) if one_line else text
