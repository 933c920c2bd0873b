"""Lifecycle and history rules: status changes, closure, superseded links, append-only history."""

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.domain.models import Finding
from opcc_desktop.domain.tracker import (
    HistoryEntry, StatusChange, days_open, is_closed_status, is_overdue, validate_status_change,
)
from opcc_desktop.errors import ValidationError
from opcc_desktop.domain.finding_rows import FindingsQuery

from .conftest import TODAY, finding_id

DAY = date(2026, 11, 20)


def _fields(errors):
    return {e.field for e in errors}


def test_closed_statuses_are_recognised_from_the_editable_list():
    assert is_closed_status("Closed – complete") and is_closed_status(" closed")
    assert not is_closed_status("Not for local action – monitoring national body")
    assert not is_closed_status("Open – in progress")


def test_closing_needs_a_basis_and_an_approver():
    finding = Finding(kind="recommendation", text="x", status="Open – in progress")
    errors = validate_status_change(finding, StatusChange("Closed – complete", DAY, author="A. Clerk"))
    assert _fields(errors) == {"closure_basis", "closure_approved_by"}
    ok = StatusChange("Closed – complete", DAY, "A. Clerk", closure_basis="Evidence reviewed",
                      closure_approved_by="Joint Audit and Scrutiny Panel")
    assert validate_status_change(finding, ok) == []


def test_superseded_needs_what_superseded_it_and_author_is_required():
    finding = Finding(kind="recommendation", text="x", status="Open – in progress")
    change = StatusChange("Closed – superseded by later inspection", DAY, author=" ", closure_basis="b",
                          closure_approved_by="HMICFRS")
    assert _fields(validate_status_change(finding, change)) == {"superseded_by", "author"}


def test_same_status_needs_a_narrative():
    finding = Finding(kind="recommendation", text="x", status="Accepted")
    assert _fields(validate_status_change(finding, StatusChange("Accepted", DAY, "Me"))) == {"narrative"}
    assert validate_status_change(finding, StatusChange("Accepted", DAY, "Me", narrative="Plan agreed")) == []


def test_overdue_uses_the_revised_target_and_ignores_closed():
    finding = Finding(kind="recommendation", text="x", target_date=date(2026, 1, 1), status="Accepted")
    assert is_overdue(finding, TODAY)
    revised = replace(finding, revised_target_date=date(2027, 1, 1), revised_target_reason="Owner changed")
    assert not is_overdue(revised, TODAY)
    assert not is_overdue(replace(finding, status="Closed – complete"), TODAY)
    assert days_open(date(2026, 11, 1), None, TODAY) == 21
    assert days_open(date(2026, 11, 1), date(2026, 11, 11), TODAY) == 10


def test_revised_target_needs_a_reason(demo):
    inspection = demo.inspections.find("29536")
    bad = replace(inspection.findings[0], revised_target_date=date(2027, 3, 31))
    with pytest.raises(ValidationError) as caught:
        demo.inspections.save(replace(inspection, findings=(bad,) + inspection.findings[1:]))
    assert "findings[1].revised_target_reason" in {e.field for e in caught.value.errors}


def test_change_status_writes_finding_and_history_in_one_go(demo):
    fid = finding_id(demo, "29551")
    change = StatusChange("Open – delayed", DAY, author="Policy Officer", on_behalf_of="Chief Executive",
                          narrative="Waiting for the regional 4P template <b>& more</b>", rag="Red")
    changes = demo.tracker.change_status(fid, change)
    finding = demo.tracker.get(fid)
    assert finding.status == "Open – delayed" and finding.rag == "Red"
    assert finding.inspection_id in changes.inspections
    entry = demo.tracker.history(fid)[-1]
    assert (entry.old_status, entry.new_status, entry.author, entry.on_behalf_of) == (
        "Open – in progress", "Open – delayed", "Policy Officer", "Chief Executive")
    assert entry.narrative == "Waiting for the regional 4P template <b>& more</b>"
    assert entry.changed_on == DAY


def test_bad_change_writes_nothing(demo):
    fid = finding_id(demo, "29551")
    before = demo.tracker.get(fid)
    with pytest.raises(ValidationError) as caught:
        demo.tracker.change_status(fid, StatusChange("Closed – complete", DAY, author="Me"))
    assert {"closure_basis", "closure_approved_by"} <= {e.field for e in caught.value.errors}
    assert demo.tracker.get(fid) == before and demo.tracker.history(fid) == []


def test_closing_records_basis_approver_and_date(demo):
    fid = finding_id(demo, "29550")
    demo.tracker.change_status(fid, StatusChange(
        "Closed – superseded by later inspection", DAY, "Me", closure_basis="Re-inspected under PEEL 2025",
        closure_approved_by="HMICFRS", superseded_by="PEEL 2025 AFI 4"))
    finding = demo.tracker.get(fid)
    assert finding.closed_on == DAY and finding.superseded_by == "PEEL 2025 AFI 4"
    assert finding.closure_approved_by == "HMICFRS"
    rows = demo.findings.rows(FindingsQuery(text="analytical"))
    assert rows[0].closed_on == DAY and rows[0].days_open(TODAY) == (DAY - date(2023, 11, 10)).days


def test_history_is_append_only(demo):
    fid = finding_id(demo, "29551")
    demo.tracker.change_status(fid, StatusChange("Accepted", DAY, "Me", narrative="n"))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        demo.db.execute("UPDATE finding_history SET narrative = 'rewritten'")


def test_other_sources_merge_into_displayed_history(demo):
    fid = finding_id(demo, "29551")
    demo.tracker.change_status(fid, StatusChange("Accepted", date(2026, 1, 5), "Me", narrative="n"))
    demo.tracker.history_sources.append(lambda f: [HistoryEntry(
        changed_on=date(2026, 1, 1), new_status="Closed – complete", source="board meeting", finding_id=f)])
    sources = [e.source for e in demo.tracker.history(fid)]
    assert sources == ["board meeting", "status change"]


def test_editor_cannot_close_without_basis_but_records_other_status_edits(demo):
    inspection = demo.inspections.find("29536")
    closing = replace(inspection.findings[0], status="Closed – complete")
    with pytest.raises(ValidationError) as caught:
        demo.inspections.save(replace(inspection, findings=(closing,) + inspection.findings[1:]))
    assert "findings[1].status" in {e.field for e in caught.value.errors}
    moved = replace(inspection.findings[0], status="Accepted")
    demo.inspections.save(replace(inspection, findings=(moved,) + inspection.findings[1:]))
    history = demo.tracker.history(moved.id)
    assert [(h.old_status, h.new_status, h.source) for h in history] == [
        ("Open – in progress", "Accepted", "inspection editor")]


def test_deleting_an_inspection_for_good_removes_its_history(demo):
    fid = finding_id(demo, "29551")
    demo.tracker.change_status(fid, StatusChange("Accepted", DAY, "Me", narrative="n"))
    inspection_id = demo.inspections.find("29536").id
    demo.inspections.delete(inspection_id)
    assert len(demo.tracker.history(fid)) == 1  # a soft delete keeps it for undo
    demo.inspections.purge(inspection_id)
    assert demo.db.execute("SELECT count(*) FROM finding_history").fetchone()[0] == 0


def test_history_narratives_are_searchable_and_open_the_finding(demo):
    fid = finding_id(demo, "29551")
    demo.tracker.change_status(fid, StatusChange("Open – delayed", DAY, "Me", narrative="Quarantined zebrafish \"NEAR\" -x*"))
    hits = [h for h in demo.search("zebrafish") if h.kind == "update"]
    assert [(h.record_id, h.inspection_id) for h in hits] == [(fid, demo.tracker.get(fid).inspection_id)]
    assert "finding update" in hits[0].where
    assert [h.kind for h in demo.search('"NEAR" -x*')] == ["update"]  # FTS syntax searched as text
    fields = {h.kind for h in demo.search("Open delayed")}
    assert "finding" in fields  # the finding's current status is indexed too
