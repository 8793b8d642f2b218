"""What the window's start-up loads: no heavy library, no source text.

Each test starts the GUI in its own interpreter (``--smoke``: show the window, close it) and
reports the modules it imported and the files linecache holds.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import gc, json, linecache, sys
from app.ui.app import main
code = main(["--smoke"])
seen = {"code": code, "modules": sorted(sys.modules), "sources": sorted(linecache.cache)}
import app.ui.pages.batch_page  # a page, and what it imports, loaded later in the session
seen["later_sources"] = sorted(linecache.cache)
seen["collector"] = {"enabled": gc.isenabled(), "frozen": gc.get_freeze_count()}
print(json.dumps(seen))
"""


def start_window() -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    return seen


def test_heavy_libraries_wait_for_first_use() -> None:
    modules = set(start_window()["modules"])
    assert "app.ui.main_window" in modules  # the probe did build the window
    on_first_use = {
        "httpx",
        "PIL",
        "qrcode",
        "openpyxl",
        "app.cli",
        "app.core.sandbox",
        "app.core.http",
        "hashlib",
        "socket",  # the demo's port is reserved with _socket
        "tomllib",
        "logging.handlers",
        "PySide6.QtPrintSupport",
        "PySide6.QtSvg",
    }
    assert not on_first_use & modules


def test_no_source_file_is_read_at_start_up_or_later() -> None:
    """PySide's scan for ``from __feature__`` would read (and linecache keep) every module's
    source, ours and the standard library's: app.ui.app answers it without reading."""
    seen = start_window()
    for sources in (seen["sources"], seen["later_sources"]):
        ours = [path for path in sources if Path(path).is_relative_to(ROOT / "app")]
        stdlib = [path for path in sources if Path(path).name in {"typing.py", "pathlib.py"}]
        assert not ours and not stdlib, sources
    assert "app.ui.pages.batch_page" not in seen["modules"]  # it really was imported later


def test_the_cycle_collector_resumes_once_the_window_shows() -> None:
    """Start-up runs without it; a session must not."""
    collector = start_window()["collector"]
    assert collector["enabled"]
    assert collector["frozen"] > 10_000  # start-up's objects, left out of every later pass


def test_every_window_icon_size_is_rendered() -> None:
    """A missing size would be skipped silently by QIcon.addFile."""
    from app.ui.app import window_icon_sizes
    from app.ui.resources import resource

    for platform in ("linux", "win32", "darwin"):
        for size in window_icon_sizes(platform):
            assert resource("icons", f"recall-desk-{size}.png").is_file(), (platform, size)
    assert max(window_icon_sizes("linux")) <= 128  # X11 copies every size into each window
