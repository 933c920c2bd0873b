"""`opcc-desktop smoke`: the real program, in a subprocess, offscreen, as IT and the packaging test run it."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def smoke(*args, cwd, data_dir):
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", OPCC_DESKTOP_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "opcc_desktop", *args], cwd=cwd, env=env,
                          check=False, capture_output=True, text=True, timeout=180)


def test_smoke_on_a_temporary_demonstration_office_passes_and_prints_the_time(tmp_path):
    result = smoke("smoke", "--today", "2026-11-22", cwd=tmp_path, data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert "window ready (from start of main):" in result.stdout
    assert "letter rendered:" in result.stdout
    assert "loaded 5 inspection(s), 3 open s.55 response(s)" in result.stdout
    assert result.stdout.rstrip().endswith("smoke test passed")
    assert not (tmp_path / "data" / "opcc-desktop.sqlite3").exists(), "smoke must not create the user's database"


def test_smoke_on_a_given_database(tmp_path):
    db = tmp_path / "office.sqlite3"
    assert smoke("--db", str(db), "demo", cwd=tmp_path, data_dir=tmp_path / "data").returncode == 0
    result = smoke("smoke", "--db", str(db), cwd=tmp_path, data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert f"database: {db}" in result.stdout


def test_smoke_fails_with_a_reason(tmp_path):
    missing = smoke("smoke", "--db", str(tmp_path / "missing.sqlite3"), cwd=tmp_path, data_dir=tmp_path)
    assert missing.returncode == 1
    assert "smoke test FAILED" in missing.stderr and "does not exist" in missing.stderr
    assert not (tmp_path / "missing.sqlite3").exists()
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all")
    broken = smoke("smoke", "--db", str(garbage), cwd=tmp_path, data_dir=tmp_path)
    assert broken.returncode == 1
    assert "cannot open the database" in broken.stderr
    assert "Traceback" not in broken.stderr
    bad_argument = smoke("smoke", "--timeout", "0", cwd=tmp_path, data_dir=tmp_path)
    assert bad_argument.returncode == 2


def test_waiting_gives_up_with_the_step_named(qapp):
    import pytest

    from opcc_desktop.ui.shell.smoke import SmokeFailure, wait_until

    with pytest.raises(SmokeFailure, match="loading the dashboard did not finish"):
        wait_until(lambda: False, 0.05, "loading the dashboard")
