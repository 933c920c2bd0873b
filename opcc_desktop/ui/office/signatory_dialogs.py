"""Dialogs for signatories: set up a signature (name, title, image, passphrase twice), ask a passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.letter_records import MIN_PASSPHRASE_LENGTH
from ...errors import ValidationError
from ...services.changes import Changes
from ...services.office import Office
from ..common.error_label import ErrorLabel
from .image_files import choose_image, thumbnail
from ..common.operations import Failed, at_fields, run_op


def _secret(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setObjectName(name)
    return edit


class AddSignatoryDialog(QDialog):
    """To be filled in by the signatory in person: only they should know the passphrase."""

    def __init__(self, office: Office, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Set up a signature")
        self.office = office
        self.new_id: int | None = None
        self.changes: Changes | None = None
        self.signature_png: bytes | None = None
        self.name_edit = QLineEdit(self)
        self.title_edit = QLineEdit(title, self)
        self.authorised_check = QCheckBox("Authorised to sign on the commissioner's behalf (not the commissioner)",
                                          self)
        self.image_label = QLabel("No signature image", self)
        self.image_button = QPushButton("Choose signature image…", self)
        self.passphrase_edit = _secret(self, "passphrase")
        self.confirm_edit = _secret(self, "confirm")
        self.errors = {key: ErrorLabel(self) for key in ("name", "signature", "passphrase", "confirm", "general")}
        hint = QLabel(
            f"The signatory sets the passphrase ({MIN_PASSPHRASE_LENGTH} characters or more). It is stored only as a "
            "one-way hash, and the signature image is encrypted with it: without the passphrase nobody can put "
            "this signature on a letter. A forgotten passphrase cannot be recovered; set the signature up again.",
            self)
        hint.setWordWrap(True)
        form = QFormLayout()
        for label, widget, key in (("Name", self.name_edit, "name"), ("Exact title", self.title_edit, None),
                                   ("Signature", self.image_button, "signature"),
                                   ("Passphrase", self.passphrase_edit, "passphrase"),
                                   ("Passphrase again", self.confirm_edit, "confirm")):
            form.addRow(label, widget)
            if key:
                form.addRow("", self.errors[key])
        form.insertRow(2, "", self.authorised_check)
        form.insertRow(4, "", self.image_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.image_button.clicked.connect(self._choose)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)

    def _choose(self) -> None:
        png = run_op(self, "Signature image", lambda: choose_image(self, "Choose the signature image"))
        if isinstance(png, bytes):  # not cancelled, and an image that could be read
            self.set_signature(png)

    def set_signature(self, png: bytes) -> None:
        self.signature_png = png
        self.image_label.setPixmap(thumbnail(png, 40))

    def accept(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        added = run_op(self, "Set up a signature", lambda: self.office.signatories.add(
            self.name_edit.text(), self.title_edit.text(), self.signature_png or b"",
            self.passphrase_edit.text(), self.confirm_edit.text(), self.authorised_check.isChecked()),
            failure=at_fields(self._show_problems))
        if isinstance(added, Failed):
            return
        self.new_id, self.changes = added
        super().accept()

    def _show_problems(self, error: ValidationError) -> None:
        for problem in error.errors:
            label = self.errors.get(problem.field, self.errors["general"])
            label.show_message(problem.message[:1].upper() + problem.message[1:])


class PassphraseDialog(QDialog):
    """Asks one signatory for their passphrase; `passphrase()` after exec."""

    def __init__(self, title: str, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.edit = _secret(self, "passphrase")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def passphrase(self) -> str:
        return self.edit.text()


class ChangePassphraseDialog(QDialog):
    """The signatory types the current passphrase and the new one twice; the signature is re-sealed."""

    def __init__(self, office: Office, signatory_id: int, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Change passphrase – {name}")
        self.office, self.signatory_id = office, signatory_id
        self.changes: Changes | None = None
        self.old_edit = _secret(self, "old")
        self.passphrase_edit = _secret(self, "passphrase")
        self.confirm_edit = _secret(self, "confirm")
        self.errors = {key: ErrorLabel(self) for key in ("passphrase", "confirm", "general")}
        form = QFormLayout()
        form.addRow("Current passphrase", self.old_edit)
        form.addRow("New passphrase", self.passphrase_edit)
        form.addRow("", self.errors["passphrase"])
        form.addRow("New passphrase again", self.confirm_edit)
        form.addRow("", self.errors["confirm"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["general"])
        layout.addWidget(buttons)

    def accept(self) -> None:
        for label in self.errors.values():
            label.show_message("")
        def not_changed(error: Exception) -> bool:  # at the fields, or in the line under them
            if isinstance(error, ValidationError):
                for problem in error.errors:
                    label = self.errors.get(problem.field, self.errors["general"])
                    label.show_message(problem.message[:1].upper() + problem.message[1:])
            else:
                self.errors["general"].show_message(str(error))
            return True

        changed = run_op(self, "Change passphrase", lambda: self.office.signatories.change_passphrase(
            self.signatory_id, self.old_edit.text(), self.passphrase_edit.text(), self.confirm_edit.text()),
            failure=not_changed)
        if isinstance(changed, Failed):
            return
        self.changes = changed
        super().accept()
