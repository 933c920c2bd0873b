"""A windowed build starts with sys.stdout/sys.stderr = None: nothing may fail, everything lands in the log."""

import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from opcc_desktop import logging_setup

ROOT = Path(__file__).resolve().parent.parent


def run_windowed(code: str, data_dir: Path):
    """Run `code` in a fresh interpreter whose stdout and stderr are None, as in a windowed .exe."""
    prologue = "import sys\nsys.stdout = None\nsys.stderr = None\n"
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen", OPCC_DESKTOP_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-c", prologue + textwrap.dedent(code)], env=env,
                          check=False, capture_output=True, text=True, timeout=120)


def log_text(data_dir: Path) -> str:
    return (data_dir / "logs" / "opcc-desktop.log").read_text(encoding="utf-8")


def test_a_command_without_console_writes_its_output_and_errors_to_the_log(tmp_path):
    result = run_windowed("""
        from opcc_desktop.app import main
        code = main(["demo", "--today", "2026-11-22"])
        sys.exit(10 + code)
    """, tmp_path)
    assert result.returncode == 10, result.stderr
    text = log_text(tmp_path)
    assert "frozen build: False" in text
    assert "Demonstration records loaded." in text  # the command's stdout, now in the log


def test_a_bad_argument_without_console_is_logged_not_lost(tmp_path):
    result = run_windowed("""
        from opcc_desktop.app import main
        main(["due", "--within", "lots"])
    """, tmp_path)
    assert result.returncode == 2
    assert "expected a whole number of days" in log_text(tmp_path)


def test_smoke_without_console_passes_and_logs_its_report(tmp_path):
    result = run_windowed("""
        from opcc_desktop.app import main
        sys.exit(main(["smoke"]))
    """, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "smoke test passed" in log_text(tmp_path)


def test_ensure_std_streams_replaces_only_missing_streams(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert logging_setup.ensure_std_streams()
    assert isinstance(sys.stderr, logging_setup.LogStream)
    assert not logging_setup.has_console()
    assert not logging_setup.ensure_std_streams()  # already replaced


def test_log_stream_logs_whole_lines(caplog):
    stream = logging_setup.LogStream(logging.getLogger("test.stream"), logging.WARNING)
    with caplog.at_level(logging.INFO, logger="test.stream"):
        stream.write("first part, ")
        stream.write("second part\nnext")
        assert [r.getMessage() for r in caplog.records] == ["first part, second part"]
        stream.flush()
    assert [r.getMessage() for r in caplog.records] == ["first part, second part", "next"]


def test_unwritable_data_folder_falls_back_to_a_temporary_log(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path / "tmp"))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        log_file = logging_setup.setup_logging(blocker / "logs", console=False)
        assert log_file == tmp_path / "tmp" / logging_setup.FALLBACK_DIR_NAME / "opcc-desktop.log"
    finally:
        for handler in set(root.handlers) - set(before):
            root.removeHandler(handler)
            handler.close()


def test_a_large_log_is_rotated_at_start_keeping_five_old_ones(tmp_path):
    from opcc_desktop.logging_setup import KEEP_OLD_LOGS, LOG_FILENAME, ROTATE_AT_BYTES, rotate_if_large

    log = tmp_path / LOG_FILENAME
    for number in range(1, KEEP_OLD_LOGS + 1):
        (tmp_path / f"{LOG_FILENAME}.{number}").write_text(f"old {number}", encoding="utf-8")
    log.write_text("x" * (ROTATE_AT_BYTES - 1), encoding="utf-8")
    rotate_if_large(log)
    assert log.exists() and not (tmp_path / f"{LOG_FILENAME}.6").exists()  # small: left alone
    log.write_text("x" * ROTATE_AT_BYTES, encoding="utf-8")
    rotate_if_large(log)
    assert not log.exists()
    assert (tmp_path / f"{LOG_FILENAME}.1").stat().st_size == ROTATE_AT_BYTES
    assert (tmp_path / f"{LOG_FILENAME}.2").read_text(encoding="utf-8") == "old 1"
    assert (tmp_path / f"{LOG_FILENAME}.5").read_text(encoding="utf-8") == "old 4"  # "old 5" dropped
    assert not (tmp_path / f"{LOG_FILENAME}.6").exists()


def test_a_hard_crash_in_a_windowed_build_leaves_its_stack_in_the_log(tmp_path):
    """No stderr (a windowed executable) used to mean a Qt or printer-driver crash left nothing at all."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    script = ("import sys; sys.stdout = None; sys.stderr = None\n"
              "from pathlib import Path\n"
              "from opcc_desktop.logging_setup import ensure_std_streams, setup_logging\n"
              "ensure_std_streams()\n"
              f"setup_logging(Path({str(tmp_path)!r}), console=False)\n"
              "import faulthandler; faulthandler._sigsegv()\n")
    proc = subprocess.run([sys.executable, "-c", script], check=False, cwd=root, capture_output=True, text=True, timeout=60)
    assert proc.returncode != 0
    log = (tmp_path / "opcc-desktop.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in log and "line 6" in log
