"""Opening the office for the window: one window per file, newer/corrupt files, restore offer.

A damaged or non-SQLite file is never modified: if the user accepts the offer to restore the newest
readable backup, the damaged file is first kept byte for byte as a `before-restore-…` copy.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import DatabaseFileError, NewerSchemaError, UnusableFileError
from ...instance_lock import DatabaseInUseError, InstanceLock, current_owner
from ...services.office import Office

if TYPE_CHECKING:
    from ...services import backups
    from .main_window import MainWindow

log = logging.getLogger(__name__)

SYNC_CHECK_MAX_BYTES = 32 * 1024 * 1024  # checked in ~60 ms; larger files are checked on a worker


def _newest_good_backup() -> backups.BackupInfo | None:
    from ...services import backups
    from ..office.backup_actions import backup_folder

    return next((b for b in backups.list_backups(backup_folder()) if backups.is_healthy(b.path)), None)


def checks_before_the_window(db_path: Path) -> bool:
    """A small file is checked before the window opens; a large one (a full check reads every page:
    about a second at ten years of records) once the window is up, on a worker."""
    try:
        return db_path.stat().st_size <= SYNC_CHECK_MAX_BYTES
    except OSError:
        return True


def _damaged(db_path: Path, integrity: str) -> DatabaseFileError:
    return UnusableFileError(f"{db_path} is damaged (integrity check: {integrity[:300]}). It was left untouched.")


def _open_checked(db_path: Path) -> Office:
    """Office.open plus, for a small file, the start-up integrity check (damage raises DatabaseFileError)."""
    office = Office.open(db_path)
    if checks_before_the_window(db_path):
        integrity = office.health().integrity
        if integrity != "ok":
            office.close()
            raise _damaged(db_path, integrity)
    return office


def check_integrity_in_background(window: MainWindow) -> None:
    """For a large file: the full integrity check on a worker; damage found → offer to restore a backup."""
    from ..common.progress_task import run_on_own_connection
    from ..common.workers import run_in_background

    db_path = window.office.path
    if checks_before_the_window(db_path):
        return

    def reported(integrity: str) -> None:
        from ..common.error_dialogs import ask_yes_no

        if integrity == "ok" or window.office.closed:
            return
        log.error("Integrity check of %s: %s", db_path, integrity)
        question = (f"{_damaged(db_path, integrity)}\n\nRestore the office from a backup now? You choose which; "
                    "the damaged file is kept as a copy first.")
        if ask_yes_no(window, "The database is damaged", question):
            window.backup_actions.restore()

    run_in_background(run_on_own_connection(db_path, lambda office: office.health().integrity), reported,
                      lambda error: reported(str(error)))


def _offer_restore(db_path: Path, problem: DatabaseFileError, now: datetime) -> Office | None:
    from ...services import backups
    from ..office.backup_actions import backup_folder
    from ..common.error_dialogs import ask_yes_no, show_error, show_info

    newest = _newest_good_backup()
    text = f"{problem}\n\nDatabase file: {db_path}"
    if newest is None:
        show_error(None, "OPCC Desktop cannot open its database", text + "\n\nThere is no backup to restore from.")
        return None
    question = (f"{text}\n\nRestore the newest backup, taken {newest.taken:%d/%m/%Y at %H:%M}?\n"
                "The damaged file is kept, unchanged, as a copy in the backup folder.")
    if not ask_yes_no(None, "OPCC Desktop cannot open its database", question):
        return None
    safety = backups.restore(newest.path, db_path, backup_folder(), now)
    show_info(None, "Restored from a backup", f"The office was restored from\n{newest.path}\n\n"
              f"The damaged file was kept as\n{safety}")
    return _open_checked(db_path)


def open_for_window(db_path: Path, now: datetime) -> tuple[Office, InstanceLock] | None:
    """The office and its lock, or None after telling the user plainly why not."""
    try:
        lock = InstanceLock.acquire(db_path, current_owner(now))
    except DatabaseInUseError as exc:
        from ..common.error_dialogs import show_error

        log.warning("Database in use: %s", exc)
        show_error(None, "The database is already open", f"{exc}\n\nDatabase file: {db_path}")
        return None
    try:
        try:
            return _open_checked(db_path), lock
        except NewerSchemaError:
            raise
        except DatabaseFileError as exc:
            log.error("Cannot open %s: %s", db_path, exc)
            if not isinstance(exc, UnusableFileError) or not db_path.is_file():
                raise  # not a damaged, empty or foreign file (e.g. a refused location): nothing to restore
            office = _offer_restore(db_path, exc, now)
            if office is None:
                lock.release()
                return None
            return office, lock
    except BaseException:
        lock.release()
        raise
