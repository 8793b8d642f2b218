"""The command line: ``recall-desk COMMAND [options]``; without a command the GUI starts.

One parser reads argv once (:func:`parse`); ``app/__main__.py`` hands a command to :func:`run`
and no command to the GUI. Each command is a module of :mod:`app.commands` with
``add_parser(parser, lang)`` and ``run(args, ctx, out)``, named in :data:`COMMANDS` and imported
only when its command is named (the GUI's start imports none). Nothing here imports ``app.ui``.

Exit codes (one table, :func:`exit_code`):

====  ===========================================================================
0     done
1     the remote refused (Udesk ``code`` ≠ 1000, WeChat ``errcode`` ≠ 0), a check failed,
      or some rows of a batch were not done
2     bad input, options or config; a file that cannot be read or written
3     no usable answer: transport failure or an answer that breaks the contract
4     a send whose outcome is unknown: check the phone before sending again
130   interrupted (Ctrl+C)
====  ===========================================================================

Every failure prints one line to stderr in the user's language (``LC_ALL``/``LC_MESSAGES``/
``LANG``), never a traceback; output never fails on the console's encoding.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from app import __version__
from app.core.errors import (
    BadInput,
    OutcomeUnknown,
    ProtocolError,
    RecallError,
    RemoteRefused,
    TransportError,
)
from app.core.messages import describe, detail, say, system_language, where
from app.core.paths import config_path
from app.core.profiles import Config, Profile, load_config
from app.core.terminal import inert
from app.core.workspace import Workspace

if TYPE_CHECKING:
    from app.core.service import Service
    from app.sandbox import Sandbox

log = logging.getLogger("app.cli")

# Each command and its module; its one-line help is the catalogue's cli.help.<name, _ for ->.
COMMANDS = {
    "qr": "app.commands.qr",
    "qr-batch": "app.commands.qr_batch",
    "templates": "app.commands.templates",
    "send": "app.commands.send",
    "check": "app.commands.check",
    "sandbox": "app.commands.sandbox",
    "profiles": "app.commands.profiles",
    "stocks": "app.commands.stocks",
}


def command_module(name: str) -> ModuleType:
    """The module of command ``name``, imported now if it was not."""
    return importlib.import_module(COMMANDS[name])


EXIT_OK, EXIT_REFUSED, EXIT_BAD_INPUT, EXIT_TRANSPORT, EXIT_UNKNOWN = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130


def exit_code(error: BaseException) -> int:
    """The one table from a failure to the exit code (module docstring)."""
    from app.core.history import HistoryUnavailable

    table: tuple[tuple[type[BaseException], int], ...] = (
        (RemoteRefused, EXIT_REFUSED),
        (BadInput, EXIT_BAD_INPUT),
        (OutcomeUnknown, EXIT_UNKNOWN),
        (TransportError, EXIT_TRANSPORT),
        (ProtocolError, EXIT_TRANSPORT),
        (OSError, EXIT_BAD_INPUT),
        (HistoryUnavailable, EXIT_BAD_INPUT),  # a file that cannot be written; nothing sent
        (KeyboardInterrupt, EXIT_INTERRUPTED),
    )
    return next((code for kind, code in table if isinstance(error, kind)), EXIT_TRANSPORT)


# --- the parser ------------------------------------------------------------------------------

# argparse's own error texts, said again in the user's language (the rest passes as it is).
_ARGPARSE_ERRORS = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.args.required"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.args.unrecognized"),
    (re.compile(r"argument (?P<name>\S+): expected one argument"), "cli.args.one_value"),
    (
        re.compile(r"argument (?P<name>\S+): invalid (?P<kind>\w+) value: (?P<value>.+)"),
        "cli.args.invalid_value",
    ),
    (
        re.compile(
            r"argument (?P<name>\S+): invalid choice: (?P<value>.+?)"
            r" \(choose from (?P<choices>.+)\)"
        ),
        "cli.args.invalid_choice",
    ),
    (
        re.compile(r"ambiguous option: (?P<name>\S+) could match (?P<matches>.+)"),
        "cli.args.ambiguous",
    ),
    (re.compile(r"argument (?P<name>\S+): (?P<reason>.+)"), "cli.args.argument"),
)

_KINDS = {"int": "cli.args.kind.int", "float": "cli.args.kind.float"}


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        if prefix is None:
            prefix = say("cli.args.usage", Parser.lang)
        super().add_usage(usage, actions, groups, prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are said in the user's language, under its own usage.

    A subcommand's parser refuses arguments it does not know itself, so ``recall-desk qr --nope``
    shows the usage of ``qr``, not the top level's.
    """

    lang = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False  # our -h, with its help in the user's language
        super().__init__(*args, **kwargs)
        self._positionals.title = say("cli.args.positionals", self.lang)
        self._optionals.title = say("cli.args.options", self.lang)
        self.add_argument("-h", "--help", action="help", help=say("cli.args.help", self.lang))

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {self._said(message)}\n")

    def _said(self, message: str) -> str:
        for pattern, key in _ARGPARSE_ERRORS:
            match = pattern.fullmatch(message)
            if match:
                params = match.groupdict()
                if "kind" in params:
                    params["kind"] = say(
                        _KINDS.get(params["kind"], "cli.args.kind.other"), self.lang
                    )
                return say(key, self.lang, **params)
        return message


class CommandParser(Parser):
    """One command's parser: its options are added by the command's module (``add_parser``) the
    first time it parses or shows its help, so a start that names no command imports none."""

    def __init__(self, *args: Any, command: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.command = command
        self._filled = False

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        if not self._filled:
            self._filled = True
            command_module(self.command).add_parser(self, self.lang)
        return super().parse_known_args(args, namespace)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", Parser)  # a command's actions (stocks save) are plain
        return super().add_subparsers(**kwargs)


def add_common(parser: argparse.ArgumentParser, lang: str, *, suppress: bool) -> None:
    """Options every command takes; ``suppress`` keeps a subcommand from resetting them."""
    default: Any = argparse.SUPPRESS if suppress else None
    flag: Any = argparse.SUPPRESS if suppress else False
    parser.add_argument(
        "--config", metavar="PATH", default=default, help=say("cli.help.config", lang)
    )
    parser.add_argument(
        "--profile", metavar="NAME", default=default, help=say("cli.help.profile", lang)
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=float,
        default=default,
        help=say("cli.help.timeout", lang),
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", default=flag, help=say("cli.help.verbose", lang)
    )
    parser.add_argument(
        "--demo", action="store_true", default=flag, help=say("cli.help.demo", lang)
    )


def command_parser(
    parser: CommandParser, name: str, help_key: str, lang: str, *, common: bool = True
) -> CommandParser:
    """Command ``name``'s own parser, described by ``help_key`` in ``lang``, with the common
    options (a command module's ``add_parser`` starts with this)."""
    parser.description = say(help_key, lang)
    if common:
        add_common(parser, lang, suppress=True)
    return parser


def build_parser(lang: str | None = None) -> Parser:
    """The whole command line: the GUI's options at the top, one subparser per command."""
    lang = lang or system_language()
    Parser.lang = lang
    parser = Parser(prog="recall-desk", description=say("cli.help.description", lang))
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=say("cli.help.version", lang),
    )
    parser.add_argument("--smoke", action="store_true", help=say("cli.help.smoke", lang))
    add_common(parser, lang, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CommandParser)
    for name in COMMANDS:
        sub.add_parser(name, help=say(f"cli.help.{name.replace('-', '_')}", lang), command=name)
    return parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Read the command line once; ``args.command`` is None when the GUI should start."""
    return build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))


# --- what a command runs with ----------------------------------------------------------------


class Context:
    """A command's world: the language, the workspace (config, secrets, history), its profile.

    Built lazily: ``sandbox`` needs none of it, ``profiles`` only the workspace.
    """

    def __init__(self, args: argparse.Namespace, lang: str) -> None:
        self.args = args
        self.lang = lang
        self.sandbox: Sandbox | None = None
        self._workspace: Workspace | None = None
        self._profile: Profile | None = None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            demo = None
            if self.args.demo:
                from app.sandbox import Sandbox

                self.sandbox = Sandbox().start()
                demo = self.sandbox.demo_profile()
                config = Config(path=None)
            else:
                config = load_config(config_path(self.args.config))
            self._workspace = Workspace(config, demo_profile=demo)
        return self._workspace

    @property
    def profile(self) -> Profile:
        """The profile of ``--profile`` (or the default, or the demo), with ``--timeout``."""
        if self._profile is None:
            workspace = self.workspace
            if workspace.demo_profile is not None:
                profile = workspace.demo_profile
            else:
                profile = workspace.config.profile(self.args.profile)
            if self.args.timeout is not None:
                if not 0.1 <= self.args.timeout <= 300:
                    raise BadInput("cli.timeout_range", field="timeout")
                profile = replace(profile, timeout=self.args.timeout)
                if profile.demo:
                    workspace.demo_profile = profile
                else:
                    workspace.config.profiles[profile.name] = profile  # this run only
            self._profile = profile
        return self._profile

    def require_secret(self) -> None:
        """BadInput naming the way to store a secret when the profile has none."""
        profile = self.profile
        if not profile.demo and self.workspace.secret_source(profile.name) == "none":
            raise BadInput("cli.no_secret", field="secret", profile=profile.name)

    def service(self) -> Service:
        service = self.workspace.service(self.profile.name)
        moved = service.history.recovered_to if service.history is not None else None
        if moved is not None:  # a damaged history file was moved aside: say so once
            tell(self, "history.damaged", path=str(moved))
        return service

    def close(self) -> None:
        if self._workspace is not None:
            self._workspace.close()
        if self.sandbox is not None:
            self.sandbox.stop()


# --- output -----------------------------------------------------------------------------------


def tell(ctx: Context, key: str, /, *, out: TextIO | None = None, **params: Any) -> None:
    """Print a catalogue sentence in the user's language (stderr unless ``out`` is given)."""
    print(inert(say(key, ctx.lang, **params), one_line=False), file=out or sys.stderr)


def forgiving_console() -> None:
    """Replace what the console cannot encode (an ASCII pipe, a Windows code page) instead of
    failing with UnicodeEncodeError half-way through the output."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a closed or detached stream: nothing to protect
                pass


def _setup_logging(verbose: bool) -> None:
    root = logging.getLogger()
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(logging.DEBUG)
    else:
        # Not logging's last resort on stderr: a failure is the one sentence run() prints.
        root.addHandler(logging.NullHandler())
        root.setLevel(logging.WARNING)
        logging.getLogger("httpx").setLevel(logging.WARNING)


_COMMON_DEFAULTS = {"config": None, "profile": None, "timeout": None, "verbose": False}


def run(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Run the command of parsed ``args``; returns the exit code."""
    forgiving_console()
    out = out or sys.stdout
    for name, default in {**_COMMON_DEFAULTS, "demo": False}.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    lang = system_language()
    _setup_logging(args.verbose)
    command = command_module(args.command)
    ctx = Context(args, lang)
    try:
        code: int = command.run(args, ctx, out)
        return code
    except BrokenPipeError:
        # The reader went away (`recall-desk templates | head`): stop quietly, as cat does.

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except (RecallError, OSError) as exc:
        line, request = describe(exc, lang), where(exc)
        if request and not isinstance(exc, BadInput):
            line += f" [{request}]"
        print(f"recall-desk: {inert(line)}", file=sys.stderr)
        if args.verbose:  # the library's own text and the request, behind the sentence
            for extra in detail(exc, lang).splitlines():
                print(f"recall-desk:   {inert(extra)}", file=sys.stderr)
        return exit_code(exc)
    except KeyboardInterrupt:
        print(f"recall-desk: {say('cli.interrupted', lang)}", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        ctx.close()


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Parse and run one command (the tests' and scripts' entry; ``python -m app`` routes)."""
    args = parse(argv)
    if args.command is None:
        build_parser().print_usage(sys.stderr)
        return EXIT_BAD_INPUT
    return run(args, out)
