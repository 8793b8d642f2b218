"""``python -m app`` and the ``recall-desk`` script: argv is parsed once; a command runs in the
CLI, no command starts the GUI."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from app import cli

    args = cli.parse(argv)
    if args.command is not None:
        return cli.run(args)
    from app.ui.platform_check import explain_import_error, explain_window_problem

    if explain_window_problem():  # before Qt's GUI libraries load: Qt aborts without them
        return 2
    try:
        from app.ui.app import run
    except ImportError as error:  # a library QtGui links that the check does not list
        if explain_import_error(error):
            return 2
        raise

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
