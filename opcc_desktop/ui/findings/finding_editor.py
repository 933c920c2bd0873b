"""`FindingEditor`: the fields of one finding, shown below the findings table."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QTabWidget, QVBoxLayout, QWidget

from ...domain.models import Finding
from ...domain.vocabulary import DEFAULT_FINDING_STATUS, FINDING_KINDS, KIND_LABELS
from ..common.date_field import DateField
from ..common.field_helpers import join_list, set_combo_text, split_list
from .finding_tracking import FindingTrackingFields

TEXT_HEIGHT = 96
RESPONSE_HEIGHT = 84


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A visible label whose mnemonic (the &-letter) moves focus to `buddy`."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def plain_text_box(minimum_height: int, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setMinimumHeight(minimum_height)
    box.setPlaceholderText(placeholder)
    return box


class FindingEditor(QWidget):
    """Edits one `Finding`. `edited` fires on every change; `finding()` collects the current values
    (keeping the record's id and position), or None when nothing is loaded."""

    edited = Signal()

    def __init__(self, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._original: Finding | None = None
        self._loading = False

        self.kind_combo = QComboBox()
        for kind in FINDING_KINDS:
            self.kind_combo.addItem(KIND_LABELS[kind], kind)
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("e.g. 29550 or R3")
        self.level_edit = QLineEdit()
        self.level_edit.setPlaceholderText("e.g. LEVEL 3")
        self.text_edit = plain_text_box(TEXT_HEIGHT, "The finding as worded in the report")
        self.addressees_edit = QLineEdit()
        self.addressees_edit.setPlaceholderText("Separate several with ;")
        self.owner_edit = QLineEdit()
        self.owner_edit.setPlaceholderText("Who leads on it")
        self.target_date_field = DateField(optional=True, today_provider=today_provider)
        self.status_combo = QComboBox()
        self.status_combo.setEditable(True)
        self.status_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.status_combo.setMinimumContentsLength(28)
        self.force_response_edit = plain_text_box(RESPONSE_HEIGHT, "What the force says it has done")
        self.pcc_response_edit = plain_text_box(RESPONSE_HEIGHT, "The Commissioner's view, printed in the appendix")

        self.tracking = FindingTrackingFields(today_provider)
        details = QWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(details, "Finding and responses")
        self.tabs.addTab(self.tracking, "Tracking: RAG, leads, closure")
        self.tabs.setDocumentMode(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.tabs)
        grid = QGridLayout(details)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(3)
        grid.addWidget(buddy_label("Kin&d", self.kind_combo), 0, 0)
        grid.addWidget(buddy_label("Refere&nce", self.reference_edit), 0, 1)
        grid.addWidget(buddy_label("Level", self.level_edit), 0, 2)
        grid.addWidget(self.kind_combo, 1, 0)
        grid.addWidget(self.reference_edit, 1, 1)
        grid.addWidget(self.level_edit, 1, 2)
        grid.addWidget(buddy_label("Te&xt *", self.text_edit), 2, 0, 1, 3)
        grid.addWidget(self.text_edit, 3, 0, 1, 3)
        grid.addWidget(buddy_label("Addre&ssees", self.addressees_edit), 4, 0)
        grid.addWidget(buddy_label("O&wner", self.owner_edit), 4, 1)
        grid.addWidget(self.addressees_edit, 5, 0)
        grid.addWidget(self.owner_edit, 5, 1, 1, 2)
        grid.addWidget(buddy_label("Tar&get date", self.target_date_field.line_edit), 6, 0)
        grid.addWidget(buddy_label("Stat&us", self.status_combo), 6, 1)
        grid.addWidget(self.target_date_field, 7, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.status_combo, 7, 1, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(buddy_label("F&orce response", self.force_response_edit), 8, 0)
        grid.addWidget(buddy_label("Comm&issioner's response", self.pcc_response_edit), 8, 1, 1, 2)
        grid.addWidget(self.force_response_edit, 9, 0)
        grid.addWidget(self.pcc_response_edit, 9, 1, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        order = [
            self.kind_combo, self.reference_edit, self.level_edit, self.text_edit, self.addressees_edit,
            self.owner_edit, self.target_date_field.line_edit, self.status_combo, self.force_response_edit,
            self.pcc_response_edit,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

        for line in (self.reference_edit, self.level_edit, self.addressees_edit, self.owner_edit):
            line.textChanged.connect(self._changed)
        for box in (self.text_edit, self.force_response_edit, self.pcc_response_edit):
            box.textChanged.connect(self._changed)
        self.kind_combo.currentIndexChanged.connect(self._changed)
        self.status_combo.currentTextChanged.connect(self._changed)
        self.target_date_field.changed.connect(self._changed)
        self.tracking.edited.connect(self._changed)

    # Public ------------------------------------------------------------------------------------
    def set_statuses(self, statuses: list[str]) -> None:
        """Refill the status list (from the editable lookup), keeping what is typed."""
        current = self.status_combo.currentText()
        loading, self._loading = self._loading, True
        self.status_combo.clear()
        self.status_combo.addItems(statuses)
        set_combo_text(self.status_combo, current)
        self._loading = loading

    def set_rag_values(self, values: list[str]) -> None:
        self.tracking.set_rag_values(values)

    def set_finding(self, finding: Finding | None) -> None:
        """Show `finding` (None clears and disables the fields)."""
        self._original = finding
        self._loading = True
        try:
            shown = finding or Finding(kind=FINDING_KINDS[0], text="", status="")
            index = self.kind_combo.findData(shown.kind)
            if index < 0:  # a kind this version does not know: show it as stored
                self.kind_combo.addItem(shown.kind, shown.kind)
                index = self.kind_combo.count() - 1
            self.kind_combo.setCurrentIndex(index)
            self.reference_edit.setText(shown.reference)
            self.level_edit.setText(shown.level)
            self.text_edit.setPlainText(shown.text)
            self.addressees_edit.setText(join_list(shown.addressees))
            self.owner_edit.setText(shown.owner)
            self.target_date_field.set_value(shown.target_date)
            set_combo_text(self.status_combo, shown.status)
            self.force_response_edit.setPlainText(shown.force_response)
            self.pcc_response_edit.setPlainText(shown.pcc_response)
            self.tracking.set_finding(shown)
        finally:
            self._loading = False
        self.setEnabled(finding is not None)

    def finding(self) -> Finding | None:
        if self._original is None:
            return None
        return self.tracking.apply_to(replace(
            self._original,
            kind=self.kind_combo.currentData() or self._original.kind,
            reference=self.reference_edit.text().strip(),
            level=self.level_edit.text().strip(),
            text=self.text_edit.toPlainText(),
            addressees=split_list(self.addressees_edit.text()),
            owner=self.owner_edit.text().strip(),
            target_date=self.target_date_field.value(),
            status=self.status_combo.currentText().strip(),
            force_response=self.force_response_edit.toPlainText(),
            pcc_response=self.pcc_response_edit.toPlainText(),
        ))

    def target_date_problem(self) -> str:
        return self.target_date_field.problem()

    def focus_text(self) -> None:
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @staticmethod
    def new_finding(kind: str) -> Finding:
        return Finding(kind=kind, text="", status=DEFAULT_FINDING_STATUS)

    def _changed(self, *_args) -> None:
        if not self._loading and self._original is not None:
            self.edited.emit()
