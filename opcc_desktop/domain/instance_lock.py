"""Who holds the database for writing: the holder's note beside the lock (user, machine, pid, since), pure.

The lock itself is an operating-system lock (see `opcc_desktop/instance_lock.py`); this note only
says who holds it, so a second writer can be told in plain words. The pid is for the log: it is
never used to decide whether the lock holds (process ids are reused, on Windows very quickly).
"""

from __future__ import annotations

import json
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
        """None for an unreadable or incomplete note (a crash mid-write)."""
        try:
            data = json.loads(text)
            return cls(str(data["user"]), str(data["machine"]), int(data["pid"]),
                       datetime.fromisoformat(str(data["started"])))
        except (ValueError, TypeError, KeyError, AttributeError):
            return None

    def describe(self) -> str:
        return (f"This database is open on {self.machine} by {self.user} since "
                f"{self.started:%d/%m/%Y %H:%M}.")


UNKNOWN_HOLDER = "This database is open in another OPCC Desktop program or command (who could not be read)."


def describe_holder(owner: LockOwner | None) -> str:
    return owner.describe() if owner is not None else UNKNOWN_HOLDER
