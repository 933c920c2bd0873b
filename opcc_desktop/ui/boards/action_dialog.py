"""`ActionDialog`: one action on a board's action log, with its dated updates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.board_rules import format_action_number
from ...domain.boards import ACTION_STATUSES, Action, ActionUpdate
from ..common.date_field import DateField
from ..common.error_label import ErrorLabel
from ..common.record_table import configure_record_table
from .board_models import ActionUpdatesModel
from ..common.screen_fit import fit_to_screen


class ActionDialog(QDialog):
    """Edit `action`; `items` are (item id, "7 Collaboration project") choices for where it was born."""

    def __init__(
        self,
        action: Action,
        items: list[tuple[int, str]],
        today_provider: Callable[[], date],
        parent: QWidget | None = None,
        findings: list[tuple[int, str]] | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(f"Action {format_action_number(action.number)}" if action.number else "New action")
        self._action = action
        self._today = today_provider
        self.description_edit = QPlainTextEdit(action.description)
        self.description_edit.setObjectName("actionDescription")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMinimumHeight(60)
        self.owner_edit = QLineEdit(action.owner)
        self.owner_edit.setObjectName("actionOwner")
        self.owner_edit.setPlaceholderText("A person or body, e.g. C: Chief Supt John Taylor; L: Supt D Copely")
        self.due_field = DateField(optional=True, today_provider=today_provider)
        self.due_field.set_value(action.due)
        self.status_combo = QComboBox()
        self.status_combo.addItems(ACTION_STATUSES)
        self.status_combo.setCurrentText(action.status)
        self.item_combo = QComboBox()
        self.item_combo.addItem("(not from an agenda item)", None)
        for item_id, label in items:
            self.item_combo.addItem(label, item_id)
        self.item_combo.setCurrentIndex(max(0, self.item_combo.findData(action.item_id)))
        self.finding_combo = QComboBox()
        self.finding_combo.setObjectName("actionFinding")
        self.finding_combo.addItem("(not about one finding)", None)
        for finding_id, label in findings or []:
            self.finding_combo.addItem(label, finding_id)
        if action.finding_id is not None and self.finding_combo.findData(action.finding_id) < 0:
            self.finding_combo.addItem(f"finding {action.finding_id}", action.finding_id)
        self.finding_combo.setCurrentIndex(max(0, self.finding_combo.findData(action.finding_id)))
        self.updates_model = ActionUpdatesModel(self)
        self.updates_model.set_rows(action.updates)
        self.updates_table = QTableView()
        configure_record_table(self.updates_table, self.updates_model).setStretchLastSection(True)
        self.updates_table.setMinimumHeight(90)
        self.update_date = DateField(today_provider=today_provider)
        self.update_date.set_value(today_provider())
        self.update_text = QLineEdit()
        self.update_text.setObjectName("actionUpdateText")
        self.update_text.setPlaceholderText("What has happened since")
        self.add_update_button = QPushButton("Add &update")
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow("&Action", self.description_edit)
        form.addRow("O&wner", self.owner_edit)
        form.addRow("&Due", self.due_field)
        form.addRow("&Status", self.status_combo)
        form.addRow("&From item", self.item_combo)
        form.addRow("From fi&nding", self.finding_combo)
        updates_label = QLabel("Updates")
        updates_label.setTextFormat(Qt.TextFormat.PlainText)
        new_update = QHBoxLayout()
        new_update.addWidget(self.update_date)
        new_update.addWidget(self.update_text, 1)
        new_update.addWidget(self.add_update_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(updates_label)
        layout.addWidget(self.updates_table, 1)
        layout.addLayout(new_update)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.add_update_button.clicked.connect(self.add_update)
        self.update_text.returnPressed.connect(self.add_update)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        fit_to_screen(self, 0.85, 0.9, QSize(640, 480))

    def add_update(self) -> bool:
        text = self.update_text.text().strip()
        on = self.update_date.value()
        if not text or on is None:
            self.error_label.show_message("An update needs a date and some text.")
            return False
        self.updates_model.set_rows([*self.updates_model.rows, ActionUpdate(on=on, text=text)])
        self.update_text.clear()
        self.error_label.show_message("")
        return True

    def action(self) -> Action:
        return replace(
            self._action,
            description=self.description_edit.toPlainText().strip(),
            owner=self.owner_edit.text().strip(),
            due=self.due_field.value(),
            status=self.status_combo.currentText(),
            item_id=self.item_combo.currentData(),
            finding_id=self.finding_combo.currentData(),
            updates=tuple(self.updates_model.rows),
        )

    def _accept(self) -> None:
        if self.update_text.text().strip() and not self.add_update():
            return
        if not self.description_edit.toPlainText().strip():
            self.error_label.show_message("Describe the action.")
            return
        if self.due_field.problem():
            self.error_label.show_message(f"Due: {self.due_field.problem()}")
            return
        self.accept()
