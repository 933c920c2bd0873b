from dataclasses import replace
from datetime import date

import pytest

from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.errors import NotFoundError, ValidationError
from opcc_desktop.services.inspections import SummaryQuery
from opcc_desktop.services.office import Office


def _inspection(**overrides):
    base = Inspection(
        reference="29536",
        title="An inspection of the north-west regional response to serious and organised crime",
        type="Regional serious and organised crime (PEEL)",
        published=date(2023, 11, 10),
        forces=("Cumbria", "Lancashire"),
        findings=tuple(
            Finding(kind="area for improvement", reference=str(29550 + n), level="LEVEL 3", text=f"AFI text {n}")
            for n in range(3)
        ),
    )
    return replace(base, **overrides)


def test_save_and_reload_round_trips_every_field(db_path):
    office = Office.open(db_path)
    original = _inspection(
        key_findings="Key & <findings>", s55_applies="unclear", response_published=date(2023, 12, 1),
        pcc_comments="Para one.\n\nPara two.",
    )
    new_id, changes = office.inspections.save(original)
    assert changes.inspections == {new_id}
    office.close()
    loaded = Office.open(db_path).inspections.get(new_id)
    assert replace(loaded, id=None, findings=()) == replace(original, findings=())
    assert [f.text for f in loaded.findings] == ["AFI text 0", "AFI text 1", "AFI text 2"]
    assert [f.reference for f in loaded.findings] == ["29550", "29551", "29552"]


def test_update_reorders_edits_and_removes_findings(db_path):
    office = Office.open(db_path)
    new_id, _ = office.inspections.save(_inspection())
    loaded = office.inspections.get(new_id)
    first, _second, third = loaded.findings
    edited = replace(loaded, findings=(replace(third, text="third, edited"), first))
    office.inspections.save(edited)
    again = office.inspections.get(new_id)
    assert [f.text for f in again.findings] == ["third, edited", "AFI text 0"]
    assert again.findings[0].id == third.id


def test_invalid_inspection_writes_nothing(db_path):
    office = Office.open(db_path)
    bad = _inspection(title="  ", findings=(Finding(kind="area for improvement", text=""),))
    with pytest.raises(ValidationError) as caught:
        office.inspections.save(bad)
    fields = {e.field for e in caught.value.errors}
    assert {"title", "findings[1].text"} <= fields
    assert office.inspections.count() == 0


def test_duplicate_reference_rejected(db_path):
    office = Office.open(db_path)
    office.inspections.save(_inspection())
    with pytest.raises(ValidationError, match="already used"):
        office.inspections.save(_inspection(title="Another"))
    assert office.inspections.count() == 1


def test_delete_is_soft_and_purge_cascades_to_findings(db_path):
    office = Office.open(db_path)
    new_id, _ = office.inspections.save(_inspection())
    office.inspections.delete(new_id)
    with pytest.raises(NotFoundError):
        office.inspections.get(new_id)
    assert [row[0] for row in office.inspections.recently_deleted()] == [new_id]
    assert office.db.execute("SELECT count(*) FROM findings").fetchone()[0] > 0  # kept for undo
    office.inspections.purge(new_id)
    assert office.db.execute("SELECT count(*) FROM findings").fetchone()[0] == 0
    assert office.inspections.recently_deleted() == []


def test_filter_and_sort_happen_in_sql(db_path):
    office = Office.open(db_path)
    for n, title in enumerate(["Custody & detention", "Vetting <2024>", "Stalking 100%"]):
        office.inspections.save(_inspection(reference=f"R{n}", title=title, published=date(2024, 1, 1 + n)))
    titles = [s.title for s in office.inspections.summaries(SummaryQuery(text="vetting"))]
    assert titles == ["Vetting <2024>"]
    assert [s.title for s in office.inspections.summaries(SummaryQuery(text="100%"))] == ["Stalking 100%"]
    assert office.inspections.summaries(SummaryQuery(text="_")) == []
    by_title = office.inspections.summaries(SummaryQuery(sort="title", descending=False))
    assert [s.title for s in by_title] == ["Custody & detention", "Stalking 100%", "Vetting <2024>"]
    page = office.inspections.summaries(SummaryQuery(sort="published", descending=True), limit=1, offset=1)
    assert [s.reference for s in page] == ["R1"]
    assert office.inspections.count(SummaryQuery(text="R2")) == 1


def test_find_by_reference_or_title(db_path):
    office = Office.open(db_path)
    office.inspections.save(_inspection())
    assert office.inspections.find("#29536").reference == "29536"
    assert office.inspections.find(_inspection().title.upper()).reference == "29536"
    with pytest.raises(NotFoundError):
        office.inspections.find("11111")


def test_due_lists_open_s55_responses(db_path):
    office = Office.open(db_path)
    office.inspections.save(_inspection())  # last day 04/01/2024
    office.inspections.save(_inspection(reference="X", title="Answered", response_published=date(2023, 12, 1)))
    office.inspections.save(_inspection(reference="Y", title="Not s55", s55_applies="no"))
    due = office.due(date(2023, 12, 10), within_days=28)
    assert [(d.inspection, d.due, d.days_left, d.overdue) for d in due] == [("29536", date(2024, 1, 4), 25, False)]
    assert office.due(date(2023, 12, 6), within_days=28) == []
    late = office.due(date(2024, 1, 5), within_days=0)
    assert late[0].overdue and late[0].days_left == -1
