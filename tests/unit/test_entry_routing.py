"""`recall-desk` parses argv once: a command runs in the CLI, none starts the GUI."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import app
from app import cli

APP = Path(app.__file__).parent


def test_a_command_goes_to_the_cli_and_none_to_the_gui() -> None:
    assert cli.parse(["templates", "--demo"]).command == "templates"
    gui = cli.parse(["--demo", "--smoke", "--profile", "p"])
    assert gui.command is None and gui.smoke and gui.demo and gui.profile == "p"
    # the GUI's options after a command still belong to the command
    assert cli.parse(["qr", "--open-id", "o", "--demo"]).demo


def test_every_command_module_is_registered_once() -> None:
    modules = list(cli.COMMANDS.values())
    assert sorted(modules) == sorted(set(modules))
    assert all(cli.command_module(name).NAME == name for name in cli.COMMANDS)
    commands_on_disk = {
        p.stem
        for p in (APP / "commands").glob("*.py")
        if "\nNAME = " in p.read_text(encoding="utf-8")
    }
    assert {module.rsplit(".", 1)[1] for module in modules} == commands_on_disk


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_nothing_under_the_cli_imports_the_gui() -> None:
    # Lazy imports too: an `import app.ui…` inside a function is found as well.
    files = [APP / "cli.py", *sorted((APP / "commands").glob("*.py"))]
    found = {
        (f.name, name)
        for f in files
        for name in _imports(f)
        if name.split(".")[:2] == ["app", "ui"]
    }
    assert found == set()


def test_the_cli_runs_where_pyside6_cannot_be_imported(tmp_path: Path) -> None:
    blocker = tmp_path / "PySide6"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('no Qt here')\n")
    done = subprocess.run(
        [sys.executable, "-m", "app", "templates", "--demo"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**_env(), "PYTHONPATH": f"{tmp_path}:{APP.parent}"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "visit" in done.stdout or "\t" in done.stdout


def _env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


@pytest.mark.parametrize("argv", [["--version"], ["qr", "--help"]])
def test_version_and_help_exit_zero(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.parse(argv)
    assert stopped.value.code == 0
    assert capsys.readouterr().out
