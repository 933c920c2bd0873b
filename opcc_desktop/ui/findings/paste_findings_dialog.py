"""Paste findings…: paste a report's recommendations / AFI section, review what was recognised
(tick the ones to keep), and add them to the inspection's findings. Saved with the inspection.

The same dialog is the review step of File → New inspection from report PDF… (`proposed=`): the findings read
from the PDF are shown ticked, the text they came from in the box above. A finding already on the inspection
(same text, or same kind and reference) is marked "Duplicate" and unticked."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTableView,
    QVBoxLayout, QWidget,
)

from ...domain.dates import format_uk, parse_uk_date
from ...domain.models import Finding
from ...domain.paste_parse import ParsedFinding, parse_findings
from ...domain.vocabulary import DEFAULT_FINDING_STATUS, KIND_LABELS, normalise_kind
from ..common.screen_fit import fit_to_screen

HEADERS = ("Add", "Kind", "Ref", "Level", "Target date", "Addressees", "Finding")
TEXT_COLUMN = 6
DUPLICATE = "Duplicate"
HINT = ("Paste the report's list of recommendations or areas for improvement, then press Find findings "
        "(Ctrl+Enter). Each finding should start on its own line, e.g. “AFI LEVEL 3 #29550 - …”, "
        "“Recommendation 2: …” or “1.0 By March 2021, … should …”. Double-click a cell to correct it.")
Index = QModelIndex | QPersistentModelIndex


class ParsedFindingsModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[ParsedFinding] = []
        self.included: list[bool] = []
        self.duplicate: list[bool] = []
        self.existing: list[Finding] = []

    def set_items(self, items: list[ParsedFinding]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.duplicate = [is_duplicate(item, self.existing) for item in self.items]
        self.included = [not duplicate for duplicate in self.duplicate]
        self.endResetModel()

    def chosen(self) -> list[ParsedFinding]:
        return [item for item, keep in zip(self.items, self.included) if keep]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        # every proposed value can be corrected here (double-click or F2) before the findings are added
        return base | (Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else Qt.ItemFlag.ItemIsEditable)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if index.column() == 0:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self.included[index.row()] else Qt.CheckState.Unchecked
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and self.duplicate[index.row()]:
                return DUPLICATE if role == Qt.ItemDataRole.DisplayRole else "Already on this inspection"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            text = item.text if role == Qt.ItemDataRole.EditRole else " ".join(item.text.split())
            return (KIND_LABELS.get(item.kind, item.kind), item.reference, item.level, format_uk(item.target_date),
                    "; ".join(item.addressees), text)[index.column() - 1]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == TEXT_COLUMN:
            return None  # the full text is shown below the table, never as (rich-text) tooltip
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.column() == 0 and role == Qt.ItemDataRole.CheckStateRole:
            self.included[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index, [role])
            return True
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == 0:
            return False
        item, text = self.items[index.row()], str(value).strip()
        column = index.column()
        if column == 1:
            kind = normalise_kind(text) or next((k for k, label in KIND_LABELS.items()
                                                 if label.casefold() == text.casefold()), None)
            if kind is None:
                return False
            item.kind = kind
        elif column in (2, 3):
            setattr(item, "reference" if column == 2 else "level", text)
        elif column == 4:
            try:
                item.target_date = parse_uk_date(text) if text else None
            except ValueError:
                return False
        elif column == 5:
            item.addressees = tuple(part.strip() for part in text.split(";") if part.strip())
        elif column == TEXT_COLUMN:
            if not text:
                return False
            item.text = text
        self.dataChanged.emit(index, index, [role])
        return True


def _same_text(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split()).rstrip(".")


def is_duplicate(item: ParsedFinding, existing: list[Finding]) -> bool:
    """Already on the inspection: the same words, or the same kind and reference."""
    text = _same_text(item.text)
    return any(_same_text(f.text) == text or (item.reference and f.kind == item.kind and f.reference == item.reference)
               for f in existing)


def to_finding(item: ParsedFinding) -> Finding:
    return Finding(kind=item.kind, text=item.text, reference=item.reference, level=item.level,
                   target_date=item.target_date, addressees=item.addressees, status=DEFAULT_FINDING_STATUS,
                   force_response=item.force_response, pcc_response=item.pcc_response)


class PasteFindingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, existing: list[Finding] | None = None,
                 proposed: list[ParsedFinding] | None = None, source_text: str = "", title: str = "Paste findings",
                 warnings: list[str] | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        fit_to_screen(self, 0.9, 0.9, QSize(780, 560))
        hint = QLabel(HINT)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setAccessibleName("Pasted text")
        self.text_edit.setPlaceholderText("Paste here (Ctrl+V)")
        self.find_button = QPushButton("&Find findings")
        self.find_button.setShortcut("Ctrl+Return")
        self.model = ParsedFindingsModel(self)
        self.model.existing = list(existing or [])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Findings recognised")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setAccessibleName("The selected finding in full")
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.text_edit)
        splitter.addWidget(self.table)
        splitter.addWidget(self.preview)
        splitter.setSizes([220, 200, 90])
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.find_button)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)
        self.find_button.clicked.connect(self.find_findings)
        self.model.dataChanged.connect(lambda *_a: self._update_count())
        self.table.selectionModel().currentRowChanged.connect(lambda current, _p: self._show(current.row()))
        self.warnings = list(warnings or [])
        if proposed is not None:
            hint.setText("Findings read from the report: tick the ones to keep. The text they were read from is "
                         "above; correct it and press Find findings (Ctrl+Enter) to read it again.")
            self.text_edit.setPlainText(source_text)
            self._set_items(proposed)

    def find_findings(self) -> None:
        self.warnings = []
        self._set_items(parse_findings(self.text_edit.toPlainText()))

    def _set_items(self, items: list[ParsedFinding]) -> None:
        self.model.set_items(items)
        if not self.model.items:
            self.status_label.setText("No findings recognised. Each finding should start on its own line with "
                                      "its kind or number, e.g. “AFI LEVEL 3 #29550 - …” or “1.0 By March 2021, …”.")
        self._update_count()
        if self.model.items:
            self.table.selectRow(0)

    def _show(self, row: int) -> None:
        item = self.model.items[row] if 0 <= row < len(self.model.items) else None
        self.preview.setPlainText("" if item is None else item.text + (
            f"\n\nForce response: {item.force_response}" if item.force_response else "") + (
            f"\n\nPCC response: {item.pcc_response}" if item.pcc_response else ""))

    def _update_count(self) -> None:
        count = len(self.model.chosen())
        self.add_button.setText(f"Add {count} finding{'s' if count != 1 else ''}")
        self.add_button.setEnabled(count > 0)
        if self.model.items:
            duplicates = sum(self.model.duplicate)
            note = (f" {duplicates} already on this inspection (marked {DUPLICATE}, unticked)." if duplicates else "")
            self.status_label.setText(" ".join([f"Recognised {len(self.model.items)}; untick any you do not want."
                                                + note, *self.warnings]))

    def findings(self) -> list[Finding]:
        return [to_finding(item) for item in self.model.chosen()]
