"""Two processes on one database file, for every pair of the window, import, export, due, backup, restore.

Before: `Office.open` read the header with a plain open()/close(), which on POSIX drops every lock
the process holds on the file; a second process could then delete the WAL under the live connection
("database disk image is malformed" in 8 of 8 runs). `restore` ignored other writers (60 saves
reported, 0 kept). Now: no error but a plain refusal, the file passes its integrity check, and every
save the window reported is there.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opcc_desktop.app import main

ROOT = Path(__file__).resolve().parents[2]
ROLES = ("window", "import", "export", "due", "backup", "restore")
SECONDS = 1.2


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    db = folder / "live.sqlite3"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OPCC_DESKTOP_DATA_DIR", str(folder / "data"))
        assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
        assert main(["--db", str(db), "export", str(folder / "office.json")]) == 0
        assert main(["--db", str(db), "backup", str(folder / "known-good.sqlite3")]) == 0
    return folder


def _start(role: str, db: Path, files: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "OPCC_DESKTOP_DATA_DIR": str(files / "data")}
    proc = subprocess.Popen([sys.executable, "-m", "tests.concurrency.actor", role, str(db), str(SECONDS), str(files)],
                            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def run_pair(first: str, second: str, tmp_path: Path, template: Path) -> tuple[dict, dict]:
    import shutil

    db = tmp_path / "office.sqlite3"
    shutil.copy(template / "known-good.sqlite3", db)  # a consistent copy (the live one has its WAL beside it)
    for name in ("office.json", "known-good.sqlite3"):
        shutil.copy(template / name, tmp_path / name)
    procs = [_start(first, db, tmp_path), _start(second, db, tmp_path)]  # the window (if any) locks first
    start_at = f"{time.time() + 0.3}\n"
    for proc in procs:
        proc.stdin.write(start_at)
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert "malformed" not in out + err
        results.append(json.loads(out.strip().splitlines()[-1]))
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for result in results:
            assert result["errors"] == [], result
            if result["role"] == "window" and result["ok"]:  # every save the window reported is there
                stored = conn.execute("SELECT pcc_comments FROM inspections WHERE reference = ?",
                                      [result["reference"]]).fetchone()[0]
                assert stored == f"window save {result['last']}"
    finally:
        conn.close()
    return results[0], results[1]


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations_with_replacement(ROLES, 2)))
def test_two_processes_on_one_file(first, second, tmp_path, template):
    one, two = run_pair(first, second, tmp_path, template)
    assert one["ok"] + one["refused"] > 0 and two["ok"] + two["refused"] > 0
    if "window" in (first, second) and first != second:
        other = two if first == "window" else one
        assert one["ok"] > 0 or two["ok"] > 0
        if other["role"] in ("import", "restore"):  # a second writer is refused while the window writes
            assert other["ok"] == 0 and other["refused"] > 0
