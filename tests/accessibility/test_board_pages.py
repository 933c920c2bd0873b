"""Agenda and minutes as web pages: structure, escaping, the command line, and axe-core and reflow in Chromium."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from opcc_desktop.app import main
from opcc_desktop.letters.board_paper_data import BoardPaperData, PaperAction, PaperItem
from opcc_desktop.letters.board_paper_html import render_board_paper_html

from .browser import axe_violations, horizontal_overflow, open_page
from .pages import ARABIC, HOSTILE, LONG_WORD, WELSH, heading_levels_in_order, outline, tiny_png

COMMITTEE = "Cumbria Police Authority Audit and Performance Committee"


def hostile_minutes(kind: str = "minutes") -> BoardPaperData:
    item = PaperItem(number="7", title=f"Collaboration {HOSTILE}", presenter="A report by the Chief Constable",
                     purpose="for decision", exempt_ground="", papers=(f"Paper {LONG_WORD}",),
                     links=("#29536 – An inspection",), notes=f"{WELSH}\n\n{ARABIC}", resolution=f"Agreed {HOSTILE}",
                     actions=("Action 002",), carried=("Action 001 (open): Trainers <to> meet",))
    action = PaperAction(number="002", description=f"Scope {HOSTILE}", owner="C: Nathan Parry; L: S Fillingham",
                         due="30/09/2005", status="open", source="27/07/2005 item 7",
                         updates=("12/09/2005: Trainers met & agreed",))
    return BoardPaperData(
        kind=kind, office_name="Cumbria OPFCC", office_address_lines=(), office_contact_lines=(),
        board_name=f"{COMMITTEE} <b>", meeting_line="Wednesday 27 July 2005 at 10:00, Carleton Hall, Penrith",
        status="minutes draft", present=("Cllr A <Chair>",), absent=(), apologies=(), declarations=(),
        items=(item,), action_log=(action,), subject="s", pdf_title="t", pdf_author="a", pdf_subject="s",
        logo_png=tiny_png(), held_on=date(2005, 7, 27))


def test_minutes_page_structure_and_escaping():
    page = render_board_paper_html(hostile_minutes(), logo_alt="Cumbria OPFCC")
    parsed = outline(page)
    assert heading_levels_in_order([level for level, _ in parsed.headings]), parsed.headings
    assert [h for _, h in parsed.headings][:3] == [f"{COMMITTEE} <b>: Minutes (draft)", "Attendance", "Items"]
    assert "Action log" in [h for _, h in parsed.headings]
    assert ("time", {"datetime": "2005-07-27"}) in parsed.attributes
    assert ("time", {"datetime": "2005-09-30"}) in parsed.attributes  # the due date
    assert ("time", {"datetime": "2005-09-12"}) in parsed.attributes  # the update's date
    assert ("th", {"scope": "col"}) in parsed.attributes and ("th", {"scope": "row"}) in parsed.attributes
    assert "<Chair>" not in page and "&lt;Chair&gt;" in page and "<script>" not in page
    assert "<strong>Open</strong>" in page  # the status is written out
    images = [attrs for tag, attrs in parsed.attributes if tag == "img"]
    assert [a["alt"] for a in images] == ["Cumbria OPFCC"] and "script" not in parsed.tags


def test_agenda_has_no_minutes_parts_and_no_logo_without_alt_text():
    page = render_board_paper_html(hostile_minutes("agenda"))
    headings = [h for _, h in outline(page).headings]
    assert headings[0].endswith(": Agenda") and "Attendance" not in headings and "Action log" not in headings
    assert "<img" not in page and "Agreed" not in page


def test_board_paper_command_writes_web_pages(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    for kind in ("agenda", "minutes"):
        out = tmp_path / f"{kind}.html"
        assert main(["--db", db, "board-paper", COMMITTEE, "2005-07-27", "--kind", kind, "--out", str(out)]) == 0
        assert "Collaboration project with Lancashire Constabulary" in out.read_text(encoding="utf-8")
    assert main(["--db", db, "board-paper", COMMITTEE, "2005-07-27", "--out", str(tmp_path / "a.pdf")]) == 0
    assert (tmp_path / "a.pdf").read_bytes()[:5] == b"%PDF-"
    assert "Wrote" in capsys.readouterr().out


@pytest.fixture
def board_pages(tmp_path) -> list[Path]:
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    paths = []
    for kind in ("agenda", "minutes"):
        out = tmp_path / f"{kind}.html"
        assert main(["--db", db, "board-paper", COMMITTEE, "2005-07-27", "--kind", kind, "--out", str(out)]) == 0
        paths.append(out)
    hostile = tmp_path / "hostile-minutes.html"
    hostile.write_text(render_board_paper_html(hostile_minutes(), logo_alt="Cumbria OPFCC"), encoding="utf-8")
    return [*paths, hostile]


@pytest.mark.parametrize("width", [1280, 320])
def test_board_pages_pass_axe_core_and_reflow(browser, board_pages, width):
    for path in board_pages:
        open_page(browser, path, width)
        assert axe_violations(browser) == [], path.name
        scroll_width, viewport = horizontal_overflow(browser)
        assert scroll_width <= viewport, path.name
