import subprocess
import sys
from pathlib import Path

import app.core

# Every module of app.core, found on disk so a new one cannot be forgotten, plus the CLI.
CORE_MODULES = [
    f"app.core.{path.stem}"
    for path in sorted(Path(app.core.__file__).parent.glob("*.py"))
    if path.stem != "__init__"
] + ["app.cli"]


def test_core_and_cli_import_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {CORE_MODULES!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
