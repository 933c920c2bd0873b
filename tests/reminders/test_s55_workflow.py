"""The s.55 checklist: the "every recommendation answered" block, storage, reminders and JSON round trip."""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from opcc_desktop.domain.s55_workflow import S55Workflow, unanswered_recommendations, validate_workflow
from opcc_desktop.errors import NotFoundError, ValidationError
from opcc_desktop.services.interchange import export_document, import_document
from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    yield office
    office.close()


def test_ready_to_publish_is_blocked_and_names_each_unanswered_recommendation(office):
    demo3 = office.inspections.find("DEMO-003")
    assert unanswered_recommendations(demo3) == ["recommendation " + demo3.findings[0].reference]
    ready = replace(office.s55_workflow.get(demo3.id), ready_to_publish_on=TODAY)
    with pytest.raises(ValidationError) as raised:
        office.s55_workflow.save(demo3.id, ready)
    assert raised.value.errors[0].field == "ready_to_publish_on"
    assert demo3.findings[0].reference in str(raised.value)
    assert office.s55_workflow.get(demo3.id).ready_to_publish_on is None, "nothing written"

    answered = replace(demo3, findings=(replace(demo3.findings[0], pcc_response="Accepted; plan agreed."),))
    office.inspections.save(answered)
    assert office.s55_workflow.save(demo3.id, ready).inspections == frozenset({demo3.id})
    assert office.s55_workflow.get(demo3.id).ready_to_publish_on == TODAY


def test_areas_for_improvement_do_not_block(office):
    demo1 = office.inspections.find("DEMO-001")
    assert unanswered_recommendations(demo1) == []
    assert validate_workflow(S55Workflow(ready_to_publish_on=TODAY), demo1) == []


def test_other_rules_give_field_messages(office):
    demo3 = office.inspections.find("DEMO-003")
    problems = validate_workflow(S55Workflow(cc_invited_on=TODAY, cc_reply_due=TODAY - timedelta(days=1),
                                             response_url="www.example.org"), replace(demo3, findings=()))
    fields = {p.field for p in problems}
    assert fields == {"cc_reply_due", "response_url", "applicability_reason"}


def test_chief_constable_reply_reminds_until_received(office):
    demo2 = office.inspections.find("DEMO-002")
    keys = [t.key for t in office.reminders.due_things(("cc_reply",))]
    assert keys == [f"cc_reply:{demo2.id}"]
    received = replace(office.s55_workflow.get(demo2.id), cc_comments_received_on=TODAY)
    office.s55_workflow.save(demo2.id, received)
    assert office.reminders.due_things(("cc_reply",)) == []


def test_checklist_round_trips_through_json(office, tmp_path):
    document = export_document(office.db)
    demo2 = next(i for i in document["inspections"] if i["reference"] == "DEMO-002")
    assert demo2["s55_workflow"]["cc_reply_due"] == (TODAY + timedelta(days=2)).isoformat()
    target = Office.open(tmp_path / "copy.sqlite3")
    import_document(target.db, document)
    copy = target.inspections.find("DEMO-002")
    assert target.s55_workflow.get(copy.id) == office.s55_workflow.get(office.inspections.find("DEMO-002").id)
    target.close()


def test_bad_checklist_in_a_file_names_the_path_and_imports_nothing(office):
    bad = {"format": "opcc-desktop", "version": 1, "inspections": [
        {"reference": "X1", "title": "T", "type": "Other", "published": "2026-01-01",
         "s55_workflow": {"cc_reply_due": "2026-02-30"}}]}
    with pytest.raises(Exception, match=r"inspections\[0\] \(reference 'X1'\)\.s55_workflow: field \"cc_reply_due\""):
        import_document(office.db, bad)
    with pytest.raises(NotFoundError):
        office.inspections.find("X1")
