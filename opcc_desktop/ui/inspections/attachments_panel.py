"""`AttachmentsPanel` ("Evidence"): files attached to the inspection or one of its findings.

Attach file… (or drop files on the panel) copies them into the data folder; Open uses the system
viewer; Remove… asks first. Attaching to a finding uses the finding selected in the editor.
"""

from __future__ import annotations

from functools import partial

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
    QWidget,
)

from ...domain.attachment_names import risk_of_opening
from ...services.attachments import Attachment
from ...services.changes import Changes
from ...services.office import Office
from ..common.error_dialogs import ask_yes_no, show_error
from ..common.event_bus import EventBus
from ..common.record_table import configure_record_table
from ..common.table_base import ALIGN_RIGHT, ColumnSpec, RowRole, RowTableModel
from ..common.operations import Failed, publish, run_op

SelectedFinding = Callable[[], tuple[int, str] | None]  # (finding id, label) of the editor's selection


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, round(size / 1024))} KB"


class AttachmentsModel(RowTableModel[Attachment]):
    def __init__(self, finding_labels: Callable[[], dict[int, str]], parent=None):
        self._labels = finding_labels
        super().__init__([
            ColumnSpec("File", lambda a: a.original_name),
            ColumnSpec("Attached to", lambda a: self._labels().get(a.finding_id, "finding")
                       if a.finding_id else "the inspection"),
            ColumnSpec("Size", lambda a: size_text(a.size_bytes), align=ALIGN_RIGHT),
            ColumnSpec("Added by", lambda a: a.attached_by),
            ColumnSpec("Added", lambda a: a.attached_at[:16]),
            ColumnSpec("Description", lambda a: a.description),
        ], parent)


class AttachmentsPanel(QGroupBox):
    def __init__(self, office: Office, bus: EventBus, selected_finding: SelectedFinding,
                 finding_labels: Callable[[], dict[int, str]], parent: QWidget | None = None):
        super().__init__("Evidence", parent)
        self.office, self.bus = office, bus
        self.selected_finding = selected_finding
        self._inspection_id: int | None = None
        self.model = AttachmentsModel(finding_labels, self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Evidence files")
        header = configure_record_table(self.table, self.model)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setFixedHeight(140)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.to_finding_check = QCheckBox("Attach to the selected finding", self)
        self.attach_button = QPushButton("Attach file…", self)
        self.open_button = QPushButton("Open", self)
        self.folder_button = QPushButton("Show in folder", self)
        self.remove_button = QPushButton("Remove…", self)
        buttons = QHBoxLayout()  # the check box on its own line: the row fits a small laptop's window
        buttons.addWidget(self.attach_button)
        buttons.addStretch(1)
        for widget in (self.open_button, self.folder_button, self.remove_button):
            buttons.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addWidget(self.to_finding_check)
        layout.addLayout(buttons)
        self.setAcceptDrops(True)
        self.attach_button.clicked.connect(lambda: self.attach_files())
        self.open_button.clicked.connect(self.open_selected)
        self.folder_button.clicked.connect(self.show_in_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        bus.changed.connect(self._on_changes)
        self.set_inspection(None)

    # Showing -------------------------------------------------------------------------------------
    def set_inspection(self, inspection_id: int | None) -> None:
        self._inspection_id = inspection_id
        self.model.set_rows(self.office.attachments.for_inspection(inspection_id) if inspection_id else [])
        if inspection_id is None:
            self.hint.setText("Save the inspection first; then attach reports, letters or e-mails (.pdf, .docx, "
                              ".msg, .eml…). Files are copied into the data folder.")
        else:
            count = self.model.rowCount()
            self.hint.setText(f"{count} file{'s' if count != 1 else ''}. Drop files here or use Attach file…; "
                              "copies are kept in the data folder.")
        self._enable()

    def _enable(self) -> None:
        saved = self._inspection_id is not None
        chosen = self._selected() is not None
        self.attach_button.setEnabled(saved)
        self.to_finding_check.setEnabled(saved)
        for button in (self.open_button, self.folder_button, self.remove_button):
            button.setEnabled(chosen)

    def _selected(self) -> Attachment | None:
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def _on_changes(self, changes: Changes) -> None:
        if self._inspection_id in changes.inspections:
            self.set_inspection(self._inspection_id)

    # Actions -------------------------------------------------------------------------------------
    def attach_files(self, paths: list[Path] | None = None) -> int:
        if self._inspection_id is None:
            return 0
        if paths is None:
            from ..common.file_dialogs import remember_folder, start_folder

            names, _ = QFileDialog.getOpenFileNames(self, "Attach evidence", start_folder(), "All files (*)")
            paths = [Path(n) for n in names]
            if paths:
                remember_folder(paths[0])
        finding = self.selected_finding() if self.to_finding_check.isChecked() else None
        attached, changes = 0, Changes()
        for path in paths:
            made = run_op(self, "Attach evidence", partial(self.office.attachments.attach, path, self._inspection_id,
                                                           finding[0] if finding else None))
            if isinstance(made, Failed):
                continue
            attached += 1
            changes = changes | made[1]
        if attached:
            publish(self.bus, changes)
        return attached

    def open_selected(self) -> bool:
        attachment = self._selected()
        if attachment is None:
            return False
        path = run_op(self, "Open evidence", lambda: self.office.attachments.absolute_path(attachment))
        if isinstance(path, Failed):
            return False
        if not path.is_file():
            show_error(self, "Open evidence", f"The file {attachment.original_name} is missing from the data "
                                              f"folder ({path}). Restore it from a backup of that folder.")
            return False
        risk = risk_of_opening(attachment.original_name) or risk_of_opening(path.name)
        if risk and not ask_yes_no(self, "Open evidence", f"{attachment.original_name} {risk}.\n\nOpen it only if "
                                   "you trust where it came from. Open it now?"):
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def show_in_folder(self) -> bool:
        attachment = self._selected()
        if attachment is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.office.attachments.absolute_path(attachment).parent)))

    def remove_selected(self) -> bool:
        attachment = self._selected()
        if attachment is None or not ask_yes_no(
                self, "Remove evidence", f"Remove {attachment.original_name}?\n\nThe copy is moved to the "
                                         "attachments/removed folder in the data folder."):
            return False
        return not isinstance(run_op(self, "Remove evidence", lambda: self.office.attachments.remove(attachment.id),
                                     self.bus), Failed)

    # Drag and drop -------------------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if self._inspection_id is not None and event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.attach_files(paths)
            event.acceptProposedAction()
