"""Kill a process that is saving inspections at random moments; nothing saved may be lost or damaged.

The default run kills 20 times; `OPCC_LONG_CRASH_TEST=1` runs at least 200 kills (`-m slow`).
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
    time.sleep(rng.uniform(0, 0.25))
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up code runs either way
    out, _ = proc.communicate()
    assert proc.returncode == (1 if os.name == "nt" else -signal.SIGKILL)  # Popen.kill terminates with 1 on Windows
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


def _kill_many(tmp_path: Path, kills: int, seed: int) -> tuple[int, int]:
    db = tmp_path / "crash.sqlite3"
    Office.open(db).close()
    rng = random.Random(seed)
    reported: dict[int, int] = {}
    for round_number in range(kills):
        fresh = dict(_run_and_kill(db, round_number * 100_000, rng))
        reported.update(fresh)
        _check(db, reported, fresh, rng)
    _check_contents(db, reported)  # finally, every record ever reported, field by field
    return kills, len(reported)


def test_killing_a_writer_twenty_times_loses_nothing(tmp_path):
    _kills, records = _kill_many(tmp_path, 20, seed=7)
    assert records > 0


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("OPCC_LONG_CRASH_TEST") != "1", reason="long run: set OPCC_LONG_CRASH_TEST=1")
def test_killing_a_writer_two_hundred_times_loses_nothing(tmp_path):
    kills, records = _kill_many(tmp_path, 200, seed=int(os.environ.get("OPCC_CRASH_SEED", "2026")))
    print(f"crash test: {kills} kills, {records} saved records checked after every kill")
    assert records > 0
