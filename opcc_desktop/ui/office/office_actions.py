"""Whole-office menu commands: import and export JSON, the demonstration office (own file), settings, About.

Each write goes through `Office`, and the `Changes` it returns are published on the bus. Nothing
is written when an import fails; the reason is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ... import __version__
from ...domain.dates import format_uk
from ...services.changes import Changes
from ... import paths
from ..common.error_dialogs import ask_yes_no, plain_message_box, show_info
from .settings_dialog import SettingsDialog
from ..common.operations import Failed, on_own_connection, publish, run_op, run_op_in_background

if TYPE_CHECKING:
    from ..common.window_services import WindowServices

JSON_FILTER = "JSON files (*.json);;All files (*)"


def last_folder() -> str:
    """Where a file dialog starts: the last folder used, else Documents (see `file_dialogs`)."""
    from ..common.file_dialogs import start_folder

    return start_folder()


def remember_folder(path: Path) -> None:
    from ..common.file_dialogs import remember_folder as remember

    remember(path)


class OfficeActions:
    """The File and Help menu commands that act on the whole office, for one main window."""

    def __init__(self, window: WindowServices):
        self.window = window
        self.parent = window.window()  # of the dialogs

    @property
    def office(self):
        return self.window.office

    def _publish(self, changes: Changes) -> None:
        """Every page (and the editor, which re-reads a record replaced underneath it) refreshes."""
        publish(self.window.bus, changes)

    def import_json(self) -> None:
        window = self.window
        if not window.editors_can_close():
            return
        chosen, _ = QFileDialog.getOpenFileName(self.parent, "Import inspections from JSON", last_folder(), JSON_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        remember_folder(path)

        run_op_in_background(self.parent, "Nothing was imported",
                             on_own_connection(self.office.path, lambda office: office.import_json(path)),
                             lambda report: show_info(self.parent, "Import finished", report.summary()),
                             window.bus, progress=("Importing", f"Importing {path.name}…"))

    def export_json(self) -> None:
        window = self.window
        suggested = str(Path(last_folder()) / f"OPCC Desktop export {window.today_provider():%Y-%m-%d}.json")
        chosen, _ = QFileDialog.getSaveFileName(self.parent, "Export the whole office to JSON", suggested, JSON_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        remember_folder(path)
        note = "\n\nUnsaved changes in the open inspection were not included." if window.has_unsaved_changes() else ""

        def done(count: int) -> None:
            show_info(self.parent, "Export finished",
                      f"Exported {count} inspection{'s' if count != 1 else ''} to\n{path}{note}")

        def told(error: Exception) -> str:
            return f"Could not write {path}:\n{getattr(error, 'strerror', None) or error}"

        run_op_in_background(self.parent, "Export failed",
                             on_own_connection(self.office.path, lambda office: office.export_json(path)),
                             done, progress=("Exporting", f"Exporting the whole office to {path.name}…"),
                             message=told, disk=True)

    def open_demo_office(self) -> QWidget | None:
        """The demonstration office in its own file and window (marked DEMONSTRATION); this office is untouched."""
        from PySide6.QtWidgets import QApplication

        from ...services.demo_office import open_demo_office

        window = self.window
        if window.office.is_demonstration:
            self.parent.raise_()
            return self.parent
        existing = getattr(window, "demo_window", None)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        demo = run_op(self.parent, "The demonstration office could not be opened",
                      lambda: open_demo_office(window.today_provider()))
        if isinstance(demo, Failed):
            return None
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(demo.close)
        opened = window.reopened(demo)  # a second window, beside this one
        setattr(window, "demo_window", opened)  # noqa: B010 - not part of WindowServices
        return opened

    def remove_demo_data(self) -> str | None:
        """Demonstration data loaded into this office by an earlier version: take out what is still as loaded."""
        window = self.window
        question = ("Remove the demonstration data from this office?\n\n"
                    "Demonstration inspections still exactly as the demonstration made them go to Edit → Recently "
                    "deleted (you can bring them back); the demonstration signatory and boards are removed; "
                    "settings still holding the demonstration's values are cleared. Your own records are kept.")
        if window.office.is_demonstration or not ask_yes_no(self.parent, "Remove demonstration data", question) \
                or not window.editors_can_close():
            return None
        removal = run_op(self.parent, "Demonstration data was not removed",
                         lambda: self.office.remove_demo_records(window.today_provider()), window.bus)
        if isinstance(removal, Failed):
            return None
        show_info(self.parent, "Remove demonstration data", removal.summary())
        return removal.summary()

    def edit_settings(self) -> None:
        SettingsDialog(self.office, self.window.bus, self.parent).exec()

    def about(self) -> None:
        text = (
            f"OPCC Desktop {__version__}\n\n"
            "Tracks HMICFRS inspection reports, their findings and the Police Act 1996 s.55 response deadline, "
            "and prints the Commissioner's letter to the Home Secretary.\n\n"
            f"Database: {self.office.path}\n"
            f"Data folder (backups, logs, letters): {paths.data_dir()}\n"
            f"Today: {format_uk(self.window.today_provider())}"
        )
        plain_message_box(self.parent, QMessageBox.Icon.Information, "About OPCC Desktop", text).exec()
