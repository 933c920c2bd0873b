from datetime import datetime

from opcc_desktop.domain.instance_lock import UNKNOWN_HOLDER, LockOwner, describe_holder
from opcc_desktop.instance_lock import WriterLock, lock_path, owner_path

SINCE = datetime(2026, 11, 22, 9, 5)


def test_the_holders_note_round_trips_and_garbage_reads_as_unknown():
    owner = LockOwner("Siân O'Brien", "PC-01", 10, SINCE)
    assert LockOwner.from_json(owner.to_json()) == owner
    assert LockOwner.from_json("") is None and LockOwner.from_json('{"user": 1}') is None
    assert LockOwner.from_json("[1, 2]") is None
    assert describe_holder(owner) == "This database is open on PC-01 by Siân O'Brien since 22/11/2026 09:05."
    assert describe_holder(None) == UNKNOWN_HOLDER


def test_a_leftover_note_or_lock_file_never_shuts_anyone_out(tmp_path):
    """The PID check trusted a lock file from another machine (or a reused pid) for ever."""
    db = tmp_path / "office.sqlite3"
    lock_path(db).write_text(LockOwner("x", "FRONT-DESK", 1, SINCE).to_json(), encoding="utf-8")
    owner_path(db).write_text(LockOwner("x", "FRONT-DESK", 1, SINCE).to_json(), encoding="utf-8")
    lock = WriterLock.acquire(db, LockOwner("me", "PC-01", 2, SINCE))
    assert LockOwner.from_json(owner_path(db).read_text(encoding="utf-8")).user == "me"
    lock.release()
    lock.release()  # twice is harmless
    assert not owner_path(db).exists()
