import subprocess
import sys

CORE_MODULES = [
    "app.core.errors",
    "app.core.signing",
    "app.core.http",
    "app.core.images",
    "app.core.udesk",
    "app.core.middleware",
    "app.core.templates",
    "app.core.wechat_errors",
    "app.core.profiles",
    "app.core.history",
    "app.core.sandbox",
    "app.core.service",
    "app.core.messages",
    "app.cli",
]


def test_core_and_cli_import_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {CORE_MODULES!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
