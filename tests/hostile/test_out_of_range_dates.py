"""Dates outside 1900–2199 are refused at input; a stored year-9999 date never breaks `due` or the window."""

from __future__ import annotations

import json
from datetime import date

import pytest

from opcc_desktop.app import main
from opcc_desktop.domain.dates import parse_iso_date, parse_uk_date, shift
from opcc_desktop.domain.deadlines import s55_last_day
from opcc_desktop.domain.spreadsheet_values import cell_date
from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)
HOSTILE = ("9999-11-08", "9999-12-31", "0001-01-01", "1899-12-31", "2200-01-01")


@pytest.mark.parametrize("text", HOSTILE)
def test_form_json_and_spreadsheet_refuse_years_outside_1900_to_2199(text):
    with pytest.raises(ValueError, match="1900–2199"):
        parse_iso_date(text)
    uk = f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    with pytest.raises(ValueError, match="1900–2199"):
        parse_uk_date(uk)
    with pytest.raises(ValueError, match="1900–2199"):
        cell_date(uk)
    with pytest.raises(ValueError, match="1900–2199"):
        cell_date(date.fromisoformat(text))  # an Excel date cell
    assert parse_iso_date("2199-12-31") == date(2199, 12, 31) and parse_uk_date("01/01/1900") == date(1900, 1, 1)


def test_an_import_with_a_year_9999_publication_date_is_refused_and_nothing_written(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    document = {"format": "opcc-desktop", "version": 1, "inspections": [
        {"reference": "HOSTILE-1", "title": "Year nine thousand", "type": "PEEL", "published": "9999-11-08"}]}
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    assert main(["--db", str(db), "import", str(hostile)]) == 1
    err = capsys.readouterr().err
    assert "Nothing was imported" in err and "1900–2199" in err and "Traceback" not in err


def test_date_arithmetic_never_raises_at_the_calendars_ends():
    assert s55_last_day(date(9999, 12, 31)) == date.max
    assert shift(date(1, 1, 1), days=-1) == date.min and shift(date(9999, 12, 1), months=3) == date.max


def test_a_year_9999_date_already_in_the_file_breaks_neither_due_nor_the_offices_lists(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    assert main(["--db", str(db), "demo", "--today", "2026-11-22"]) == 0
    writer = Office.open(db)  # as an older version let it in: written straight into the file
    conn = writer.conn
    conn.execute("UPDATE inspections SET published = '9999-11-08', response_published = NULL "
                 "WHERE id = (SELECT min(id) FROM inspections)")
    conn.execute("UPDATE findings SET target_date = '9999-12-31' WHERE id = (SELECT min(id) FROM findings)")
    conn.commit()
    conn.close()
    capsys.readouterr()
    for command in (["due", "--today", "2026-11-22"], ["due", "--today", "2026-11-22", "--within", "999999999"],
                    ["due", "--today", "2026-11-22", "--format", "ics", "--out", str(tmp_path / "d.ics")],
                    ["due", "--today", "2026-11-22", "--json"],
                    ["progress-report", "--today", "2026-11-22", "--out", str(tmp_path / "p.pdf")]):
        assert main(["--db", str(db), *command]) == 0, (command, capsys.readouterr().err)
    office = Office.open(db)
    try:
        office.due(TODAY)
        office.reminders.current(TODAY)
        office.reminders.due_things()
        office.reminders.calendar(TODAY)
        office.reminders.compliance(TODAY)
        assert office.inspections.summaries()
    finally:
        office.close()
