"""Backups of the database file: automatic once a day, on demand, listed with record counts, restored.

Backups are named `opcc-backup-YYYYMMDD-HHMMSS.sqlite3` and rotated (7 daily, 4 weekly, 12 monthly).
Safety copies (`before-restore-…`, `before-migration-…`) are never rotated away. Callers pass `now`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.backup_rotation import backups_to_keep
from ..errors import DatabaseFileError
from ..storage.backup import copy_database, integrity_ok, record_counts, replace_database

ROTATED = "opcc-backup"
BEFORE_RESTORE = "before-restore"
BEFORE_MIGRATION = "before-migration"
STAMP = "%Y%m%d-%H%M%S"
SUFFIX = ".sqlite3"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken: datetime
    kind: str

    def counts(self) -> dict[str, int]:
        """Inspections and findings in the copy (reads the file; empty when it cannot be read)."""
        try:
            return record_counts(self.path)
        except DatabaseFileError:
            return {}

    def describe(self) -> str:
        counts = self.counts()
        what = ", ".join(f"{n} {table}" for table, n in counts.items()) or "unreadable"
        label = {ROTATED: "backup", BEFORE_RESTORE: "safety copy before a restore",
                 BEFORE_MIGRATION: "copy before an upgrade"}.get(self.kind, self.kind)
        return f"{self.taken:%d/%m/%Y %H:%M} – {label} – {what}"


def _parse(path: Path) -> BackupInfo | None:
    if path.suffix != SUFFIX:
        return None
    for kind in (ROTATED, BEFORE_RESTORE, BEFORE_MIGRATION):
        prefix = kind + "-"
        if path.stem.startswith(prefix):
            try:
                return BackupInfo(path, datetime.strptime(path.stem[len(prefix):len(prefix) + 15], STAMP), kind)
            except ValueError:
                return None
    return None


def is_healthy(path: Path) -> bool:
    """An SQLite file that passes `PRAGMA integrity_check` (read-only; the file is not modified)."""
    return integrity_ok(path)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.iterdir() if p.is_file() and (info := _parse(p))]
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _name(kind: str, now: datetime, folder: Path) -> Path:
    path = folder / f"{kind}-{now:{STAMP}}{SUFFIX}"
    n = 1
    while path.exists():
        path = folder / f"{kind}-{now:{STAMP}}-{n}{SUFFIX}"
        n += 1
    return path


def rotate(folder: Path, now: datetime) -> list[Path]:
    """Delete rotated backups the policy no longer keeps; returns what was removed."""
    rotated = [b for b in list_backups(folder) if b.kind == ROTATED]
    keep = backups_to_keep([b.taken for b in rotated], now.date())
    removed = []
    seen: set[datetime] = set()
    for backup in rotated:  # newest first; duplicates of one instant keep only the first
        if backup.taken in keep and backup.taken not in seen:
            seen.add(backup.taken)
            continue
        backup.path.unlink(missing_ok=True)
        removed.append(backup.path)
    return removed


def back_up(db_path: Path, folder: Path, now: datetime, *, kind: str = ROTATED,
            progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy the live database into `folder` with the online backup API, then rotate."""
    if not db_path.exists():
        raise DatabaseFileError(f"There is no database at {db_path} to back up.")
    try:
        dest = copy_database(db_path, _name(kind, now, folder), progress)
    except OSError as exc:
        raise DatabaseFileError(f"The backup could not be written to {folder}: {exc.strerror or exc}.") from exc
    if kind == ROTATED:
        rotate(folder, now)
    return dest


def backup_due(folder: Path, now: datetime) -> bool:
    return not any(b.kind == ROTATED and b.taken.date() == now.date() for b in list_backups(folder))


def automatic_backup(db_path: Path, folder: Path, now: datetime) -> Path | None:
    """The start-up backup: at most one a day, and none for a database that does not exist yet."""
    if not db_path.exists() or not backup_due(folder, now):
        return None
    return back_up(db_path, folder, now)


def restore(backup: Path, db_path: Path, folder: Path, now: datetime) -> Path | None:
    """Replace the (closed) database with `backup`, after a safety copy of the current file.

    Returns the safety copy (None when there was no current file). The backup is checked first; a
    damaged backup is refused and nothing changes.
    """
    if not integrity_ok(backup):
        raise DatabaseFileError(f"{backup} is damaged or is not an OPCC Desktop backup; nothing was restored.")
    safety = None
    if db_path.exists():
        safety = _name(BEFORE_RESTORE, now, folder)
        folder.mkdir(parents=True, exist_ok=True)
        if integrity_ok(db_path):
            copy_database(db_path, safety)
        else:  # a damaged file is kept byte for byte, never "repaired"
            shutil.copy2(db_path, safety)
    replace_database(backup, db_path)
    return safety
