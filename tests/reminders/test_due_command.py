"""`due --kinds/--format/--out`: additions to the public command; the old output is unchanged."""

import json

from icalendar import Calendar

from opcc_desktop.app import main


def demo_db(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    capsys.readouterr()
    return db


def test_default_is_still_s55_only_and_json_flag_still_works(tmp_path, capsys):
    db = demo_db(tmp_path, capsys)
    assert main(["--db", db, "due", "--today", "2026-11-22", "--json"]) == 0
    old = json.loads(capsys.readouterr().out)
    assert main(["--db", db, "due", "--today", "2026-11-22", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == old
    assert {i["what"] for i in old} == {"s55 response"}


def test_all_kinds_in_text_and_json(tmp_path, capsys):
    db = demo_db(tmp_path, capsys)
    assert main(["--db", db, "due", "--today", "2026-11-22", "--kinds", "all", "--within", "60"]) == 0
    text = capsys.readouterr().out
    assert "internal target\tDEMO-001\tdue 01/12/2026\t9 days left" in text
    assert "board action\tPublic Accountability Conference action 001" in text
    assert main(["--db", db, "due", "--today", "2026-11-22", "--kinds", "finding,action", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["kind"] for r in rows} == {"finding", "action"}
    assert all({"what", "reference", "title", "due", "days_left", "overdue"} <= set(r) for r in rows)


def test_ics_to_a_file_lists_every_open_deadline(tmp_path, capsys):
    db = demo_db(tmp_path, capsys)
    out = tmp_path / "deadlines.ics"
    assert main(["--db", db, "due", "--today", "2026-11-22", "--kinds", "all", "--format", "ics",
                 "--out", str(out)]) == 0
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    summaries = [str(e["summary"]) for e in events]
    assert any("DEMO-001" in s and "s.55" in s for s in summaries), "beyond 28 days: ics lists every open deadline"
    assert len(events) >= 8


def test_unknown_kind_is_a_message_not_a_traceback(tmp_path, capsys):
    db = demo_db(tmp_path, capsys)
    assert main(["--db", db, "due", "--kinds", "soon"]) == 1
    err = capsys.readouterr().err
    assert "Unknown reminder kind 'soon'" in err and "Traceback" not in err
