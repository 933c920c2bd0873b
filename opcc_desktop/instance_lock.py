"""One writer per database: an operating-system lock on `<database>.lock`, held by every process that writes.

The window, `import`, `restore`, `demo` and any open that creates or upgrades the file take it. The
lock is the operating system's (`filelock`: flock on POSIX, LockFileEx on Windows), so it goes when
the holder's process ends, however it ends: a crash or a reused process id never shuts anyone out.
Read-only commands (`export`, `due`, `check`) do not take it; they read alongside through WAL.

The holder writes a note beside it (`<database>.lock-owner`: user, machine, pid, since) so a second
writer is told who has the file. The note is only information; the OS lock decides.
"""

from __future__ import annotations

import getpass
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .domain.instance_lock import LockOwner, describe_holder
from .errors import DatabaseFileError

if TYPE_CHECKING:
    from filelock import BaseFileLock


class DatabaseInUseError(DatabaseFileError):
    def __init__(self, owner: LockOwner | None):
        self.owner = owner
        super().__init__(describe_holder(owner) + " Close it there first; only one program may change a database "
                         "at a time.")


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def owner_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock-owner")


def current_owner(now: datetime) -> LockOwner:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available is not a reason to refuse to start
        user = "an unknown user"
    return LockOwner(user, socket.gethostname(), os.getpid(), now.replace(microsecond=0))


def read_owner(db_path: Path) -> LockOwner | None:
    try:
        return LockOwner.from_json(owner_path(db_path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None


def _holder(db_path: Path, wait: float = 1.0) -> LockOwner | None:
    """The holder's note; a holder that has just taken the lock writes it a moment later."""
    import time

    deadline = time.monotonic() + wait
    while (owner := read_owner(db_path)) is None and time.monotonic() < deadline:
        time.sleep(0.02)
    return owner


def _key(db_path: Path) -> str:
    return os.path.normcase(os.path.abspath(db_path))


_held: dict[str, WriterLock] = {}
_held_guard = threading.Lock()


class WriterLock:
    """The writer's lock on one database; `release()` (or the process ending) frees it."""

    def __init__(self, db_path: Path, owner: LockOwner, os_lock: BaseFileLock):
        self.db_path = db_path
        self.path = lock_path(db_path)
        self.owner = owner
        self._os_lock = os_lock

    @classmethod
    def acquire(cls, db_path: Path, owner: LockOwner, timeout: float = 0) -> WriterLock:
        """Take the lock (waiting up to `timeout` seconds) or raise DatabaseInUseError naming who holds it."""
        from filelock import FileLock, Timeout

        db_path = Path(db_path)
        db_path.parent.mkdir(parents=True, exist_ok=True)
        # thread_local=False: the window takes it on the main thread and may release it from any thread.
        os_lock = FileLock(str(lock_path(db_path)), timeout=timeout, thread_local=False)
        try:
            os_lock.acquire()
        except Timeout:
            raise DatabaseInUseError(_holder(db_path)) from None
        except OSError as exc:
            raise DatabaseFileError(f"Could not lock {db_path} for writing: {exc.strerror or exc}.") from exc
        lock = cls(db_path, owner, os_lock)
        lock._write_note()
        with _held_guard:
            _held[_key(db_path)] = lock
        return lock

    def _write_note(self) -> None:
        note = owner_path(self.db_path)
        staged = note.with_name(f"{note.name}.{os.getpid()}.tmp")
        try:
            staged.write_text(self.owner.to_json(), encoding="utf-8")
            os.replace(staged, note)  # readers see the old note or the new one, never half of one
        except OSError:  # the note is information only; the OS lock is what counts
            staged.unlink(missing_ok=True)

    @property
    def is_held(self) -> bool:
        return self._os_lock.is_locked

    def release(self) -> None:
        """Free the lock (idempotent). The lock file stays: removing it would let two holders lock two files."""
        if not self._os_lock.is_locked:
            return
        with _held_guard:
            if _held.get(_key(self.db_path)) is self:
                del _held[_key(self.db_path)]
        if read_owner(self.db_path) == self.owner:
            owner_path(self.db_path).unlink(missing_ok=True)
        self._os_lock.release(force=True)


InstanceLock = WriterLock  # the window's name for it


def held_here(db_path: Path) -> WriterLock | None:
    """The lock on `db_path` this process holds, if any."""
    with _held_guard:
        lock = _held.get(_key(db_path))
    return lock if lock is not None and lock.is_held else None


@contextmanager
def writing(db_path: Path, now: datetime | None = None) -> Iterator[None]:
    """Hold the writer's lock for the block: a no-op when this process already holds it."""
    if held_here(db_path) is not None:
        yield
        return
    lock = WriterLock.acquire(db_path, current_owner(now or datetime.now()), timeout=2)
    try:
        yield
    finally:
        lock.release()


def held_locks() -> frozenset[WriterLock]:
    """Every writer's lock this process holds now."""
    with _held_guard:
        return frozenset(_held.values())
