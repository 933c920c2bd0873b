"""One window per database file: a JSON lock file beside it (user, machine, pid, since).

Created atomically (O_EXCL) when the window opens and removed when it closes. A stale lock (same
machine, process gone) is taken over. The command line does not take the lock.
"""

from __future__ import annotations

import getpass
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from .domain.instance_lock import LockOwner, lock_holds
from .errors import DatabaseFileError


class DatabaseInUseError(DatabaseFileError):
    def __init__(self, owner: LockOwner):
        self.owner = owner
        super().__init__(owner.describe() + " Close it there first; only one window may use a database at a time.")


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def current_owner(now: datetime) -> LockOwner:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available is not a reason to refuse to start
        user = "an unknown user"
    # To the second, as the lock file records it: release() compares the file's owner with this one.
    return LockOwner(user, socket.gethostname(), os.getpid(), now.replace(microsecond=0))


class InstanceLock:
    def __init__(self, path: Path, owner: LockOwner):
        self.path = path
        self.owner = owner

    @classmethod
    def acquire(cls, db_path: Path, owner: LockOwner) -> InstanceLock:
        """Take the lock or raise DatabaseInUseError naming who holds it."""
        path = lock_path(db_path)
        path.parent.mkdir(parents=True, exist_ok=True)
        for _attempt in range(2):
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                try:
                    existing = LockOwner.from_json(path.read_text(encoding="utf-8"))
                except OSError:
                    existing = None
                if lock_holds(existing, owner.machine, pid_alive):
                    assert existing is not None
                    raise DatabaseInUseError(existing) from None
                path.unlink(missing_ok=True)  # stale: that program is gone
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(owner.to_json())
            return cls(path, owner)
        raise DatabaseFileError(f"Could not create the lock file {path}.")

    def release(self) -> None:
        """Remove the lock if it is still ours."""
        try:
            current = LockOwner.from_json(self.path.read_text(encoding="utf-8"))
        except OSError:
            return
        if current == self.owner or current is None:
            self.path.unlink(missing_ok=True)
