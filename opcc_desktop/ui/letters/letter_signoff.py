"""`SignOffDialog`: the signatory approves a letter with their passphrase; their signature is applied."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ...services.letter_desk import Approval
from ...services.office import Office
from ..common.error_label import ErrorLabel
from ..common.screen_fit import largest_size
from ..common.operations import Failed, run_op


class SignOffDialog(QDialog):
    """`approve(signatory_id, passphrase)` is called on OK; a wrong passphrase keeps the dialog open."""

    def __init__(self, office: Office, summary: str, approve: Callable[[int, str], Approval], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Approve and sign")
        self.approval: Approval | None = None
        self._approve = approve
        intro = QLabel(f"{summary}\n\nThe signatory approves this letter with their own passphrase. Their "
                       "signature is then applied and the letter is archived as issued; it cannot be changed "
                       "afterwards (a re-issue becomes a new version).", self)
        intro.setWordWrap(True)
        self.signatory_combo = QComboBox(self)
        for signatory in office.signatories.list():
            label = f"{signatory.name} — {signatory.title}" if signatory.title else signatory.name
            self.signatory_combo.addItem(label, signatory.id)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = ErrorLabel(self)
        form = QFormLayout()
        form.addRow("Signatory", self.signatory_combo)
        form.addRow("Passphrase", self.passphrase_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Sign and issue")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # never smaller than the text
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(600, largest_size(parent).width()))
        self.adjustSize()
        if self.signatory_combo.count() == 0:
            self.error_label.show_message("No signature has been set up. The signatory sets one up under "
                                          "File → Office settings → Signatories.")
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def accept(self) -> None:
        self.error_label.show_message("")
        def wrong(error: Exception) -> bool:
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            self.error_label.show_message(str(error))
            self.adjustSize()  # grow to show the message whole, never clip it
            return True

        approval = run_op(self, "Approve and sign",
                          lambda: self._approve(self.signatory_combo.currentData(), self.passphrase_edit.text()),
                          failure=wrong)
        if isinstance(approval, Failed):
            return
        self.approval = approval
        super().accept()
