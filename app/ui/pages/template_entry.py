"""Enter a template the middleware's list does not have: its id, title and keys."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.errors import BadInput
from app.core.hand_templates import make_template
from app.core.templates import KEYWORD_TYPES, Template, keyword_type
from app.ui.errors import describe
from app.ui.widgets import FormComboBox, InlineMessage

INFER = "__infer__"
FREE = ""


class TemplateEntryDialog(QDialog):
    """The form for one hand-entered template.

    Signals:
        entered(object): the Template the user confirmed.
    """

    entered = Signal(object)

    def __init__(self, parent: QWidget | None = None, template: Template | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEntryDialog")
        self.setWindowTitle(self.tr("Enter a template by hand"))
        intro = QLabel(
            self.tr(
                "For a template the middleware's list does not show (a category template, or "
                "one with empty content): enter its ID and its keys as in {{key.DATA}}. The "
                "keyword type comes from the key's name (thing1 → thing) unless you pick one; "
                "“free” is a field without a type rule."
            )
        )
        intro.setWordWrap(True)
        self.id_edit = QLineEdit(template.template_id if template else "")
        self.id_edit.setObjectName("entryTemplateIdEdit")
        self.id_edit.setAccessibleName(self.tr("Template ID"))
        self.title_edit = QLineEdit(template.title if template else "")
        self.title_edit.setObjectName("entryTitleEdit")
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("Optional: as shown in WeChat"))
        head = QFormLayout()
        head.addRow(self.tr("Template ID"), self.id_edit)
        head.addRow(self.tr("Title"), self.title_edit)
        self._rows: list[tuple[QLineEdit, QLineEdit, QComboBox]] = []
        self.keys_grid = QGridLayout()
        for column, title in enumerate((self.tr("Key"), self.tr("Label"), self.tr("Type"))):
            self.keys_grid.addWidget(QLabel(title), 0, column)
        add = QPushButton(self.tr("Add a key"))
        add.setObjectName("entryAddKeyButton")
        add.clicked.connect(lambda: self.add_key())
        self.message = InlineMessage()
        self.message.setObjectName("entryMessage")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        # The dialog grows with its keys instead of squeezing them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addLayout(head)
        layout.addLayout(self.keys_grid)
        layout.addWidget(add)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for f in template.fields if template else ():
            self.add_key(f.key, f.label, f.kind or FREE)
        if not self._rows:
            self.add_key()
        self.resize(560, self.sizeHint().height())

    def add_key(self, key: str = "", label: str = "", kind: str | None = None) -> None:
        """Add a row; ``kind`` None infers the type from the key, ``""`` is a free field."""
        row = len(self._rows) + 1
        key_edit = QLineEdit(key)
        key_edit.setObjectName(f"entryKey{row}")
        key_edit.setPlaceholderText("thing1")
        label_edit = QLineEdit(label)
        label_edit.setObjectName(f"entryLabel{row}")
        label_edit.setPlaceholderText(self.tr("e.g. 服务内容"))
        combo = FormComboBox()
        combo.setObjectName(f"entryKind{row}")
        combo.addItem("", INFER)
        combo.addItem(self.tr("free (no type rule)"), FREE)
        for name in KEYWORD_TYPES:
            combo.addItem(name, name)
        if kind is not None:
            combo.setCurrentIndex(max(0, combo.findData(kind)))
        key_edit.textChanged.connect(lambda _t, c=combo, e=key_edit: self._show_inferred(c, e))
        self._show_inferred(combo, key_edit)
        for widget in (key_edit, label_edit, combo):  # a row is never squeezed below its text
            widget.setMinimumHeight(widget.sizeHint().height())
        self.keys_grid.addWidget(key_edit, row, 0)
        self.keys_grid.addWidget(label_edit, row, 1)
        self.keys_grid.addWidget(combo, row, 2)
        self._rows.append((key_edit, label_edit, combo))

    def _show_inferred(self, combo: QComboBox, key_edit: QLineEdit) -> None:
        inferred = keyword_type(key_edit.text().strip())
        combo.setItemText(
            0,
            self.tr("from the key: {kind}").format(kind=inferred)
            if inferred
            else self.tr("from the key: free"),
        )

    def template(self) -> Template:
        """What the form says, as a template.

        Raises:
            BadInput: the form cannot make one (no id, a bad or repeated key).
        """
        fields = []
        for key_edit, label_edit, combo in self._rows:
            if not key_edit.text().strip() and not label_edit.text().strip():
                continue  # an empty row
            data = combo.currentData()
            fields.append((key_edit.text(), label_edit.text(), None if data == INFER else data))
        return make_template(self.id_edit.text(), self.title_edit.text(), fields)

    def accept(self) -> None:
        try:
            template = self.template()
        except BadInput as exc:
            self.message.show_message("error", describe(exc)[0])
            return
        self.entered.emit(template)
        super().accept()
