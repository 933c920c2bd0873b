"""Backups of the database file: automatic once a day, on demand, listed with record counts, restored.

Backups are named `opcc-backup-YYYYMMDD-HHMMSS.sqlite3` and rotated (7 daily, 4 weekly, 12 monthly).
Safety copies (`before-restore-…`, `before-migration-…`) are never rotated away. Callers pass `now`.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..domain.backup_rotation import backups_to_keep
from ..errors import DatabaseFileError
from ..storage.backup import copy_database, integrity_ok, office_problem, record_counts, replace_database

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
    """A new name, reserved by creating it exclusively: two backups in one second (two processes
    included) never get the same one. The copy is renamed over the reserved empty file."""
    folder.mkdir(parents=True, exist_ok=True)
    n = 0
    while True:
        path = folder / (f"{kind}-{now:{STAMP}}{SUFFIX}" if n == 0 else f"{kind}-{now:{STAMP}}-{n}{SUFFIX}")
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644))
            return path
        except FileExistsError:
            n += 1


def _sequence(path: Path) -> int:
    """The -N of a second backup within one second (0 for the first)."""
    tail = path.stem.rsplit("-", 1)[-1]
    return int(tail) if len(path.stem.split("-")) > 4 and tail.isdigit() else 0


def rotate(folder: Path, now: datetime, keep_path: Path | None = None) -> list[Path]:
    """Delete rotated backups the policy no longer keeps; returns what was removed. `keep_path` (the
    backup just made) is never removed."""
    rotated = sorted((b for b in list_backups(folder) if b.kind == ROTATED),
                     key=lambda b: (b.taken, _sequence(b.path)), reverse=True)
    keep = backups_to_keep([b.taken for b in rotated], now.date())
    removed = []
    seen: set[datetime] = set()
    for backup in rotated:  # newest first; duplicates of one instant keep only the newest
        if backup.path == keep_path or (backup.taken in keep and backup.taken not in seen):
            seen.add(backup.taken)
            continue
        if abs((now - backup.taken).total_seconds()) < RECENT_SECONDS:
            continue  # just made, maybe by another process that is about to report it: a later rotation
        try:
            backup.path.unlink()
        except OSError:  # gone already (another process rotated too) or held open (Windows)
            continue
        removed.append(backup.path)
    return removed


RECENT_SECONDS = 300


PARTIAL_AGE_SECONDS = 600  # a copy still being written grows all the time; one this old was interrupted


def clean_partial_copies(folder: Path, now: datetime) -> list[Path]:
    """Remove the `.partial`/`.restoring` leftovers of interrupted backups and restores (run at start)."""
    removed: list[Path] = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        if path.name.endswith((".partial", ".restoring")):
            try:
                if now.timestamp() - path.stat().st_mtime >= PARTIAL_AGE_SECONDS:
                    path.unlink()
                    removed.append(path)
            except OSError:  # another process has it open (Windows) or removed it first
                continue
    return removed


def back_up(db_path: Path, folder: Path, now: datetime, *, kind: str = ROTATED,
            progress: Callable[[int, int], None] | None = None) -> Path:
    """Copy the live database into `folder` with the online backup API, then rotate."""
    if not db_path.exists():
        raise DatabaseFileError(f"There is no database at {db_path} to back up.")
    reserved: Path | None = None
    try:
        reserved = _name(kind, now, folder)
        dest = copy_database(db_path, reserved, progress)
    except (OSError, DatabaseFileError) as exc:
        if reserved is not None:
            reserved.unlink(missing_ok=True)
        if isinstance(exc, DatabaseFileError):
            raise
        raise DatabaseFileError(f"The backup could not be written to {folder}: {exc.strerror or exc}.") from exc
    if kind == ROTATED:
        rotate(folder, now, keep_path=dest)
    return dest


def backup_due(folder: Path, now: datetime) -> bool:
    return not any(b.kind == ROTATED and b.taken.date() == now.date() for b in list_backups(folder))


def automatic_backup(db_path: Path, folder: Path, now: datetime) -> Path | None:
    """The start-up backup: at most one a day, and none for a database that does not exist yet."""
    if not db_path.exists() or not backup_due(folder, now):
        return None
    return back_up(db_path, folder, now)


def restore(backup: Path, db_path: Path, folder: Path, now: datetime, *,
            replace: Callable[[Path, Path], None] | None = None,
            sleep: Callable[[float], None] | None = None) -> Path | None:
    """Replace the (closed) database with `backup`, after a safety copy of the current file.

    The caller holds the writer's lock and has closed every connection of its own. The backup is
    checked first (an undamaged OPCC Desktop database of this or an older schema); otherwise nothing
    changes. Returns the safety copy (None when there was no current file). The restored office's
    audit trail gets a line saying so. `replace`/`sleep`: seams for the Windows replace rules."""
    problem = office_problem(backup)
    if problem is None and not integrity_ok(backup):
        problem = "it is damaged"
    if problem is not None:
        raise DatabaseFileError(f"{backup} cannot be restored: {problem}; nothing was restored.")
    counts = record_counts(backup)
    safety = None
    if db_path.exists():
        safety = _name(BEFORE_RESTORE, now, folder)
        if integrity_ok(db_path):
            copy_database(db_path, safety)
        else:  # a damaged file is kept byte for byte, never "repaired"
            shutil.copy2(db_path, safety)
    seams = {k: v for k, v in (("replace", replace), ("sleep", sleep)) if v is not None}
    replace_database(backup, db_path, **seams)  # type: ignore[arg-type]
    _record_restore(db_path, backup, safety, counts)
    return safety


def _record_restore(db_path: Path, backup: Path, safety: Path | None, counts: dict[str, int]) -> None:
    import json

    from ..storage.audit import add_line, set_actor
    from ..storage.database import open_connection
    from .who import current_user_name

    conn = open_connection(db_path, create=False)  # an older backup is upgraded here
    try:
        set_actor(conn, current_user_name())
        with conn:
            add_line(conn, "office", None, "restored from a backup", json.dumps(
                {"summary": f"restored from {backup.name}", "from": str(backup), "counts": counts,
                 "safety_copy": str(safety) if safety else None}, ensure_ascii=False))
    finally:
        conn.close()
