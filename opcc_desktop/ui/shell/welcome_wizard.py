"""First run on a new PC: a two-page welcome that asks for the office's details and how to start.

Shown by `run_gui` when the database is empty, so nobody meets an empty, unexplained window:

1. *Your office*: office name, postal address, commissioner's name and exact title (stored through
   `office.settings`; they head every letter and can be changed later in File → Office settings).
2. *How to start*: the demonstration office, an import of an existing file (the JSON export of
   another copy; a spreadsheet tracker when a spreadsheet importer is available), or an empty office.

The chosen start runs first and the typed details are saved after it, so what the user typed wins
over the settings a demonstration or import file brings. Every change is published on the bus.

Hook for the spreadsheet importer: the "spreadsheet" choice appears when `Office` has a method
`import_spreadsheet(path) -> ImportReport` (raising UserFacingError with a plain message on bad
input); `SPREADSHEET_FILTER` is the file-dialog filter it is offered with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...domain.vocabulary import DEFAULT_SETTINGS
from ...resources import app_icon_path
from ...services.office import Office
from ..common.error_dialogs import show_info
from ..common.event_bus import EventBus
from ..common.screen_fit import fit_to_screen
from ..common.operations import Failed, publish, run_op

OFFICE_FIELDS = (
    ("office_name", "Office na&me"),
    ("office_address", "Postal &address"),
    ("commissioner_name", "&Commissioner's name"),
    ("commissioner_title", "Commissioner's exact &title"),
    ("home_secretary_name", "&Home Secretary's name"),
)
DEMO, IMPORT_JSON, IMPORT_SPREADSHEET, EMPTY = "demo", "json", "spreadsheet", "empty"
JSON_FILTER = "JSON files (*.json);;All files (*)"
SPREADSHEET_FILTER = "Spreadsheets (*.xlsx);;All files (*)"
START_CHOICES = (
    (DEMO, "Open the &demonstration office alongside mine",
     ("Two published HMICFRS reports and three invented ones with live s.55 deadlines, to try every part "
      "of the program. It opens in its own window and file, marked DEMONSTRATION; nothing from it is added "
      "to your office, which starts empty with the details above.")),
    (IMPORT_JSON, "&Import records from an OPCC Desktop file (.json)",
     "A file exported from another copy of OPCC Desktop (File → Export JSON)."),
    (IMPORT_SPREADSHEET, "Import an existing spreadsheet &tracker (.xlsx)",
     "Your current Excel tracker of inspections and recommendations."),
    (EMPTY, "Start with an &empty office",
     "Add your first inspection with File → New inspection (Ctrl+N)."),
)


@dataclass
class WelcomeResult:
    start: str
    message: str = ""


def _plain_label(text: str, parent: QWidget, *, hint: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if hint:
        label.setIndent(26)  # under the radio button's text; full contrast (greyed text is hard to read)
        label.setContentsMargins(0, 0, 0, 8)
    return label


class OfficePage(QWizardPage):
    def __init__(self, values: dict[str, str], parent=None):
        super().__init__(parent)
        self.setTitle("Welcome to OPCC Desktop")
        self.setSubTitle("Tell us about your office. These details head every letter to the Home Secretary; "
                         "you can change them later in File → Office settings.")
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, label_text in OFFICE_FIELDS:
            value = values.get(key) or ""
            editor: QLineEdit | QPlainTextEdit
            if key == "office_address":
                editor = QPlainTextEdit(value, self)
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 5 + 12)
            else:
                editor = QLineEdit(value, self)
            label = QLabel(label_text, self)
            label.setBuddy(editor)
            plain = label_text.replace("&", "")
            editor.setAccessibleName(plain)
            editor.setObjectName(key)
            form.addRow(label, editor)
            self.fields[key] = editor
        self.fields["office_name"].setPlaceholderText("e.g. Office of the Police and Crime Commissioner for Kent")
        self.fields["commissioner_name"].setPlaceholderText("e.g. Matthew Scott")
        self.fields["office_address"].setPlaceholderText("One line per line of the address")
        self.fields["home_secretary_name"].setPlaceholderText("As on gov.uk today, without “Rt Hon” or “MP”")

    def values(self) -> dict[str, str]:
        out = {}
        for key, editor in self.fields.items():
            text = editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()
            out[key] = text.strip()
        return out


class StartPage(QWizardPage):
    def __init__(self, spreadsheet_available: bool, parent=None):
        super().__init__(parent)
        self.setTitle("How would you like to start?")
        self.setSubTitle("Nothing is stored on the internet: the records stay in a file on this PC.")
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        for key, text, hint in START_CHOICES:
            if key == IMPORT_SPREADSHEET and not spreadsheet_available:
                continue
            button = QRadioButton(text, self)
            button.setObjectName(f"start_{key}")
            button.setAccessibleDescription(hint)
            self.group.addButton(button)
            self.buttons[key] = button
            layout.addWidget(button)
            layout.addWidget(_plain_label(hint, self, hint=True))
        layout.addStretch(1)
        self.buttons[DEMO].setChecked(True)

    def choice(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())


class WelcomeWizard(QWizard):
    """Modal; `exec()` then `result_` (None when cancelled)."""

    def __init__(self, office: Office, bus: EventBus | None, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.setWindowTitle("Welcome to OPCC Desktop")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QPixmap(str(app_icon_path())).scaled(
            48, 48, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self._office = office
        self._bus = bus
        self._today_provider = today_provider
        self.result_: WelcomeResult | None = None
        self.office_page = OfficePage(office.settings.all(), self)
        self.start_page = StartPage(callable(getattr(office, "import_spreadsheet", None)), self)
        self.addPage(self.office_page)
        self.addPage(self.start_page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Start")
        fit_to_screen(self, 0.85, 0.92, QSize(640, 430))

    # The work ------------------------------------------------------------------------------------
    def accept(self) -> None:
        result = self.finish(self.start_page.choice())
        if result is not None:
            self.result_ = result
            super().accept()

    def finish(self, choice: str) -> WelcomeResult | None:
        """Run the chosen start, then save the typed details. None (wizard stays open) if cancelled or failed."""
        def start() -> str | None:
            message = ""
            if choice == DEMO:
                message = self._prepare_demo()
            elif choice in (IMPORT_JSON, IMPORT_SPREADSHEET):
                path = self._ask_for_file(choice)
                if path is None:
                    return None
                if choice == IMPORT_JSON:
                    report = self._office.import_json(path)
                else:
                    report = self._office.import_spreadsheet(path, today=self._today_provider())
                message = self._publish(report).summary()
            self._save_details()
            return message

        message = run_op(self, "Could not start that way", start,
                         message=lambda exc: f"{exc}\n\nNothing was changed. Choose again or start empty.")
        if message is None or isinstance(message, Failed):
            return None
        if message:
            show_info(self, "Ready", message)
        return WelcomeResult(choice, message)

    def _prepare_demo(self) -> str:
        """Build the demonstration office's own file (the user's office is not touched) and say so."""
        from ...services.demo_office import open_demo_office

        demo = open_demo_office(self._today_provider())
        try:
            count = demo.inspections.count()
        finally:
            demo.close()
        return (f"Your office starts empty, with the details you typed. The demonstration office ({count} "
                "inspections) opens in its own window, marked DEMONSTRATION; nothing from it is added to your "
                "office. Open it again any time with File → Open the demonstration office.")

    def _ask_for_file(self, choice: str) -> Path | None:
        caption, file_filter = (("Import records from JSON", JSON_FILTER) if choice == IMPORT_JSON
                                else ("Import a spreadsheet tracker", SPREADSHEET_FILTER))
        from ..common.file_dialogs import remember_folder, start_folder

        chosen, _ = QFileDialog.getOpenFileName(self, caption, start_folder(), file_filter)
        if chosen:
            remember_folder(chosen)
        return Path(chosen) if chosen else None

    def _save_details(self) -> None:
        typed = {k: v for k, v in self.office_page.values().items() if v and v != DEFAULT_SETTINGS.get(k)}
        if typed.get("home_secretary_name"):  # typed today, so confirmed today (the letters check it yearly)
            typed["home_secretary_confirmed_on"] = self._today_provider().isoformat()
        if typed:
            publish(self._bus, self._office.settings.update(typed))

    def _publish(self, report):
        publish(self._bus, report)
        return report


def welcome_if_empty(office: Office, today_provider: Callable[[], date], bus: EventBus | None = None,
                     parent: QWidget | None = None) -> WelcomeResult | None:
    """Show the welcome wizard when the database holds no office yet; its result, or None."""
    if office.holds_an_office():
        return None
    wizard = WelcomeWizard(office, bus, today_provider, parent)
    wizard.exec()
    return wizard.result_
