"""Command-line `backup [DEST]` and `restore FILE` (the clock is read here, never in the services)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TextIO

from . import paths
from .errors import DatabaseFileError

BACKUP_COMMANDS = ("backup", "restore")


def add_backup_parsers(sub, common: argparse.ArgumentParser) -> None:
    p_backup = sub.add_parser("backup", parents=[common],
                              help="copy the database safely (SQLite online backup) to DEST or the backup folder")
    p_backup.add_argument("dest", metavar="DEST", type=Path, nargs="?", default=None,
                          help="a folder (rotated backups) or a FILE.sqlite3 (default: the data folder's backups)")
    p_restore = sub.add_parser("restore", parents=[common],
                               help="replace the database with a backup, keeping a safety copy of the current file")
    p_restore.add_argument("file", metavar="FILE", type=Path)


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db or paths.default_database_path())


def cmd_backup(args: argparse.Namespace, out: TextIO) -> int:
    from .services import backups
    from .storage.backup import copy_database

    db_path = _db_path(args)
    if not db_path.exists():
        raise DatabaseFileError(f"There is no database at {db_path} to back up.")
    dest = args.dest or paths.backup_dir()
    if dest.is_dir():
        backups.clean_partial_copies(dest, datetime.now())  # leftovers of interrupted backups
    if dest.suffix.lower() in (".sqlite3", ".sqlite", ".db") and not dest.is_dir():
        if dest.exists():
            raise DatabaseFileError(f"{dest} already exists; choose a new file name or a folder.")
        made = copy_database(db_path, dest)
    else:
        made = backups.back_up(db_path, dest, datetime.now())
    info = backups.BackupInfo(made, datetime.now(), backups.ROTATED)
    print(f"backed up to {made} ({', '.join(f'{n} {t}' for t, n in info.counts().items())})", file=out)
    return 0


def cmd_restore(args: argparse.Namespace, out: TextIO) -> int:
    from .services import backups

    db_path = _db_path(args)
    if not args.file.is_file():
        raise DatabaseFileError(f"There is no backup file at {args.file}.")
    from .instance_lock import InstanceLock, current_owner

    lock = InstanceLock.acquire(db_path, current_owner(datetime.now()))  # refused while a window has it open
    try:
        safety = backups.restore(args.file, db_path, paths.backup_dir(), datetime.now())
    finally:
        lock.release()
    if safety:
        print(f"the previous database was kept as {safety}", file=out)
    counts = backups.BackupInfo(db_path, datetime.now(), backups.ROTATED).counts()
    print(f"restored {db_path} from {args.file} ({', '.join(f'{n} {t}' for t, n in counts.items())})", file=out)
    return 0


BACKUP_HANDLERS = {"backup": cmd_backup, "restore": cmd_restore}
