"""Every page is usable on a 1366×768 laptop at 100 %, 125 % and 150 % scaling.

At scale s the window gets (1366 / s) × (698 / s) logical pixels (768 less a 40 px taskbar and
a 30 px title bar), which is what Qt lays out under ``QT_SCALE_FACTOR=s``; .ci/run also runs
this file under a real scale factor. On each page: the window is no larger than that (the
layouts' minimum fits); every visible control lies inside the window, or inside a scroll area
that can bring it into view; no control is squeezed below its minimum size (clipped text,
"0.0 mr", "2…"); no combo box's chosen text is cut ("…mm ·", "用户openi"); Templates' value
fields show a typical value whole; siblings in a layout do not overlap; each page's primary
action is on screen. Batch has the sample list open (its column combos then hold headers).
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from app.ui.pages.message_composer import TYPICAL_VALUE, typical_value_width

SCALES = (1.0, 1.25, 1.5)
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QLabel, QAbstractScrollArea)
PRIMARY = {  # page index: object names of the actions that must stay in view
    0: ("qrGenerateButton",),
    1: ("batchOpenButton", "batchStartButton"),
    2: ("templateRefreshButton", "sendButton"),
    3: ("historyRefreshButton",),
    4: ("checkRunButton",),
    5: ("settingsSaveButton", "settingsTestButton", "settingsLanguageCombo"),
}


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) or (
            isinstance(parent.parentWidget(), QAbstractScrollArea)
            and parent is parent.parentWidget().viewport()  # type: ignore[union-attr]
        ):
            return True
        parent = parent.parentWidget()
    return False


def _internal(widget: QWidget) -> bool:
    """Children Qt builds inside its own widgets (a spin box's line edit, a scroll bar, a line
    edit's clear button …)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)) or (
            isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QScrollArea)
        ):
            return True
        parent = parent.parentWidget()
    return False


def combo_text_cut(combo: QComboBox) -> str:
    """Why the combo's current text does not fit its edit field ("" when it does)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width():
        return f"{combo.currentText()!r} needs {needed} px, the combo shows {field.width()}"
    return ""


def geometry_problems(window: QWidget, page: QWidget) -> list[str]:
    problems = []
    frame = QRect(0, 0, window.width(), window.height())
    controls = [
        w
        for kind in CONTROLS
        for w in page.findChildren(kind)
        if w.isVisibleTo(window) and not _internal(w)
    ]
    for widget in controls:
        name = (
            widget.objectName()
            or f"{type(widget).__name__} {getattr(widget, 'text', lambda: '')()!r}"
        )
        top_left = widget.mapTo(window, widget.rect().topLeft())
        rect = QRect(top_left, widget.size())
        if not frame.contains(rect) and not _in_scroll_area(widget):
            problems.append(f"{name} outside the window: {rect} not in {frame}")
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            hint.setWidth(0)  # wraps to any width, but needs the lines that width makes
            hint.setHeight(widget.heightForWidth(widget.width()))
        if isinstance(widget, QAbstractScrollArea):
            hint.setHeight(min(hint.height(), 40))
        if widget.width() + 1 < hint.width() or widget.height() + 1 < hint.height():
            problems.append(f"{name} squeezed: {widget.size()} < minimum {hint}")
        if isinstance(widget, QComboBox) and (cut := combo_text_cut(widget)):
            problems.append(f"{name} elided: {cut}")
        if name.startswith("sendField_") and widget.width() + 1 < typical_value_width(widget):
            problems.append(f"{name} cannot show {TYPICAL_VALUE!r}: {widget.width()} px")
    for parent in {w.parentWidget() for w in controls}:
        if parent is None or parent.layout() is None:
            continue
        siblings = [w for w in controls if w.parentWidget() is parent]
        for i, a in enumerate(siblings):
            for b in siblings[i + 1 :]:
                overlap = a.geometry().intersected(b.geometry())
                if overlap.width() > 1 and overlap.height() > 1:
                    problems.append(f"{a.objectName() or a} overlaps {b.objectName() or b}")
    return problems


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("index", range(6))
def test_each_page_fits_a_laptop(qtbot, demo_window, scale: float, index: int) -> None:
    wanted = (int(1366 / scale), int(698 / scale))
    demo_window.resize(*wanted)
    demo_window.nav.setCurrentRow(index)
    page = demo_window.page(index)
    if index == demo_window.PAGE_BATCH and page.model.rowCount() == 0:
        page.open_sample()
        qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    if index == demo_window.PAGE_TEMPLATES:
        qtbot.waitUntil(lambda: page.findChild(QWidget, "sendField_date1") is not None)
        view = page.browser.list_view  # titles matter: the title column reads one whole
        title = view.model().index(0, 0).data()
        needed = view.fontMetrics().horizontalAdvance(title) + 12
        assert view.columnWidth(0) >= needed, f"{title!r}: {view.columnWidth(0)} < {needed}"
        assert title in view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    # Layout requests are posted events: on a busy machine the page settles over a few passes of
    # the loop, so wait for it to settle (a layout that never fits still fails after 3 s).
    deadline = time.monotonic() + 3
    problems = geometry_problems(demo_window, page)
    while problems and time.monotonic() < deadline:
        qtbot.wait(20)
        problems = geometry_problems(demo_window, page)
    size = (demo_window.width(), demo_window.height())
    assert size[0] <= wanted[0] and size[1] <= wanted[1], f"the window needs {size}, not {wanted}"
    assert not problems, "\n".join(problems)
    room = page.parentWidget().width()  # the page scroll's viewport
    assert page.width() <= room, f"the page scrolls sideways: {page.width()} px in {room}"
    for name in PRIMARY[index]:
        control = page.findChild(QWidget, name)
        assert control is not None and not control.visibleRegion().isEmpty(), name


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("index", range(6))
def test_each_page_fits_a_laptop_in_chinese(
    qtbot, chinese, demo_window, scale: float, index: int
) -> None:
    assert demo_window.nav.button(0).text() == "召回码"  # the window really is in Chinese
    test_each_page_fits_a_laptop(qtbot, demo_window, scale, index)


def test_a_column_header_too_long_for_its_combo_is_whole_in_the_tooltip(
    qtbot, demo_window, tmp_path
) -> None:
    header = "客户在公众号下的 openid（由微信开放平台统一分配，请勿手工修改）"
    path = tmp_path / "list.csv"
    path.write_text(f"{header},渠道\no6_bmjrPTlm6_2sgVt7hMZOPfL2M,门店\n", encoding="utf-8")
    demo_window.nav.setCurrentRow(demo_window.PAGE_BATCH)
    page = demo_window.batch_page
    page.load(str(path))
    combo = page.mapping_combos["open_id"]
    qtbot.waitUntil(lambda: combo.currentText() == header)
    assert header in combo.toolTip()
    assert "渠道" not in page.mapping_combos["channel"].toolTip()  # it fits: no tooltip
    assert combo.width() < demo_window.width() / 3  # a long header does not widen the page


def test_a_header_that_looks_like_markup_is_plain_text_in_the_tooltip(qtbot) -> None:
    from app.ui.widgets import FittingCombo

    combo = FittingCombo(max_chars=4)
    qtbot.addWidget(combo)
    combo.addItem("<img src='/etc/passwd'> openid")
    combo.refit()
    assert "&lt;img" in combo.toolTip() and "<img" not in combo.toolTip()


@pytest.mark.parametrize("size", [(1366, 698), (1092, 558), (1004, 558), (910, 465)])
def test_the_qr_page_never_scrolls_sideways_and_scrolls_its_answer_into_view(
    qtbot, demo_window, size: tuple[int, int]
) -> None:
    """At 100/125/150 % of a 1366×768 laptop, and the default window at 125 % (1004 px)."""
    from tests.gui.conftest import generate

    demo_window.resize(*size)
    page = demo_window.qr_page
    demo_window.nav.setCurrentRow(demo_window.PAGE_QR)
    scroll = page.parentWidget().parentWidget()
    assert isinstance(scroll, QScrollArea)
    qtbot.waitUntil(lambda: 0 < page.width() <= scroll.viewport().width())  # form over result

    scroll.verticalScrollBar().setValue(0)
    page.generate()  # no openId: the message says so, below the form when they are stacked
    qtbot.waitUntil(lambda: not page.message.visibleRegion().isEmpty())
    scroll.verticalScrollBar().setValue(0)
    generate(qtbot, demo_window)
    qtbot.waitUntil(lambda: not page.image_view.visibleRegion().isEmpty())
    assert page.width() <= scroll.viewport().width()
    # With a code shown (its label preview, the message) nothing above it is squeezed.
    qtbot.waitUntil(lambda: not geometry_problems(demo_window, page), timeout=3000)
