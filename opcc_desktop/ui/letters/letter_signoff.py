"""`SignOffDialog`: the readiness check, then the signatory approves with their passphrase.

Anything blocking is listed and signing is refused. Warnings are listed too; signing then needs
"Sign anyway" ticked and a reason, which is recorded in the audit trail. The check is the same one the
command line runs (`LetterDesk.readiness`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ...domain.letter_readiness import Readiness
from ...services.letter_desk import Approval
from ...services.office import Office
from ..common.error_label import ErrorLabel
from ..common.operations import Failed, run_op
from ..common.screen_fit import largest_size


def readiness_text(readiness: Readiness) -> str:
    lines = []
    if readiness.blocking:
        lines.append("This cannot be signed yet:")
        lines += [f"• {item}" for item in readiness.blocking]
    if readiness.warnings:
        lines.append("Check before signing:" if not readiness.blocking else "Also:")
        lines += [f"• {item}" for item in readiness.warnings]
    return "\n".join(lines) or "Ready to sign: nothing is missing."


class SignOffDialog(QDialog):
    """`approve(signatory_id, passphrase, reason)` is called on OK; a wrong passphrase keeps the dialog open."""

    def __init__(self, office: Office, summary: str, approve: Callable[[int, str, str], Approval],
                 readiness_for: Callable[[int | None], Readiness], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Approve and sign")
        self.approval: Approval | None = None
        self._approve = approve
        self._readiness_for = readiness_for
        self.readiness = Readiness((), ())
        intro = QLabel(f"{summary}\n\nThe signatory approves this letter with their own passphrase. Their "
                       "signature is then applied and the letter is archived as issued; it cannot be changed "
                       "afterwards (a re-issue becomes a new version).", self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.readiness_label = QLabel(self)
        self.readiness_label.setTextFormat(Qt.TextFormat.PlainText)
        self.readiness_label.setWordWrap(True)
        self.readiness_label.setObjectName("readiness")
        self.anyway_check = QCheckBox("Sign anyway", self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText("Why it is right to sign despite the points above (kept in the audit trail)")
        self.signatory_combo = QComboBox(self)
        for signatory in office.signatories.list():
            label = f"{signatory.name} — {signatory.title}" if signatory.title else signatory.name
            self.signatory_combo.addItem(label, signatory.id)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = ErrorLabel(self)
        self._form = form = QFormLayout()
        form.addRow("Signatory", self.signatory_combo)
        form.addRow("", self.anyway_check)
        form.addRow("Reason", self.reason_edit)
        form.addRow("Passphrase", self.passphrase_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Sign and issue")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)  # never smaller than the text
        layout.addWidget(intro)
        layout.addWidget(self.readiness_label)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min(640, largest_size(parent).width()))
        self.signatory_combo.currentIndexChanged.connect(self._check)
        self.anyway_check.toggled.connect(self._update_ok)
        self.reason_edit.textChanged.connect(self._update_ok)
        self._check()
        self.adjustSize()
        if self.signatory_combo.count() == 0:
            self.error_label.show_message("No signature has been set up. The signatory sets one up under "
                                          "File → Office settings → Signatories.")
            self.ok_button.setEnabled(False)

    def _check(self) -> None:
        def blocked(error: Exception) -> bool:  # told as what blocks signing
            self.readiness = Readiness((str(error),), ())
            return True

        found = run_op(self, "Readiness", lambda: self._readiness_for(self.signatory_combo.currentData()),
                       failure=blocked)
        if not isinstance(found, Failed):
            self.readiness = found
        self.readiness_label.setText(readiness_text(self.readiness))
        warned = bool(self.readiness.warnings) and self.readiness.ready
        self._form.setRowVisible(self.anyway_check, warned)
        self._form.setRowVisible(self.reason_edit, warned)
        self._update_ok()

    def _update_ok(self) -> None:
        allowed = self.readiness.ready and self.signatory_combo.count() > 0
        if self.readiness.warnings:
            allowed = allowed and self.anyway_check.isChecked() and bool(self.reason_edit.text().strip())
        self.ok_button.setEnabled(allowed)
        self.reason_edit.setEnabled(self.anyway_check.isChecked())

    def accept(self) -> None:
        self.error_label.show_message("")
        reason = self.reason_edit.text().strip() if self.anyway_check.isChecked() else ""

        def wrong(error: Exception) -> bool:
            self.passphrase_edit.clear()
            self.passphrase_edit.setFocus()
            self.error_label.show_message(str(error))
            self.adjustSize()  # grow to show the message whole, never clip it
            return True

        approval = run_op(self, "Approve and sign",
                          lambda: self._approve(self.signatory_combo.currentData(), self.passphrase_edit.text(), reason),
                          failure=wrong)
        if isinstance(approval, Failed):
            return
        self.approval = approval
        super().accept()
