"""Kill a process that is saving inspections at random moments; nothing saved may be lost or damaged.

A second process (tests/crash/partner.py) reads and writes the same file all along, as a window or a
scheduled command would. The default run kills 20 times; `OPCC_LONG_CRASH_TEST=1` runs at least 200
kills (`-m slow`). `Popen.kill` is SIGKILL on POSIX and TerminateProcess on Windows: it runs on both.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from opcc_desktop.services.office import Office
from tests.crash.writer import record_for

ROOT = Path(__file__).resolve().parents[2]


def _run_and_kill(db: Path, start: int, rng: random.Random) -> list[tuple[int, int]]:
    """Start a writer, wait until it is writing, kill it after a random delay; return what it reported."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.writer", str(db), str(start)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready", proc.stderr.read() if proc.stderr else ""
    first = ""
    if rng.random() < 0.5:  # half the kills come after at least one save, however slow the machine
        first = proc.stdout.readline()
    time.sleep(rng.uniform(0, 0.25))
    proc.kill()  # no clean-up runs: SIGKILL on POSIX, TerminateProcess on Windows
    out, err = proc.communicate()
    out = first + out
    assert proc.returncode == (-signal.SIGKILL if sys.platform != "win32" else 1), err[-2000:]
    saved = []
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "saved":  # a torn last line was never reported whole
            saved.append((int(parts[1]), int(parts[2])))
    return saved


def _check(db: Path, reported: dict[int, int], fresh: dict[int, int], rng: random.Random) -> None:
    """Integrity, every reported id present, and exact content of the newest records plus a sample."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        present = {row[0]: row[1] for row in conn.execute("SELECT id, reference FROM inspections")}
    finally:
        conn.close()
    assert all(present.get(record_id) == f"CRASH-{n}" for record_id, n in reported.items())
    sample = dict(rng.sample(sorted(reported.items()), min(50, len(reported))))
    _check_contents(db, {**fresh, **sample})


def _check_contents(db: Path, records: dict[int, int]) -> None:
    office = Office.open(db)
    try:
        for record_id, n in records.items():
            loaded = office.inspections.get(record_id)
            expected = record_for(n)
            assert replace(loaded, id=None, findings=()) == replace(expected, findings=())
            assert [(f.reference, f.text) for f in loaded.findings] == [(f.reference, f.text) for f in expected.findings]
    finally:
        office.close()


def _start_partner(db: Path, stop: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "tests.crash.partner", str(db), str(stop)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _stop_partner(proc: subprocess.Popen, stop: Path) -> dict[int, int]:
    stop.touch()
    out, err = proc.communicate(timeout=60)
    lines = out.splitlines()
    assert not [line for line in lines if line.startswith("error")], (lines[-3:], err)
    assert lines and lines[-1] == "done", err
    return {int(p[1]): int(p[2]) for p in (line.split() for line in lines) if len(p) == 3 and p[0] == "saved"}


def _check_partner(db: Path, saved: dict[int, int]) -> None:
    from tests.crash.partner import side_record

    office = Office.open(db)
    try:
        for record_id, n in saved.items():
            loaded = office.inspections.get(record_id)
            assert (loaded.reference, loaded.title) == (side_record(n).reference, side_record(n).title)
    finally:
        office.close()


def _kill_many(tmp_path: Path, kills: int, seed: int) -> tuple[int, int, int]:
    db = tmp_path / "crash.sqlite3"
    Office.open(db).close()
    rng = random.Random(seed)
    reported: dict[int, int] = {}
    stop = tmp_path / "stop-partner"
    partner = _start_partner(db, stop)
    try:
        for round_number in range(kills):
            fresh = dict(_run_and_kill(db, round_number * 100_000, rng))
            reported.update(fresh)
            _check(db, reported, fresh, rng)
    finally:
        side = _stop_partner(partner, stop)
    _check_contents(db, reported)  # finally, every record ever reported, field by field
    _check_partner(db, side)  # and every record the process alongside reported
    return kills, len(reported), len(side)


def test_killing_a_writer_twenty_times_with_another_process_alongside_loses_nothing(tmp_path):
    kills, records, side = _kill_many(tmp_path, 20, seed=7)
    print(f"crash test: {kills} kills, {records} records of the killed writer and {side} of the process "
          "alongside checked")
    assert records > 0 and side > 0


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("OPCC_LONG_CRASH_TEST") != "1", reason="long run: set OPCC_LONG_CRASH_TEST=1")
def test_killing_a_writer_two_hundred_times_loses_nothing(tmp_path):
    kills, records, side = _kill_many(tmp_path, 200, seed=int(os.environ.get("OPCC_CRASH_SEED", "2026")))
    print(f"crash test: {kills} kills, {records} saved records checked after every kill, {side} alongside")
    assert records > 0 and side > 0
