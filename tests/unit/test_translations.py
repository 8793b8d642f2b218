"""Every tr() string has a finished zh_CN translation, and the committed .qm matches the .ts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import build_translations  # noqa: E402


def test_every_ui_string_has_a_finished_chinese_translation() -> None:
    ts = ROOT / "resources" / "i18n" / "recall_desk_zh_CN.ts"
    assert build_translations.check(ts) == []


def test_committed_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    ts = ROOT / "resources" / "i18n" / "recall_desk_zh_CN.ts"
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [build_translations.tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True
    )
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes()


def test_the_catalogue_translates_at_run_time(qapp) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources" / "i18n" / "recall_desk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "QR codes") == "召回码"
        assert QCoreApplication.translate("QrPage", "Saved to {path}") == "已保存到 {path}"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_catalogue_context_is_one_the_code_asks_for() -> None:
    """``other.tr("…")`` files a string under a context the running code never looks up (the
    string then shows in English); every context must be a class or a translate() context."""
    import ast
    import xml.etree.ElementTree as ET

    asked: set[str] = set()
    for path in (ROOT / "app" / "ui").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                asked.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and (
                    getattr(node.func, "attr", "") == "translate"
                    or getattr(node.func, "id", "")
                    == "QT_TRANSLATE_NOOP"  # Qt's own, looked up by Qt
                )
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                asked.add(str(node.args[0].value))
    tree = ET.parse(ROOT / "resources" / "i18n" / "recall_desk_zh_CN.ts")
    contexts = {name.text or "" for name in tree.getroot().iter("name")}
    assert contexts - asked == set()
