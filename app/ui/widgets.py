"""Small widgets shared by the pages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtGui
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPalette, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QBoxLayout,
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # a mixin's base: mypy sees the widget it is mixed into
    _FormFieldBase = QWidget
else:
    _FormFieldBase = object


class NavigationBar(QFrame):
    """The page list down the window's side: one checkable button per page, one checked.

    Tab reaches the checked page's button and the arrow keys move between pages (Qt does both
    for an exclusive button group).

    Signals:
        currentRowChanged(int): another page's button was checked.
    """

    currentRowChanged = Signal(int)  # noqa: N815 - the QListWidget name callers know

    STYLE = (
        "QFrame#navigation { background: palette(base); border: none; }"
        "QPushButton { border: none; border-radius: 6px; padding: 9px 14px; text-align: left;"
        " font-size: 11pt; color: palette(text); background: transparent; }"
        "QPushButton:hover { background: palette(alternate-base); }"
        "QPushButton:focus { border: 1px solid palette(highlight); }"
        "QPushButton:checked { background: palette(highlight);"
        " color: palette(highlighted-text); }"
    )

    def __init__(self, titles: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setStyleSheet(self.STYLE)
        self._group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.setSpacing(4)
        for row, title in enumerate(titles):
            button = QPushButton(title)
            button.setObjectName(f"navigation{row}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            self._group.addButton(button, row)
            layout.addWidget(button)
        layout.addStretch(1)
        self._group.idToggled.connect(self._toggled)

    def _toggled(self, row: int, checked: bool) -> None:
        if checked:
            self.currentRowChanged.emit(row)

    def count(self) -> int:
        return len(self._group.buttons())

    def currentRow(self) -> int:  # noqa: N802 - the QListWidget name callers know
        return int(self._group.checkedId())

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 - the QListWidget name
        button = self._group.button(row)
        if button is not None:
            button.setChecked(True)

    def button(self, row: int) -> QPushButton:
        return self._group.button(row)  # type: ignore[return-value]


class PageScroll(QScrollArea):
    """Shows a page at the viewport's size, or at the page's minimum where the viewport is
    smaller (a laptop at 150 %): then it scrolls instead of clipping.

    Unlike ``setWidgetResizable``, the page's height-for-width (which a wrapped label brings
    and which follows the preferred, not the minimum, height) is ignored: a page that fits is
    never made taller than the window.
    """

    def __init__(self, page: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here: for the one Qt makes, PySide finds the Python class by trying
        # every widget class in turn, which builds all their enums.
        self.setViewport(QWidget())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(page)
        page.installEventFilter(self)

    def _fit(self) -> None:
        page = self.widget()
        if page is None:
            return
        room = self.viewport().size()
        layout = page.layout()
        stacked = isinstance(layout, TwoColumns) and layout.fit_width(room.width())
        minimum = page.minimumSizeHint().expandedTo(page.minimumSize())
        width = max(room.width(), minimum.width())
        height = max(room.height(), minimum.height())
        if stacked:  # the page scrolls anyway: its wrapped text gets the height it asks for
            height = max(height, page.heightForWidth(width))
        page.resize(width, height)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit()
        return False


class TwoColumns(QBoxLayout):
    """A page's two parts side by side, or the second under the first where the page has less
    room than both need side by side (a 1366×768 laptop at 150 %): the page then scrolls down,
    never sideways. :class:`PageScroll` tells it the room."""

    def __init__(
        self, page: QWidget, first: QWidget, second: QWidget, stretch: tuple[int, int]
    ) -> None:
        super().__init__(QBoxLayout.Direction.LeftToRight, page)
        self._parts = (first, second)
        self.addWidget(first, stretch[0])
        self.addWidget(second, stretch[1])

    def side_by_side_width(self) -> int:
        margins = self.contentsMargins()
        parts = sum(max(w.minimumWidth(), w.minimumSizeHint().width()) for w in self._parts)
        return parts + max(0, self.spacing()) + margins.left() + margins.right()

    def fit_width(self, width: int) -> bool:
        """Side by side when ``width`` takes both, else stacked; True when stacked."""
        wanted = QBoxLayout.Direction.TopToBottom
        if width >= self.side_by_side_width():
            wanted = QBoxLayout.Direction.LeftToRight
        if self.direction() != wanted:
            self.setDirection(wanted)
        return wanted == QBoxLayout.Direction.TopToBottom


class InlineMessage(QFrame):
    """A status line inside a form: info, success, warning or error, with optional details."""

    STYLES = {
        "info": ("#1d4ed8", "#eff6ff"),
        "ok": ("#166534", "#f0fdf4"),
        "warning": ("#92400e", "#fffbeb"),
        "error": ("#991b1b", "#fef2f2"),
    }

    def __init__(self, parent: QWidget | None = None, *, into_view: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("inlineMessage")
        self.level = ""
        self._into_view = into_view  # a warning or error scrolls into view: it must be read
        self._body: tuple[QLabel, QPushButton, QPlainTextEdit] | None = None
        self.hide()

    def _built(self) -> tuple[QLabel, QPushButton, QPlainTextEdit]:
        """The label, Details toggle and details box, made on the first message: most messages
        never appear, and pages build several."""
        if self._body is not None:
            return self._body
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote servers and files
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        toggle = QPushButton(self.tr("Details"))
        toggle.setCheckable(True)
        toggle.setFlat(True)
        toggle.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        details = QPlainTextEdit()
        details.setReadOnly(True)
        details.setMaximumHeight(110)
        details.hide()
        toggle.toggled.connect(details.setVisible)
        toggle_column = QVBoxLayout()
        toggle_column.addWidget(toggle)
        toggle_column.addStretch(1)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(label, 1)
        top.addLayout(toggle_column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addLayout(top)
        layout.addWidget(details)
        self._body = (label, toggle, details)
        return self._body

    def text(self) -> str:
        return self._body[0].text() if self._body is not None else ""

    def details(self) -> str:
        return self._body[2].toPlainText() if self._body is not None else ""

    def show_message(self, level: str, text: str, details: str = "") -> None:
        fg, bg = self.STYLES[level]
        label, toggle, details_box = self._built()
        self.level = level
        me = f"#{self.objectName()}"  # pages rename it; the rule must follow the name
        self.setStyleSheet(
            f"{me} {{ background: {bg}; border: 1px solid {fg}; border-radius: 6px; }}"
            f"{me} QLabel {{ color: {fg}; }}"
        )
        label.setText(text)
        details_box.setPlainText(details)
        toggle.setVisible(bool(details))
        toggle.setChecked(False)
        self.show()
        if self._into_view and level in ("warning", "error"):
            bring_into_view(self)

    def clear(self) -> None:
        self.level = ""
        if self._body is not None:
            self._body[0].clear()
        self.hide()


class CodeView(QWidget):
    """Shows a code image crisply: integer nearest-neighbour scaling for classic QR codes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._crisp = True
        self._placeholder = ""
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.setAutoFillBackground(True)

    def image(self) -> QImage:
        """The image shown; a null image before the first."""
        return self._image

    def set_image(self, image: QImage, *, crisp: bool) -> None:
        self._image = image
        self._crisp = crisp
        self.update()

    def set_placeholder(self, text: str) -> None:
        self._placeholder = text
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, 360)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        if self._image.isNull():
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._placeholder,
            )
            return
        ratio = self.devicePixelRatioF()
        avail_w = (self.width() - 16) * ratio
        avail_h = (self.height() - 16) * ratio
        scale = min(avail_w / self._image.width(), avail_h / self._image.height())
        if self._crisp and scale >= 1:
            scale = float(int(scale))
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not self._crisp)
        w = self._image.width() * scale / ratio
        h = self._image.height() * scale / ratio
        target = QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)
        painter.drawImage(target, self._image)


class _WheelWhenFocused(_FormFieldBase):
    """A field of a form takes the wheel only once it has focus (by click or Tab); before that
    the wheel scrolls the scroll area around it, so a form scrolled with the wheel is not edited
    by the fields passing under the pointer. (Sent on to the scroll bar: Qt does not pass a
    synthesized wheel event on to the parent.)"""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        if self.hasFocus():
            super().wheelEvent(event)
            return
        area = _scroll_area_of(self)
        if area is not None:
            QCoreApplication.sendEvent(area.verticalScrollBar(), event)


def _scroll_area_of(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, QComboBox):
            return parent
        parent = parent.parentWidget()
    return None


def bring_into_view(widget: QWidget) -> None:
    """Scroll the scroll area holding ``widget`` until it shows, once the layout has settled."""

    def scroll() -> None:
        area = _scroll_area_of(widget)
        if isinstance(area, QScrollArea):
            area.ensureWidgetVisible(widget, 0, 0)

    QTimer.singleShot(0, widget, scroll)


class FormComboBox(_WheelWhenFocused, QComboBox):
    """A combo box in a form: the wheel changes it only once it has focus."""


class FormSpinBox(_WheelWhenFocused, QSpinBox):
    """A spin box in a form: the wheel changes it only once it has focus."""


class FormDoubleSpinBox(_WheelWhenFocused, QDoubleSpinBox):
    """A spin box of decimals in a form: the wheel changes it only once it has focus."""


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label for text from outside (servers, files): never rich text, never a link."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` as it is: Qt takes anything tag-like in a tooltip for rich
    text (an errmsg ``<img src=…>`` would load a local file), so it is escaped inside a
    paragraph of our own."""
    import html  # on use: it loads an entity table the first screen never needs

    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""


class FittingCombo(FormComboBox):
    """A combo never narrower than its chosen text (up to ``max_chars`` average characters;
    a longer text is cut and shown whole in the tooltip), so layouts never elide it to "用户openi".
    """

    def __init__(self, max_chars: int = 40) -> None:
        super().__init__()
        self._max_chars = max_chars
        self._own_tooltip = ""
        self.currentIndexChanged.connect(self.refit)

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt API
        self._own_tooltip = text
        self.refit()

    def refit(self, _index: int = 0) -> None:
        """Tooltip and minimum width for the chosen item (call after changing items silently)."""
        text = self.currentText()
        whole = self.itemData(self.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        if not whole and self.fontMetrics().horizontalAdvance(text) > self._text_room():
            whole = text
        tip = "\n".join(t for t in (self._own_tooltip, str(whole or "")) if t)
        # Escaped only when Qt would take it for rich text (a header from a file could).
        super().setToolTip(plain_tooltip(tip) if QtGui.Qt.mightBeRichText(tip) else tip)
        self.updateGeometry()

    def _text_room(self) -> int:
        return self.fontMetrics().averageCharWidth() * self._max_chars

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        hint = super().minimumSizeHint()
        text = min(self.fontMetrics().horizontalAdvance(self.currentText()), self._text_room())
        if not self.itemIcon(self.currentIndex()).isNull():
            text += self.iconSize().width() + 4
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, 1000, hint.height())
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        # The frame, arrow and margins around the edit field, plus the text itself.
        hint.setWidth(max(hint.width(), 1000 - field.width() + text + 1))
        return hint
