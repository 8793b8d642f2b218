"""Combo boxes and spin boxes in the pages take the wheel only once they have focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox

from app.ui.widgets import FormComboBox, FormDoubleSpinBox, FormSpinBox
from tests.helpers.events import wheel_down


def test_every_field_of_every_page_is_a_form_field(demo_window) -> None:
    """A plain QComboBox or QSpinBox added to a page would change under a passing wheel."""
    plain = []
    for index in range(demo_window.nav.count()):
        page = demo_window.page(index)
        for field in (*page.findChildren(QComboBox), *page.findChildren(QAbstractSpinBox)):
            if not isinstance(field, (FormComboBox, FormSpinBox, FormDoubleSpinBox)):
                plain.append(f"{type(page).__name__}: {type(field).__name__} {field.objectName()}")
    assert plain == []


def test_the_wheel_changes_a_qr_field_only_once_it_has_focus(qtbot, demo_window) -> None:
    form = demo_window.qr_page.form
    spin = form.size_spin
    demo_window.qr_page.setFocus()
    qtbot.waitUntil(lambda: not spin.hasFocus())
    before = spin.value()
    wheel_down(spin)
    assert spin.value() == before
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # click or Tab, not the wheel
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    wheel_down(spin)
    assert spin.value() < before
