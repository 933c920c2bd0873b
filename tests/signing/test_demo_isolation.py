"""The demonstration office lives in its own file: opening it never writes into the user's office, and
`demo` refuses a database that already holds an office."""

from __future__ import annotations

import io
import sqlite3
from datetime import date

from pypdf import PdfReader

from opcc_desktop.app import main
from opcc_desktop.domain.letter_records import HOME_SECRETARY, PUBLISHED_RESPONSE
from opcc_desktop.letters.documents import render_pdf
from opcc_desktop.services.demo_office import open_demo_office
from opcc_desktop.services.office import Office

from .helpers import make_office

TODAY = date(2026, 11, 22)


def dump(path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


def test_opening_the_demo_leaves_the_users_settings_and_signatories_byte_identical(tmp_path):
    user_path = tmp_path / "office.sqlite3"
    office, *_ = make_office(user_path)
    office.close()
    before = {table: dump(user_path, table) for table in ("settings", "signatories", "boards", "inspections")}
    user_bytes = user_path.read_bytes()
    demo = open_demo_office(TODAY, tmp_path / "demonstration-office.sqlite3")
    try:
        assert demo.is_demonstration and not demo.is_empty()
        assert any(s.name == "Ray Bisby" for s in demo.signatories.list())
    finally:
        demo.close()
    assert {table: dump(user_path, table) for table in before} == before
    assert user_path.read_bytes() == user_bytes  # not a byte of the user's file changed
    reopened = Office.open(user_path)
    assert not reopened.is_demonstration
    assert [s.name for s in reopened.signatories.list()] == ["Jane Deputy", "Peter McCall"]
    assert reopened.settings.all()["force_name"] == "Cumbria Constabulary"
    reopened.close()


def test_demo_refuses_a_database_that_already_holds_an_office(tmp_path, capsys):
    path = tmp_path / "office.sqlite3"
    office, *_ = make_office(path)
    office.close()
    before = {table: dump(path, table) for table in ("settings", "signatories", "inspections")}
    assert main(["--db", str(path), "demo", "--today", "2026-11-22"]) == 1
    err = capsys.readouterr().err
    assert "already holds an office (1 inspection, 2 signatories and office settings)" in err
    assert "Traceback" not in err and "own file" in err
    assert {table: dump(path, table) for table in before} == before


def test_settings_alone_count_as_an_office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.settings.update({"office_name": "Cumbria OPFCC", "home_secretary_name": "Shabana Mahmood"})
    try:
        office.load_demo(TODAY)
    except Exception as error:  # noqa: BLE001 - the message is the point
        assert "already holds an office (office settings)" in str(error)
    else:
        raise AssertionError("the demonstration was loaded over the user's settings")
    assert office.settings.all()["home_secretary_name"] == "Shabana Mahmood" and office.is_empty()
    office.close()


def test_every_page_the_demonstration_prints_says_so(tmp_path):
    demo = open_demo_office(TODAY, tmp_path / "demo.sqlite3")
    inspection_id = demo.inspections.find("29536").id
    for kind in (HOME_SECRETARY, PUBLISHED_RESPONSE):
        document = demo.letter_desk.document(inspection_id, kind, TODAY)
        pages = PdfReader(io.BytesIO(render_pdf(document).data)).pages
        assert all("DEMONSTRATION – NOT A REAL OFFICE" in page.extract_text() for page in pages)
    demo.close()
    user, inspection_id, *_ = make_office(tmp_path / "user.sqlite3")
    text = render_pdf(user.letter_desk.document(inspection_id, HOME_SECRETARY, TODAY)).data
    assert "DEMONSTRATION" not in " ".join(p.extract_text() for p in PdfReader(io.BytesIO(text)).pages)
    user.close()


def test_board_papers_progress_report_and_compliance_say_demonstration(tmp_path):
    from opcc_desktop.services.board_papers import board_paper, write_board_paper
    from opcc_desktop.services.progress_report import write_progress_report

    demo = open_demo_office(TODAY, tmp_path / "demo.sqlite3")
    meeting_id = demo.db.execute("SELECT id FROM board_meetings ORDER BY id LIMIT 1").fetchone()[0]
    write_board_paper(board_paper(demo.db, meeting_id, "agenda"), tmp_path / "agenda.pdf")
    write_progress_report(demo.db, tmp_path / "progress.pdf", TODAY)
    (tmp_path / "compliance.pdf").write_bytes(demo.reminders.compliance_pdf(TODAY))
    for name in ("agenda.pdf", "progress.pdf", "compliance.pdf"):
        pages = PdfReader(tmp_path / name).pages
        assert all("DEMONSTRATION – NOT A REAL OFFICE" in page.extract_text() for page in pages), name
    demo.close()


def test_demonstration_data_loaded_into_a_real_office_earlier_can_be_taken_out(tmp_path):
    from dataclasses import replace as _replace

    from .helpers import PASSPHRASE, PNG, inspection

    path = tmp_path / "mixed.sqlite3"
    office = Office.open(path)
    office.load_demo(TODAY)  # as the old "Load demonstration data" did, into the user's own file
    office.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE office_mark SET demonstration = 0")
    office = Office.open(path)
    _own_id, _ = office.inspections.save(inspection())
    office.signatories.add("Peter McCall", "PFCC", PNG, PASSPHRASE, PASSPHRASE)
    office.settings.update({"office_name": "Cumbria OPFCC"})
    edited = office.inspections.find("DEMO-001")
    office.inspections.save(_replace(edited, pcc_comments="Our own words now."))  # real work on a demo record
    removal = office.remove_demo_records(TODAY)
    assert removal.inspections == 4 and removal.signatories == 1 and removal.boards == 5
    remaining = {s.reference or s.title for s in office.inspections.summaries()}
    assert remaining == {"30001", "DEMO-001"}  # the user's own, and the demo record they had worked on
    assert [s.name for s in office.signatories.list()] == ["Peter McCall"]
    settings = office.settings.all()
    assert settings["office_name"] == "Cumbria OPFCC"  # the user's value stays
    assert settings["force_name"] == "" and settings["home_secretary_name"] == ""  # the demo's are cleared
    assert "force_name" in removal.settings and office.boards.boards() == []
    assert "Recently deleted" in removal.summary()
    office.close()


def test_demo_remove_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "office.sqlite3"
    assert main(["--db", str(path), "demo", "--today", "2026-11-22"]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE office_mark SET demonstration = 0")
    capsys.readouterr()
    assert main(["--db", str(path), "demo", "--remove", "--today", "2026-11-22"]) == 0
    assert "5 demonstration inspection(s) moved to Edit → Recently deleted" in capsys.readouterr().out
    assert dump(path, "signatories") == []
