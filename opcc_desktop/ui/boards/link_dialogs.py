"""Dialogs that point an agenda item at records: link an inspection or finding; approve a finding's closure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.boards import ItemLink
from ...services.office import Office
from ..common.date_field import DateField
from ..common.error_label import ErrorLabel
from ..common.screen_fit import fit_to_screen


def _inspection_label(reference: str, title: str) -> str:
    return f"#{reference} {title}" if reference else title


def _finding_label(reference: str, text: str) -> str:
    short = " ".join(text.split())[:80]
    return f"{reference} {short}" if reference else short


class LinkDialog(QDialog):
    """Choose an inspection and, optionally, one of its findings."""

    def __init__(self, office: Office, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Link an inspection or finding")
        self.office = office
        self.inspection_combo = QComboBox()
        self.inspection_combo.setObjectName("linkInspection")
        for summary in office.inspections.summaries():
            self.inspection_combo.addItem(_inspection_label(summary.reference, summary.title), summary.id)
        self.finding_combo = QComboBox()
        self.finding_combo.setObjectName("linkFinding")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow("&Inspection", self.inspection_combo)
        form.addRow("&Finding", self.finding_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.inspection_combo.currentIndexChanged.connect(self._fill_findings)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._fill_findings()
        fit_to_screen(self, 0.85, 0.6, QSize(620, 120))

    def _fill_findings(self, *_args) -> None:
        self.finding_combo.clear()
        self.finding_combo.addItem("(the whole inspection)", None)
        inspection_id = self.inspection_combo.currentData()
        if inspection_id is None:
            return
        for finding in self.office.inspections.get(inspection_id).findings:
            self.finding_combo.addItem(_finding_label(finding.reference, finding.text), finding.id)

    def link(self) -> ItemLink | None:
        inspection_id = self.inspection_combo.currentData()
        if inspection_id is None:
            return None
        label = self.inspection_combo.currentText()
        if self.finding_combo.currentData() is not None:
            label += f" — finding {self.finding_combo.currentText()}"
        return ItemLink(inspection_id, self.finding_combo.currentData(), label)


class ClosureDialog(QDialog):
    """Approve closing one of the findings linked to the item (or of the inspections linked to it)."""

    def __init__(
        self,
        office: Office,
        links: tuple[ItemLink, ...],
        meeting_date: date,
        today_provider: Callable[[], date],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Approve a finding's closure")
        self.finding_combo = QComboBox()
        self.finding_combo.setObjectName("closureFinding")
        seen: set[int] = set()
        for link in links:
            inspection = office.inspections.get(link.inspection_id)
            for finding in inspection.findings:
                if finding.id in seen or (link.finding_id is not None and finding.id != link.finding_id):
                    continue
                seen.add(finding.id)  # type: ignore[arg-type]
                where = _inspection_label(inspection.reference, inspection.title)[:50]
                label = f"{where} — {_finding_label(finding.reference, finding.text)}"
                self.finding_combo.addItem(label, finding.id)
        self.date_field = DateField(today_provider=today_provider)
        self.date_field.set_value(meeting_date)
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText("e.g. Evidence of implementation seen by the panel")
        self.error_label = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow("&Finding", self.finding_combo)
        form.addRow("&Approved on", self.date_field)
        form.addRow("&Note", self.note_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        fit_to_screen(self, 0.85, 0.6, QSize(640, 160))

    def _accept(self) -> None:
        if self.finding_combo.currentData() is None:
            self.error_label.show_message("Link a finding (or an inspection with findings) to this item first.")
        elif self.date_field.value() is None:
            self.error_label.show_message(self.date_field.problem() or "The date is required.")
        else:
            self.accept()
