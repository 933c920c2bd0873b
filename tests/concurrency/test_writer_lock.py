"""One operating-system lock per database for every writer: taken over after a crash, one winner of many."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from opcc_desktop.app import main
from opcc_desktop.domain.instance_lock import LockOwner
from opcc_desktop.instance_lock import DatabaseInUseError, WriterLock, current_owner, owner_path

HOLDER = Path(__file__).with_name("lock_holder.py")
ROOT = Path(__file__).resolve().parents[2]
SINCE = datetime(2026, 11, 22, 9, 5)


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def _start_holder(db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(HOLDER), str(db), *extra], stdout=subprocess.PIPE, text=True,
                            env=_env())


def _wait_for(proc: subprocess.Popen) -> str:
    assert proc.stdout is not None
    return proc.stdout.readline().strip()


def test_a_second_writer_is_told_who_holds_the_file_and_gets_it_after_release(tmp_path):
    db = tmp_path / "office.sqlite3"
    me = LockOwner("Siân O'Brien", "FRONT-DESK", 4321, SINCE)
    first = WriterLock.acquire(db, me)
    with pytest.raises(DatabaseInUseError) as caught:
        WriterLock.acquire(db, LockOwner("other", "PC-2", 1, SINCE))
    assert "open on FRONT-DESK by Siân O'Brien since 22/11/2026 09:05" in str(caught.value)
    first.release()
    assert not owner_path(db).exists()
    WriterLock.acquire(db, LockOwner("other", "PC-2", 1, SINCE)).release()


def test_the_lock_is_taken_over_after_the_holder_is_killed(tmp_path):
    """The old lock was a PID check: a reused process id shut users out. The OS frees this one."""
    db = tmp_path / "office.sqlite3"
    holder = _start_holder(db, "--hold", "60", "--user", "crashed-user")
    try:
        assert _wait_for(holder) == "got"
        with pytest.raises(DatabaseInUseError, match="crashed-user"):
            WriterLock.acquire(db, current_owner(SINCE))
        holder.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up runs
        holder.wait(10)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert read_note(db).user == "crashed-user"  # its note is left behind, and does not matter
    lock = WriterLock.acquire(db, current_owner(SINCE))
    assert read_note(db).pid == os.getpid()
    lock.release()


def read_note(db: Path) -> LockOwner:
    owner = LockOwner.from_json(owner_path(db).read_text(encoding="utf-8"))
    assert owner is not None
    return owner


def test_of_six_simultaneous_starts_exactly_one_gets_the_lock(tmp_path):
    """With a stale lock left by a crash, 2–3 of 6 starts each got the old PID lock in 9 of 40 trials."""
    db = tmp_path / "office.sqlite3"
    (tmp_path / "office.sqlite3.lock").write_text('{"user": "gone", "machine": "x", "pid": 1}', encoding="utf-8")
    for _trial in range(2):
        start_at = time.time() + 1.0  # the interpreters start first, then all try at this instant
        starters = [_start_holder(db, "--hold", "0.5", "--start-at", str(start_at)) for _ in range(6)]
        results = [_wait_for(p) for p in starters]
        for p in starters:
            p.wait(20)
        assert results.count("got") == 1, results
        assert all(r.startswith("refused: This database is open on") for r in results if r != "got"), results


def test_import_is_refused_while_another_process_writes_and_reads_go_on(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    exported = tmp_path / "out.json"
    holder = _start_holder(db, "--hold", "60", "--user", "window-user")
    try:
        assert _wait_for(holder) == "got"
        capsys.readouterr()
        assert main(["--db", str(db), "export", str(exported)]) == 0
        assert main(["--db", str(db), "due", "--today", "2026-11-22"]) == 0
        assert main(["--db", str(db), "check"]) == 0
        capsys.readouterr()
        assert main(["--db", str(db), "import", str(exported)]) == 1
        assert "This database is open on" in capsys.readouterr().err and "window-user" in owner_path(db).read_text()
        assert main(["--db", str(db), "demo"]) == 1
        assert "window-user" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait(10)
    assert main(["--db", str(db), "import", str(exported)]) == 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL by number is POSIX; Popen.kill covers Windows above")
def test_sigkill_by_signal_number_frees_the_lock(tmp_path):
    db = tmp_path / "office.sqlite3"
    holder = _start_holder(db, "--hold", "60")
    assert _wait_for(holder) == "got"
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(10)
    WriterLock.acquire(db, current_owner(SINCE)).release()
