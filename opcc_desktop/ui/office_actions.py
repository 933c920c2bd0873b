"""Whole-office menu commands: import and export JSON, the demonstration office (own file), settings, About.

Each write goes through `Office`, and the `Changes` it returns are published on the bus. Nothing
is written when an import fails; the reason is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from .. import __version__
from ..domain.dates import format_uk
from ..errors import UserFacingError
from ..services.changes import Changes
from .. import paths
from .progress_task import run_on_own_connection, run_with_progress
from .error_dialogs import ask_yes_no, plain_message_box, show_error, show_info
from .settings_dialog import SettingsDialog

if TYPE_CHECKING:
    from .main_window import MainWindow

JSON_FILTER = "JSON files (*.json);;All files (*)"


def last_folder() -> str:
    """Where a file dialog starts: the last folder used, else Documents (see `file_dialogs`)."""
    from .file_dialogs import start_folder

    return start_folder()


def remember_folder(path: Path) -> None:
    from .file_dialogs import remember_folder as remember

    remember(path)


class OfficeActions:
    """The File and Help menu commands that act on the whole office, for one main window."""

    def __init__(self, window: MainWindow):
        self.window = window

    @property
    def office(self):
        return self.window.office

    def _publish(self, changes: Changes) -> None:
        """Every page (and the editor, which re-reads a record replaced underneath it) refreshes."""
        self.window.bus.publish(changes)

    def import_json(self) -> None:
        window = self.window
        if not window.editor.can_close():
            return
        chosen, _ = QFileDialog.getOpenFileName(window, "Import inspections from JSON", last_folder(), JSON_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        remember_folder(path)

        def done(report) -> None:
            self._publish(report.changes)
            show_info(window, "Import finished", report.summary())

        def failed(error: BaseException) -> None:
            if not isinstance(error, UserFacingError):
                raise error
            show_error(window, "Nothing was imported", str(error))

        run_with_progress(window, "Importing", f"Importing {path.name}…",
                          run_on_own_connection(self.office.path, lambda office: office.import_json(path)),
                          done, failed)

    def export_json(self) -> None:
        window = self.window
        suggested = str(Path(last_folder()) / f"OPCC Desktop export {window.today_provider():%Y-%m-%d}.json")
        chosen, _ = QFileDialog.getSaveFileName(window, "Export the whole office to JSON", suggested, JSON_FILTER)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        remember_folder(path)
        note = "\n\nUnsaved changes in the open inspection were not included." if window.editor.is_dirty() else ""

        def done(count: int) -> None:
            show_info(window, "Export finished",
                      f"Exported {count} inspection{'s' if count != 1 else ''} to\n{path}{note}")

        def failed(error: BaseException) -> None:
            if not isinstance(error, (OSError, UserFacingError)):
                raise error
            show_error(window, "Export failed", f"Could not write {path}:\n{getattr(error, 'strerror', None) or error}")

        run_with_progress(window, "Exporting", f"Exporting the whole office to {path.name}…",
                          run_on_own_connection(self.office.path, lambda office: office.export_json(path)),
                          done, failed)

    def open_demo_office(self):
        """The demonstration office in its own file and window (marked DEMONSTRATION); this office is untouched."""
        from PySide6.QtWidgets import QApplication

        from ..services.demo_office import open_demo_office
        from .event_bus import EventBus
        from .main_window import MainWindow

        window = self.window
        if window.office.is_demonstration:
            window.raise_()
            return window
        existing = getattr(window, "demo_window", None)
        if existing is not None and existing.isVisible():
            existing.raise_()
            existing.activateWindow()
            return existing
        try:
            demo = open_demo_office(window.today_provider())
        except UserFacingError as exc:
            show_error(window, "The demonstration office could not be opened", str(exc))
            return None
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(demo.close)
        window.demo_window = MainWindow(demo, EventBus(), window.today_provider)
        window.demo_window.show()
        return window.demo_window

    def remove_demo_data(self) -> str | None:
        """Demonstration data loaded into this office by an earlier version: take out what is still as loaded."""
        window = self.window
        question = ("Remove the demonstration data from this office?\n\n"
                    "Demonstration inspections still exactly as the demonstration made them go to Edit → Recently "
                    "deleted (you can bring them back); the demonstration signatory and boards are removed; "
                    "settings still holding the demonstration's values are cleared. Your own records are kept.")
        if window.office.is_demonstration or not ask_yes_no(window, "Remove demonstration data", question) \
                or not window.editor.can_close():
            return None
        try:
            removal = self.office.remove_demo_records(window.today_provider())
        except UserFacingError as exc:
            show_error(window, "Demonstration data was not removed", str(exc))
            return None
        self._publish(removal.changes)
        show_info(window, "Remove demonstration data", removal.summary())
        return removal.summary()

    def edit_settings(self) -> None:
        SettingsDialog(self.office, self.window.bus, self.window).exec()

    def about(self) -> None:
        text = (
            f"OPCC Desktop {__version__}\n\n"
            "Tracks HMICFRS inspection reports, their findings and the Police Act 1996 s.55 response deadline, "
            "and prints the Commissioner's letter to the Home Secretary.\n\n"
            f"Database: {self.office.path}\n"
            f"Data folder (backups, logs, letters): {paths.data_dir()}\n"
            f"Today: {format_uk(self.window.today_provider())}"
        )
        plain_message_box(self.window, QMessageBox.Icon.Information, "About OPCC Desktop", text).exec()
