"""Command-line options shared by the CLI and the GUI entry point.

The GUI parses only the top-level options, so starting the window never imports the CLI.
"""

from __future__ import annotations

import argparse
from typing import Any

from app import __version__

# Any of these on the command line hands it to the CLI; without one the GUI starts.
CLI_WORDS = frozenset(
    {"qr", "qr-batch", "templates", "send", "check", "sandbox", "profiles", "stocks"}
    | {"-h", "--help", "--version"}
)


def add_common(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options every command takes; ``suppress`` keeps a subcommand from resetting them."""
    default: Any = argparse.SUPPRESS if suppress else None
    parser.add_argument(
        "--config",
        metavar="PATH",
        default=default,
        help="config file (default: $RECALL_DESK_CONFIG or the user config dir)",
    )
    parser.add_argument("--profile", metavar="NAME", default=default, help="profile to use")
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=float,
        default=default,
        help="override the profile's timeout",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="log to stderr",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help="use a sandbox started in-process instead of a profile",
    )


def top_level_parser() -> argparse.ArgumentParser:
    """The parser without commands: what the GUI understands."""
    parser = argparse.ArgumentParser(
        prog="recall-desk",
        description="Recall Desk (召回助手): recall QR codes and template-message checks.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="build and show the main window, then exit (packaging check)",
    )
    add_common(parser, suppress=False)
    return parser
