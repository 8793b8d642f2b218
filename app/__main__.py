"""``python -m app`` and the ``recall-desk`` script: a command runs the CLI, none starts the GUI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app.options import CLI_WORDS

    args = list(sys.argv[1:] if argv is None else argv)
    if CLI_WORDS.isdisjoint(args):
        # The GUI parses its few options itself: the window never waits for the CLI's imports.
        from app.ui.platform_check import explain_window_problem

        if explain_window_problem():  # before Qt's GUI libraries load: Qt aborts without them
            return 2
        from app.ui.app import main as gui_main

        return gui_main(args)
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
