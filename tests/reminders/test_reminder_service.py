"""Reminders gathered from a real database: s.55, internal targets, findings, board actions; ICS."""

from datetime import date, timedelta

import pytest
from icalendar import Calendar

from opcc_desktop.errors import UserFacingError, ValidationError
from opcc_desktop.services.calendar_export import deadlines_calendar
from opcc_desktop.services.office import Office
from opcc_desktop.services.reminders import parse_kinds

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    yield office
    office.close()


def test_every_kind_is_gathered_from_the_demo_office(office):
    things = office.reminders.due_things()
    kinds = {t.kind for t in things}
    assert kinds == {"s55", "internal", "cc_reply", "finding", "undated_finding", "action"}
    demo3 = office.inspections.find("DEMO-003")
    s55 = next(t for t in things if t.key == f"s55:{demo3.id}")
    internal = next(t for t in things if t.key == f"internal:{demo3.id}")
    assert s55.due == demo3.published + timedelta(days=55)
    assert internal.due == demo3.published + timedelta(days=29)  # default internal target: 30 days


def test_internal_target_setting_moves_or_removes_the_target(office):
    office.settings.update({"internal_target_days": "10"})
    demo1 = office.inspections.find("DEMO-001")
    internal = next(t for t in office.reminders.due_things(("internal",)) if t.inspection_id == demo1.id)
    assert internal.due == demo1.published + timedelta(days=9)
    office.settings.update({"internal_target_days": ""})
    assert office.reminders.due_things(("internal",)) == []
    with pytest.raises(ValidationError):
        office.settings.update({"internal_target_days": "ninety"})
    with pytest.raises(ValidationError):
        office.settings.update({"reminder_lead_days": "soon"})


def test_snooze_and_acknowledge_are_stored_and_restorable(office):
    first = office.reminders.current(TODAY)[0]
    changes = office.reminders.snooze(first.thing, TODAY, TODAY + timedelta(days=3))
    assert changes.reminders
    assert first.thing.key not in [r.thing.key for r in office.reminders.current(TODAY)]
    office.reminders.restore(first.thing)
    assert first.thing.key in [r.thing.key for r in office.reminders.current(TODAY)]
    with pytest.raises(UserFacingError):
        office.reminders.snooze(first.thing, TODAY, TODAY)


def test_closed_findings_do_not_remind(office):
    inspection = office.inspections.find("DEMO-001")
    from dataclasses import replace

    findings = tuple(replace(f, target_date=TODAY + timedelta(days=5), status="Open – in progress")
                     for f in inspection.findings)
    office.inspections.save(replace(inspection, findings=findings))
    assert len([t for t in office.reminders.due_things(("finding",)) if t.inspection_id == inspection.id]) == 2
    saved = office.inspections.find("DEMO-001")  # as stored now (a stale copy would be refused as a conflict)
    closed = tuple(replace(f, status="Closed – complete", closure_basis="Done", closure_approved_by="JASP")
                   for f in saved.findings)
    office.inspections.save(replace(saved, findings=closed))
    assert [t for t in office.reminders.due_things(("finding",)) if t.inspection_id == inspection.id] == []


def test_ics_parses_back_with_one_event_per_deadline_and_stable_uids(office):
    things = office.reminders.due_things()
    first = Calendar.from_ical(deadlines_calendar(things, TODAY, "OPCC for Cumbria"))
    events = first.walk("VEVENT")
    assert len(events) == len(things)
    demo2 = office.inspections.find("DEMO-002")
    s55 = next(e for e in events if "DEMO-002" in str(e["summary"]) and "s.55" in str(e["summary"]))
    assert s55.decoded("dtstart") == demo2.published + timedelta(days=55)
    # a later export (another day, a moved date) keeps every UID: Outlook updates, never duplicates
    later = Calendar.from_ical(deadlines_calendar(office.reminders.due_things(), TODAY + timedelta(days=9), "OPCC for Cumbria"))
    assert {str(e["uid"]) for e in later.walk("VEVENT")} == {str(e["uid"]) for e in events}
    assert len({str(e["uid"]) for e in events}) == len(events)


def test_kinds_are_parsed_with_a_clear_message():
    assert parse_kinds("all") == ("s55", "internal", "cc_reply", "finding", "undated_finding", "action")
    assert parse_kinds("finding, s55,finding") == ("finding", "s55")
    with pytest.raises(UserFacingError, match="Unknown reminder kind 'soon'"):
        parse_kinds("soon")


def test_kinds_chosen_in_settings_limit_the_reminders(office):
    assert {r.thing.kind for r in office.reminders.current(TODAY)} >= {"s55", "undated_finding"}
    office.settings.update({"reminder_kinds": "s55, cc_reply"})
    assert {r.thing.kind for r in office.reminders.current(TODAY)} == {"s55", "cc_reply"}
    with pytest.raises(ValidationError):
        office.settings.update({"reminder_kinds": "everything"})


def test_undated_findings_remind_after_the_chosen_months(office):
    undated = {t.reference: t.due for t in office.reminders.due_things(("undated_finding",))}
    published = office.inspections.find("29536").published
    assert undated["29536 / Area for improvement 29551"] == published.replace(year=published.year + 1)
    office.settings.update({"undated_finding_months": "6"})
    undated = {t.reference: t.due for t in office.reminders.due_things(("undated_finding",))}
    assert undated["29536 / Area for improvement 29551"] == date(2024, 5, 10)
