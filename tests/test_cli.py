"""The command line is a public promise: exit codes, messages, no tracebacks, JSON shapes."""

import json
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from opcc_desktop.app import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "opcc_desktop", *args], cwd=cwd, env=env,
                          check=False, capture_output=True, text=True, timeout=120)


def test_whole_loop_through_the_real_command(tmp_path):
    db = str(tmp_path / "office.sqlite3")
    assert run("--db", db, "demo", "--today", "2026-11-22", cwd=tmp_path).returncode == 0
    due = run("--db", db, "due", "--today", "2026-11-22", "--json", cwd=tmp_path)
    assert due.returncode == 0, due.stderr
    items = json.loads(due.stdout)
    assert {"what", "inspection", "due", "days_left", "overdue"} <= set(items[0])
    assert [(i["inspection"], i["due"], i["days_left"], i["overdue"]) for i in items] == [
        ("DEMO-003", "2026-11-17", -5, True), ("DEMO-002", "2026-11-27", 5, False)]
    letter = run("--db", db, "letter", "29536", "--out", str(tmp_path / "l.pdf"), "--date", "2023-12-20", cwd=tmp_path)
    assert letter.returncode == 0, letter.stderr
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "l.pdf").pages)
    assert "north-west regional response" in text
    assert "20th December 2023" in text


def test_bad_import_prints_the_record_and_field_and_changes_nothing(tmp_path):
    db = str(tmp_path / "office.sqlite3")
    run("--db", db, "demo", cwd=tmp_path)
    before = run("--db", db, "export", str(tmp_path / "before.json"), cwd=tmp_path)
    assert before.returncode == 0
    bad = {"format": "opcc-desktop", "version": 1, "inspections": [
        {"reference": "1", "title": "Fine", "type": "Other", "published": "2024-01-01", "findings": []},
        {"reference": "2", "title": "Broken", "type": "Other", "published": "2024-01-01",
         "findings": [{"kind": "recommendation", "text": "x", "target_date": "2024-02-30"}]}]}
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    result = run("--db", db, "import", "bad.json", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "inspections[1]" in result.stderr and "target_date" in result.stderr
    run("--db", db, "export", str(tmp_path / "after.json"), cwd=tmp_path)
    strip = lambda p: {k: v for k, v in json.loads(p.read_text()).items() if k != "app_version"}
    assert strip(tmp_path / "before.json") == strip(tmp_path / "after.json")


def test_errors_are_messages_not_tracebacks(tmp_path, capsys):
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all")
    assert main(["--db", str(garbage), "check"]) == 1
    err = capsys.readouterr().err
    assert "not an OPCC Desktop database" in err and "Traceback" not in err
    assert garbage.read_bytes() == b"not a database at all"

    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo"]) == 0
    assert main(["--db", db, "letter", "nope", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "No inspection has the HMICFRS reference 'nope'" in capsys.readouterr().err
    assert main(["--db", db, "import", str(tmp_path / "missing.json")]) == 1
    assert "Cannot read" in capsys.readouterr().err
    (tmp_path / "notjson.json").write_text("{oops", encoding="utf-8")
    assert main(["--db", db, "import", str(tmp_path / "notjson.json")]) == 1
    assert "not valid JSON" in capsys.readouterr().err


def test_due_text_and_window_option(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    main(["--db", db, "demo", "--today", "2026-11-22"])
    capsys.readouterr()
    assert main(["due", "--db", db, "--today", "2026-11-10", "--within", "10"]) == 0
    out = capsys.readouterr().out
    assert "DEMO-003" in out and "7 days left" in out and "DEMO-002" not in out
    assert main(["--db", db, "due", "--today", "2030-01-01", "--within", "0", "--json"]) == 0
    overdue = json.loads(capsys.readouterr().out)
    assert {i["inspection"] for i in overdue} == {"DEMO-001", "DEMO-002", "DEMO-003"}
    assert all(i["overdue"] for i in overdue)


def test_bad_arguments_exit_2(tmp_path):
    result = run("--db", str(tmp_path / "x.sqlite3"), "due", "--today", "2026-02-30", cwd=tmp_path)
    assert result.returncode == 2
    assert "not a real date" in result.stderr and "Traceback" not in result.stderr


def test_check_reports_schema(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    main(["--db", db, "demo"])
    capsys.readouterr()
    assert main(["--db", db, "check"]) == 0
    out = capsys.readouterr().out
    from opcc_desktop.storage.migrations import known_migration_names

    schema = f"schema version: {len(known_migration_names())}"
    assert "integrity: ok" in out and schema in out and "inspections: 5" in out


def test_the_window_arguments_parse_alike_on_the_fast_path_and_the_full_command_line():
    from opcc_desktop.app import window_only_arguments
    from opcc_desktop.cli import build_parser

    for argv in ([], ["--db", "office.sqlite3"], ["--db=C:/OPCC/office.sqlite3"]):
        fast = window_only_arguments(argv)
        assert fast is not None
        assert vars(fast) == vars(build_parser().parse_args(argv))
    for argv in (["--help"], ["--version"], ["due"], ["--db"], ["--db", "x", "due"], ["--db", "--oops"], ["--bogus"]):
        assert window_only_arguments(argv) is None  # the full command line answers these
