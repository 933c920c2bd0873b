import os
import subprocess
import sys
from datetime import datetime

import pytest

from opcc_desktop.domain.instance_lock import LockOwner, lock_holds
from opcc_desktop.instance_lock import DatabaseInUseError, InstanceLock, lock_path, pid_alive

SINCE = datetime(2026, 11, 22, 9, 5)


def _owner(machine="PC-01", pid=None, user="jsmith"):
    return LockOwner(user, machine, os.getpid() if pid is None else pid, SINCE)


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_lock_rules():
    alive = {10}.__contains__
    assert not lock_holds(None, "PC-01", alive)
    assert lock_holds(_owner(pid=10), "pc-01", alive)
    assert not lock_holds(_owner(pid=11), "PC-01", alive)  # same machine, process gone: stale
    assert lock_holds(_owner(machine="PC-02", pid=11), "PC-01", alive)  # cannot check another PC


def test_lock_file_round_trips_and_garbage_is_no_lock():
    owner = _owner(user="Siân O'Brien")
    assert LockOwner.from_json(owner.to_json()) == owner
    assert LockOwner.from_json("") is None and LockOwner.from_json('{"user": 1}') is None
    assert owner.describe() == "This database is open on PC-01 by Siân O'Brien since 22/11/2026 09:05."


def test_second_window_is_refused_naming_machine_and_user_then_free_after_release(tmp_path):
    db = tmp_path / "office.sqlite3"
    first = InstanceLock.acquire(db, _owner())
    with pytest.raises(DatabaseInUseError) as caught:
        InstanceLock.acquire(db, _owner(user="other"))
    assert "open on PC-01 by jsmith since 22/11/2026 09:05" in str(caught.value)
    first.release()
    assert not lock_path(db).exists()
    InstanceLock.acquire(db, _owner(user="other")).release()


def test_stale_and_unreadable_locks_are_taken_over(tmp_path):
    db = tmp_path / "office.sqlite3"
    dead = _dead_pid()
    assert not pid_alive(dead) and pid_alive(os.getpid())
    lock_path(db).write_text(_owner(pid=dead).to_json(), encoding="utf-8")
    lock = InstanceLock.acquire(db, _owner(user="me"))
    assert LockOwner.from_json(lock_path(db).read_text(encoding="utf-8")).user == "me"
    lock.release()
    lock_path(db).write_text("{half a lock", encoding="utf-8")
    InstanceLock.acquire(db, _owner()).release()


def test_a_lock_from_another_machine_is_respected(tmp_path):
    db = tmp_path / "office.sqlite3"
    lock_path(db).write_text(_owner(machine="FRONT-DESK", pid=1).to_json(), encoding="utf-8")
    with pytest.raises(DatabaseInUseError, match="FRONT-DESK"):
        InstanceLock.acquire(db, _owner())
    assert lock_path(db).exists()


def test_a_lock_taken_at_any_moment_is_removed_when_released(tmp_path):
    from datetime import datetime

    from opcc_desktop.instance_lock import InstanceLock, current_owner, lock_path

    database = tmp_path / "office.sqlite3"
    lock = InstanceLock.acquire(database, current_owner(datetime(2026, 11, 23, 7, 47, 54, 979650)))
    assert lock_path(database).exists()
    lock.release()
    assert not lock_path(database).exists()  # the window's lock goes when it closes (microseconds and all)
