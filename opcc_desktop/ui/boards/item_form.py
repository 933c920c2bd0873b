"""`ItemForm`: the fields of one agenda item, including its notes, resolution and linked records."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...domain.boards import EXEMPT_GROUND_EXAMPLE, PROGRESS_ITEM_TITLE, PURPOSES, AgendaItem
from .attendance_text import lines_to_text, text_to_lines


def _text_box(placeholder: str, height: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMinimumHeight(height)
    box.setTabChangesFocus(True)
    return box


class ItemForm(QWidget):
    """Shows one item; `changed` fires on every edit, and `item()` gives the edited item back."""

    changed = Signal()
    link_requested = Signal()
    unlink_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._item: AgendaItem | None = None
        self._populating = False
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("itemTitle")
        self.title_edit.setPlaceholderText("Title of the item, e.g. HMICFRS PEEL inspection report")
        self.presenter_edit = QLineEdit()
        self.presenter_edit.setPlaceholderText("A report by the Chief Constable")
        self.purpose_combo = QComboBox()
        self.purpose_combo.addItems(PURPOSES)
        self.exempt_check = QCheckBox("E&xempt (public excluded)")
        self.ground_edit = QLineEdit()
        self.ground_edit.setAccessibleName("Exempt ground")
        self.ground_edit.setPlaceholderText(EXEMPT_GROUND_EXAMPLE)
        self.papers_edit = _text_box("One paper per line, e.g. Report of the Chief Constable, pages 12–20", 44)
        self.papers_edit.setMaximumHeight(64)
        self.links_label = QLabel()
        self.links_label.setTextFormat(Qt.TextFormat.PlainText)
        self.links_label.setWordWrap(True)
        self.link_button = QPushButton("Link i&nspection or finding…")
        self.unlink_button = QPushButton("Remove last link")
        self.carried_label = QLabel()
        self.carried_label.setTextFormat(Qt.TextFormat.PlainText)
        self.carried_label.setWordWrap(True)
        self.notes_edit = _text_box("What was said (notes taken during or after the meeting)", 70)
        self.notes_edit.setObjectName("itemNotes")
        self.resolution_edit = _text_box("RESOLVED – that the report be noted", 44)
        self.resolution_edit.setObjectName("itemResolution")
        form = QFormLayout(self)
        form.addRow("&Title", self.title_edit)
        form.addRow("&Presenter", self.presenter_edit)
        purpose_row = QHBoxLayout()
        purpose_row.addWidget(self.purpose_combo)
        purpose_row.addWidget(self.exempt_check)
        purpose_row.addWidget(self.ground_edit, 1)
        form.addRow("Purpose", purpose_row)
        form.addRow("P&apers", self.papers_edit)
        link_row = QHBoxLayout()
        link_row.addWidget(self.links_label, 1)
        link_row.addWidget(self.link_button)
        link_row.addWidget(self.unlink_button)
        form.addRow("Linked", link_row)
        form.addRow("", self.carried_label)
        form.addRow("N&otes", self.notes_edit)
        form.addRow("&Resolution", self.resolution_edit)
        for signal in (
            self.title_edit.textChanged,
            self.presenter_edit.textChanged,
            self.purpose_combo.currentIndexChanged,
            self.exempt_check.toggled,
            self.ground_edit.textChanged,
            self.papers_edit.textChanged,
            self.notes_edit.textChanged,
            self.resolution_edit.textChanged,
        ):
            signal.connect(self._edited)
        self.link_button.clicked.connect(self.link_requested)
        self.unlink_button.clicked.connect(self.unlink_requested)
        self.set_item(None)

    def set_item(self, item: AgendaItem | None, carried_text: str = "") -> None:
        self._populating = True
        try:
            shown = item or AgendaItem(title="")
            self.title_edit.setText(shown.title)
            self.presenter_edit.setText(shown.presenter)
            self.purpose_combo.setCurrentIndex(max(0, self.purpose_combo.findText(shown.purpose)))
            self.exempt_check.setChecked(shown.exempt)
            self.ground_edit.setText(shown.exempt_ground)
            self.papers_edit.setPlainText(lines_to_text(shown.papers))
            self.notes_edit.setPlainText(shown.notes)
            self.resolution_edit.setPlainText(shown.resolution)
        finally:
            self._populating = False
        self._item = item
        self._show_links()
        self.carried_label.setText(carried_text)
        self.carried_label.setVisible(bool(carried_text))
        self.setEnabled(item is not None)

    def _show_links(self) -> None:
        links = self._item.links if self._item else ()
        self.links_label.setText("\n".join(link.label or f"inspection {link.inspection_id}" for link in links) or "—")
        self.unlink_button.setEnabled(bool(links))
        self.ground_edit.setEnabled(self.exempt_check.isChecked())

    def item(self) -> AgendaItem | None:
        return self._item

    def set_links(self, item: AgendaItem) -> None:
        self._item = item
        self._show_links()
        self.changed.emit()

    def _edited(self, *_args) -> None:
        if self._populating or self._item is None:
            return
        self._item = replace(
            self._item,
            title=self.title_edit.text(),
            presenter=self.presenter_edit.text().strip(),
            purpose=self.purpose_combo.currentText(),
            exempt=self.exempt_check.isChecked(),
            exempt_ground=self.ground_edit.text().strip(),
            papers=text_to_lines(self.papers_edit.toPlainText()),
            notes=self.notes_edit.toPlainText(),
            resolution=self.resolution_edit.toPlainText(),
        )
        self.ground_edit.setEnabled(self.exempt_check.isChecked())
        self.changed.emit()

    @staticmethod
    def is_progress_item(item: AgendaItem) -> bool:
        return item.title == PROGRESS_ITEM_TITLE or bool(item.carried_action_ids)
