"""FTS5 search: the demo's AFI #29551 by "4P plans", FTS syntax taken literally, index kept in step."""

from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.services.office import Office
from opcc_desktop.storage.search import fts_query

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    yield office
    office.close()


def test_phrase_from_the_issue_finds_afi_29551(office):
    hits = office.search("4P plans")
    assert hits and hits[0].kind == "finding"
    finding = next(f for f in office.inspections.find("29536").findings if f.id == hits[0].record_id)
    assert finding.reference == "29551"
    assert "«4P»" in hits[0].snippet


@pytest.mark.parametrize("text", ['"', '""', "*", "-", "NEAR", "NEAR(a b, 3)", "custody AND", "OR", "(", ")",
                                  "a:b", "title:custody", "^", "'; DROP TABLE findings; --", "\x00", "  ", "🙂",
                                  "custody*", '"unbalanced', "NOT custody", "-custody"])
def test_fts_syntax_in_user_text_is_literal_and_never_an_error(office, text):
    office.search(text)  # must not raise
    assert office.inspections.count() == 5


def test_query_building_quotes_every_token():
    assert fts_query('4P "plans') == '"4P"* """plans"*'
    assert fts_query("NEAR(a b)") == '"NEAR(a"* "b)"*'
    assert fts_query("- * ( )") == ""


def test_operator_words_are_searched_as_words(office):
    assert office.search("custody") and office.search("-custody") == office.search("custody")


def test_index_follows_edits_and_deletes(office):
    demo1 = office.inspections.find("DEMO-001")
    assert office.search("Llanfairpwll") == []
    edited = replace(demo1, key_findings="Visited Llanfairpwll custody suite", findings=(
        replace(demo1.findings[0], text="Improve Welsh-language service in Caernarfon"), *demo1.findings[1:]))
    office.inspections.save(edited)
    assert [h.kind for h in office.search("Llanfairpwll")] == ["inspection"]
    assert [h.kind for h in office.search("Caernarfon")] == ["finding"]
    office.inspections.delete(demo1.id)
    assert office.search("Llanfairpwll") == [] and office.search("Caernarfon") == []


def test_diacritics_and_case_are_forgiven(office):
    demo1 = office.inspections.find("DEMO-001")
    office.inspections.save(replace(demo1, pcc_comments="Ymateb i’r adroddiad: gwasanaeth Cymraeg ar gael."))
    assert office.search("CYMRAEG") and office.search("ymateb")
