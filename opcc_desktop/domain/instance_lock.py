"""Who has the database open: the lock file's content and whether an existing lock still holds (pure)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime


@dataclass(frozen=True)
class LockOwner:
    user: str
    machine: str
    pid: int
    started: datetime

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "started": self.started.isoformat(timespec="seconds")})

    @classmethod
    def from_json(cls, text: str) -> LockOwner | None:
        """None for an unreadable or incomplete lock file (a crash mid-write): treat as no lock."""
        try:
            data = json.loads(text)
            return cls(str(data["user"]), str(data["machine"]), int(data["pid"]),
                       datetime.fromisoformat(str(data["started"])))
        except (ValueError, TypeError, KeyError):
            return None

    def describe(self) -> str:
        return (f"This database is open on {self.machine} by {self.user} since "
                f"{self.started:%d/%m/%Y %H:%M}.")


def lock_holds(existing: LockOwner | None, machine: str, pid_alive: Callable[[int], bool]) -> bool:
    """True when `existing` belongs to a live program. A lock from this machine whose process is gone
    (the program crashed or the PC was switched off) is stale; a lock from another machine is trusted,
    since its process cannot be checked from here."""
    if existing is None:
        return False
    if existing.machine.casefold() != machine.casefold():
        return True
    return pid_alive(existing.pid)
