"""Translator loading and the UI language choice.

The language is the one chosen in Settings, else the system locale. Our strings come from
``resources/i18n/recall_desk_<lang>.qm`` (built from the committed ``.ts`` by
``scripts/build_translations.py``); Qt's own dialogs use the ``qtbase`` catalogue PySide6 ships.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.ui.resources import resource

log = logging.getLogger(__name__)


def resolve_language(choice: str) -> str:
    """``zh_CN`` or ``en`` for a setting value ("" follows the system locale)."""
    if choice in ("en", "zh_CN"):
        return choice
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install_translators(app: QApplication, choice: str = "") -> str:
    """Load the catalogues for the chosen language; returns the language in effect."""
    language = resolve_language(choice)
    QLocale.setDefault(QLocale(language))
    if language == "en":
        return language
    installed = []
    ours = QTranslator(app)
    if ours.load(str(resource("i18n", f"recall_desk_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no compiled translation for %s; showing English", language)
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qt)
        installed.append(qt)
    app.setProperty("recall_desk_translators", installed)  # keep them alive
    return language
