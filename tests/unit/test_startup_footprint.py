"""What the window's start-up loads: no heavy library before it is used; the icon it carries.

The probe starts the GUI in its own interpreter (``--smoke``: show the window, close it) and
reports the modules it imported.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.gui  # each test starts the window in a subprocess

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import json, sys
from app.ui.app import main
code = main(["--smoke"])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def run_probe(code: str) -> Any:
    """Run ``code`` in a fresh interpreter; what its last line printed, as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_heavy_libraries_wait_for_first_use() -> None:
    seen = run_probe(PROBE)
    assert seen["code"] == 0
    modules = set(seen["modules"])
    assert "app.ui.main_window" in modules  # the probe did build the window
    assert "app.ui.pages.qr_page" in modules  # and its first page
    on_first_use = {
        "httpx",
        "PIL",
        "qrcode",
        "openpyxl",
        "keyring",
        "app.core.check",  # the commands are parsed (app.cli), not run
        "PySide6.QtPrintSupport",
        "PySide6.QtSvg",
        "app.ui.pages.batch_page",  # pages not shown are not built
        "app.ui.pages.templates_page",
        "app.ui.inspector",
        "app.sandbox",  # the demo sandbox starts after the first frame, which --smoke ends at
        "http.server",
        "app.core.layout",  # the printer picker shows a correction without the label layout
        "app.ui.printing",
        "app.core.templates",  # lint and its patterns: messages names its types only for mypy
        "app.ui.help_dialog",  # F1
        "html.entities",  # plain_tooltip escapes on use
        "tomllib",  # a fresh home has no config or stocks file to parse
    }
    assert not on_first_use & modules
    assert not {name for name in modules if name.startswith("app.commands")}  # on dispatch


def test_every_window_icon_size_is_rendered() -> None:
    """A missing size would be skipped silently by QIcon.addFile."""
    from app.ui.app import window_icon_sizes
    from app.ui.resources import resource

    for platform in ("linux", "win32", "darwin"):
        for size in window_icon_sizes(platform):
            assert resource("icons", f"recall-desk-{size}.png").is_file(), (platform, size)
    assert max(window_icon_sizes("linux")) <= 128  # X11 copies every size into each window


SCAN_PROBE = r"""
import json, linecache
from app.ui.app import main
main(["--smoke"])
import app.ui.pages.batch_page  # a page, and what it imports, loaded later in the session
print(json.dumps(sorted(linecache.cache)))
"""


def test_no_source_file_is_read_for_pysides_feature_scan() -> None:
    """app.ui.pyside_scan answers PySide's ``from __feature__`` lookup without reading (and
    linecache keeping) the source of every module imported after PySide, ours and others'."""
    import PySide6

    from app.ui.pyside_scan import MEASURED_ON

    if tuple(PySide6.__version_info__[:2]) not in MEASURED_ON:
        pytest.skip("another PySide: its own scan runs")
    sources = run_probe(SCAN_PROBE)
    ours = [path for path in sources if Path(path).is_relative_to(ROOT / "app")]
    stdlib = [path for path in sources if Path(path).name in {"typing.py", "pathlib.py"}]
    assert not ours and not stdlib, sources


CLASSES_PROBE = r"""
import json
import PySide6.QtWidgets as widgets
lazy = "QWizard" not in vars(widgets)
from app.ui.app import main
main(["--smoke"])
print(json.dumps({"lazy": lazy, "built": sorted(vars(widgets))}))
"""


def test_no_widget_class_is_found_by_trying_them_all() -> None:
    """PySide builds its widget classes on first use, but finds the class of a widget Qt made
    (a scroll area's own viewport, each child a findChildren walk meets) by trying every widget
    class, which builds them all with their enums (66 enums, 1 MB at start-up). The page's
    scroll area makes its own viewport and no page walks its tree."""
    seen = run_probe(CLASSES_PROBE)
    if not seen["lazy"]:
        pytest.skip("this PySide builds every class at import")
    assert not {"QWizard", "QCalendarWidget", "QMdiArea", "QFileDialog"} & set(seen["built"])
