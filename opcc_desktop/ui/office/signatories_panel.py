"""`SignatoriesPanel`: who may sign letters. Adding or removing takes effect at once (not on OK)."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from ...domain.letter_records import Signatory
from ...services.office import Office
from ..common.error_dialogs import ask_yes_no, show_info
from ..common.event_bus import EventBus
from ..common.record_table import configure_record_table
from .signatory_dialogs import AddSignatoryDialog, ChangePassphraseDialog, PassphraseDialog
from ..common.table_base import ColumnSpec, RowTableModel
from ..common.operations import Failed, publish, run_op


class SignatoriesModel(RowTableModel[Signatory]):
    def __init__(self, parent=None):
        super().__init__([ColumnSpec("Name", lambda s: s.name), ColumnSpec("Exact title", lambda s: s.title),
                          ColumnSpec("Signs for the commissioner",
                                     lambda s: "Yes (authorised)" if s.authorised_for_commissioner else "")], parent)


class SignatoriesPanel(QWidget):
    def __init__(self, office: Office, bus: EventBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.model = SignatoriesModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Signatories")
        configure_record_table(self.table, self.model).setStretchLastSection(True)
        hint = QLabel("Signatories approve letters with their own passphrase. Their signature image is kept "
                      "encrypted in the office file. Changes here are saved at once.", self)
        hint.setWordWrap(True)
        self.add_button = QPushButton("Set up a signature…", self)
        self.change_button = QPushButton("Change passphrase…", self)
        self.remove_button = QPushButton("Remove…", self)
        self.authority_button = QPushButton("Signs for the commissioner: yes/no…", self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.authority_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.change_button.clicked.connect(self.change_passphrase)
        self.authority_button.clicked.connect(self.toggle_authority)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(self.office.signatories.list())

    def selected(self) -> Signatory | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def add(self) -> None:
        title = self.office.settings.all().get("commissioner_title", "")
        dialog = AddSignatoryDialog(self.office, title, self)
        if dialog.exec() and dialog.changes is not None:
            publish(self.bus, dialog.changes)
            self.refresh()

    def toggle_authority(self) -> bool | None:
        """Mark (or unmark) the selected signatory as authorised to sign on the commissioner's behalf."""
        signatory = self.selected()
        if signatory is None:
            return None
        wanted = not signatory.authorised_for_commissioner
        question = (f"Authorise {signatory.name} to sign letters on the commissioner's behalf?" if wanted else
                    f"Stop {signatory.name} signing letters on the commissioner's behalf?")
        if not ask_yes_no(self, "Signs for the commissioner", question):
            return None
        if isinstance(run_op(self, "Signs for the commissioner",
                             lambda: self.office.signatories.set_authorised(signatory.id, wanted), self.bus), Failed):
            return None
        self.refresh()
        for row in range(self.model.rowCount()):  # keep the same signatory selected
            if self.model.row_at(row).id == signatory.id:
                self.table.selectRow(row)
        return wanted

    def change_passphrase(self) -> None:
        signatory = self.selected()
        if signatory is None:
            return
        dialog = ChangePassphraseDialog(self.office, signatory.id, signatory.name, self)
        if dialog.exec() and dialog.changes is not None:
            publish(self.bus, dialog.changes)
            show_info(self, "Change passphrase", f"The passphrase of {signatory.name} was changed.")

    def remove(self) -> None:
        signatory = self.selected()
        if signatory is None:
            return
        dialog = PassphraseDialog("Remove signature", f"{signatory.name}: enter your passphrase to remove your "
                                  "signature. Letters already issued keep it.", self)
        if not dialog.exec():
            return
        if isinstance(run_op(self, "Remove signature", lambda: self.office.signatories.remove(
                signatory.id, dialog.passphrase()), self.bus), Failed):
            return
        self.refresh()
        show_info(self, "Remove signature", f"The signature of {signatory.name} was removed.")
