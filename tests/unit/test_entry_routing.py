"""`recall-desk` hands a command line to the CLI exactly when it names a command."""

from __future__ import annotations

import argparse

from app.cli import build_parser
from app.options import CLI_WORDS


def test_every_cli_command_routes_to_the_cli() -> None:
    parser = build_parser()
    commands = {
        name
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
        for name in action.choices
    }
    assert commands and commands <= CLI_WORDS
    assert {"-h", "--help", "--version"} <= CLI_WORDS


def test_gui_options_are_not_cli_words() -> None:
    gui_only = {"--smoke", "--demo", "--config", "--profile", "--timeout", "-v", "--verbose"}
    assert gui_only.isdisjoint(CLI_WORDS)
