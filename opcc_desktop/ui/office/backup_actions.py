"""File → Back up now / Restore from backup…, and the automatic start-up backup (off the GUI thread).

Backups copy the file through its own SQLite connection, so they run on a worker thread. Restoring
closes this window's database, replaces the file (after a safety copy) and opens a new window on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QWidget

from ... import paths
from ...services import backups
from ...services.office import Office
from ..common import ui_state
from ..common.error_dialogs import ask_yes_no, show_info
from .restore_dialog import RestoreDialog
from ..common.workers import run_in_background
from ..common.operations import Failed, run_op, run_op_in_background

if TYPE_CHECKING:
    from ..common.window_services import WindowServices

log = logging.getLogger(__name__)
BACKUP_FOLDER_KEY = "backups/folder"


def backup_folder() -> Path:
    """The folder the user chose for backups on this PC (a network drive is fine), else the data folder's."""
    return Path(ui_state.load_text(BACKUP_FOLDER_KEY, "") or paths.backup_dir())


def automatic_backup_in_background(db_path: Path, now: datetime, on_done: Callable[[object], None] | None = None) -> None:
    """At most one backup a day, taken at start-up without blocking the window; failures are logged."""
    def failed(error: BaseException) -> None:
        log.warning("Automatic backup failed: %s", error)

    def done(made: object) -> None:
        if made:
            log.info("Automatic backup: %s", made)

    def job() -> Path | None:
        folder = backup_folder()
        for leftover in backups.clean_partial_copies(folder, now):  # interrupted backups (a crash, a kill)
            log.info("Removed the leftover of an interrupted backup: %s", leftover)
        return backups.automatic_backup(db_path, folder, now)

    run_in_background(job, on_done or done, failed)


class BackupActions:
    def __init__(self, window: WindowServices, now: Callable[[], datetime] = datetime.now):
        self.window = window
        self.parent = window.window()  # of the dialogs
        self.now = now
        self.replacement: QWidget | None = None

    def back_up_now(self) -> None:
        window = self.window
        folder = backup_folder()
        window.statusBar().showMessage(f"Backing up to {folder}…")

        def done(made: Path) -> None:
            window.statusBar().showMessage(f"Backed up to {made}", 10_000)
            show_info(self.parent, "Backup finished", f"The database was copied to\n{made}")

        def failed(_error: Exception) -> bool:
            window.statusBar().clearMessage()
            return False  # and the standard message

        db_path = window.office.path
        run_op_in_background(self.parent, "The backup failed", lambda: backups.back_up(db_path, folder, self.now()),
                             done, failure=failed, disk=True)

    def choose_folder(self) -> None:
        current = backup_folder()
        chosen = QFileDialog.getExistingDirectory(self.parent, "Folder for backups", str(current))
        if not chosen:
            return
        ui_state.save_text(BACKUP_FOLDER_KEY, chosen)
        self.window.statusBar().showMessage(f"Backups now go to {chosen}", 10_000)

    def restore(self) -> None:
        window = self.window
        folder = backup_folder()
        found = backups.list_backups(folder)
        if not found:
            show_info(self.parent, "No backups yet", f"There are no backups in\n{folder}")
            return
        dialog = RestoreDialog(found, str(folder), self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or (chosen := dialog.chosen()) is None:
            return
        question = (f"Replace every record with the backup taken {chosen.taken:%d/%m/%Y at %H:%M}?\n\n"
                    "A safety copy of the current database is taken first.")
        if not ask_yes_no(self.parent, "Restore from a backup", question):
            return
        if not window.editors_can_close():
            return
        self.restore_file(chosen.path)

    def restore_file(self, backup: Path) -> QWidget | None:
        """Close this window's database, restore, and re-open the office in a new window."""
        from ..common.workers import wait_for_background_work

        window = self.window
        db_path = window.office.path
        window.stop_pending()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def restore() -> Path | None:
            # Every worker holds its own connection to the file: on Windows any open handle (reminders,
            # the findings list, the integrity check) makes the replace fail. All finish and close first.
            wait_for_background_work()
            window.office.close()
            return backups.restore(backup, db_path, backup_folder(), self.now())

        def cursor_back(_error: Exception) -> bool:
            QApplication.restoreOverrideCursor()  # before the message
            return False

        try:
            restored = run_op(self.parent, "Nothing was restored", restore, failure=cursor_back)
        finally:
            if QApplication.overrideCursor() is not None:
                QApplication.restoreOverrideCursor()
        safety = None if isinstance(restored, Failed) else restored
        office = Office.open(db_path)  # the restored file, or the untouched original after a refusal
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(office.close)
        self.replacement = window.reopened(office)
        window.discard_without_asking()
        if safety:
            show_info(self.replacement, "Restore finished",
                      f"The office was restored from\n{backup}\n\nThe previous database was kept as\n{safety}")
        return self.replacement
