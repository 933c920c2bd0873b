"""Approval through the letter desk: refusals write nothing, "sign anyway" records its reason, issuing records
itself in the s.55 checklist, and what is signed is what was previewed."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date, datetime

import pytest

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.letter_records import (
    HMICFRS_COPY,
    HOME_SECRETARY,
    PUBLISHED_RESPONSE,
)
from opcc_desktop.domain.models import Finding
from opcc_desktop.errors import ValidationError
from opcc_desktop.services.letter_desk import (
    NeedsReasonError,
    NotReadyError,
    PreviewChangedError,
)

from .helpers import PASSPHRASE, TODAY, make_office

ISSUED = datetime(2026, 11, 22, 10, 0)
LETTER_DATE = date(2026, 11, 20)


@pytest.fixture
def setup(tmp_path):
    office, inspection_id, commissioner, deputy = make_office(tmp_path / "office.sqlite3")
    yield office, inspection_id, commissioner, deputy, tmp_path / "office.sqlite3"
    office.close()


def archive_rows(path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM letter_archive").fetchone()[0]


def test_an_unanswered_recommendation_blocks_signing_and_nothing_is_archived(tmp_path):
    office, inspection_id, commissioner, _ = make_office(
        tmp_path / "o.sqlite3", findings=(Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix triage."),))
    for kind in (HOME_SECRETARY, PUBLISHED_RESPONSE, HMICFRS_COPY):
        with pytest.raises(NotReadyError, match="Recommendation R1 has no response"):
            office.letter_desk.issue(inspection_id, kind, LETTER_DATE, None, commissioner, PASSPHRASE, ISSUED,
                                     anyway_reason="even with a reason")
    assert archive_rows(tmp_path / "o.sqlite3") == 0
    office.close()


def test_a_deputy_needs_to_be_marked_authorised(setup):
    office, inspection_id, _, deputy, _path = setup
    with pytest.raises(NotReadyError, match="Jane Deputy is not the commissioner"):
        office.letter_desk.issue(inspection_id, HOME_SECRETARY, LETTER_DATE, None, deputy, PASSPHRASE, ISSUED)
    office.signatories.set_authorised(deputy, True)
    record, _ = office.letter_desk.issue(inspection_id, HOME_SECRETARY, LETTER_DATE, None, deputy, PASSPHRASE, ISSUED)
    assert record.approver_name == "Jane Deputy"


def test_warnings_need_a_reason_which_the_audit_trail_records(setup):
    office, inspection_id, commissioner, _, path = setup
    office.settings.update({"home_secretary_confirmed_on": "2024-01-01"})
    with pytest.raises(NeedsReasonError, match="Home Secretary's name"):
        office.letter_desk.issue(inspection_id, HOME_SECRETARY, LETTER_DATE, None, commissioner, PASSPHRASE, ISSUED)
    assert archive_rows(path) == 0
    record, _ = office.letter_desk.issue(inspection_id, HOME_SECRETARY, LETTER_DATE, None, commissioner, PASSPHRASE,
                                         ISSUED, anyway_reason="Checked on gov.uk this morning")
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT action, changes, inspection_id FROM audit_log WHERE table_name = 'letter_archive' "
                            "AND row_id = ?", [record.id]).fetchall()
    assert [(action, inspection) for action, _, inspection in rows] == [("issue", inspection_id),
                                                                        ("signed anyway", inspection_id)]
    details = json.loads(rows[1][1])
    assert details["reason"] == "Checked on gov.uk this morning" and "Home Secretary" in details["warnings"][0]


def test_what_is_signed_is_what_was_previewed(setup):
    office, inspection_id, commissioner, _, _ = setup
    desk = office.letter_desk
    previewed = desk.document(inspection_id, HOME_SECRETARY, LETTER_DATE, "My comments.")
    approval = desk.approve(inspection_id, HOME_SECRETARY, LETTER_DATE, "My comments.", commissioner, PASSPHRASE,
                            today=TODAY, previewed=previewed)
    assert approval.document == replace(previewed, signature_png=approval.document.signature_png, draft=False,
                                        signatory_title=approval.document.signatory_title)
    office.settings.update({"office_name": "Renamed office"})  # edited after the preview
    with pytest.raises(PreviewChangedError):
        desk.approve(inspection_id, HOME_SECRETARY, LETTER_DATE, "My comments.", commissioner, PASSPHRASE,
                     today=TODAY, previewed=previewed)


def test_issuing_records_the_checklist_steps_and_with_confirmation_the_publication(setup):
    office, inspection_id, commissioner, _, _ = setup
    desk = office.letter_desk
    assert any(item.inspection_id == inspection_id for item in office.due(TODAY, within_days=None))
    desk.issue(inspection_id, HOME_SECRETARY, LETTER_DATE, None, commissioner, PASSPHRASE, ISSUED)
    desk.issue(inspection_id, HMICFRS_COPY, LETTER_DATE, None, commissioner, PASSPHRASE, ISSUED)
    steps = office.s55_workflow.get(inspection_id)
    assert (steps.copy_home_secretary_on, steps.copy_hmicfrs_on) == (ISSUED.date(), ISSUED.date())
    desk.issue(inspection_id, PUBLISHED_RESPONSE, LETTER_DATE, None, commissioner, PASSPHRASE, ISSUED)
    assert office.inspections.get(inspection_id).response_published is None  # not without confirmation
    desk.issue(inspection_id, PUBLISHED_RESPONSE, LETTER_DATE, None, commissioner, PASSPHRASE, ISSUED,
               mark_published=True)
    assert office.inspections.get(inspection_id).response_published == ISSUED.date()
    assert not any(item.inspection_id == inspection_id for item in office.due(TODAY, within_days=None))


def test_response_published_cannot_be_set_while_a_recommendation_is_unanswered(tmp_path):
    office, inspection_id, _, _ = make_office(
        tmp_path / "o.sqlite3", findings=(Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix triage."),))
    inspection = office.inspections.get(inspection_id)
    with pytest.raises(ValidationError, match="response_published: cannot be set while there is no response yet "
                                              "to recommendation R1"):
        office.inspections.save(replace(inspection, response_published=date(2026, 11, 1)))
    answered = replace(inspection, findings=(replace(inspection.findings[0], pcc_response="Agreed."),),
                       response_published=date(2026, 11, 1))
    office.inspections.save(answered)
    assert office.inspections.get(inspection_id).response_published == date(2026, 11, 1)
    office.close()


def test_look_alike_signatory_names_are_one_signatory(tmp_path):
    from opcc_desktop.services.office import Office

    from .helpers import PNG

    office = Office.open(tmp_path / "o.sqlite3")
    office.signatories.add("Ray Bisby", "Acting PCC", PNG, PASSPHRASE, PASSPHRASE)
    for look_alike in ("ray bisby", "Ray  Bisby", "Ray Bisby\u200b", "Ray \u200bBisby", "RAY\u00a0BISBY", "Ray Bisby\u2060"):
        with pytest.raises(ValidationError, match="already has a signature set up"):
            office.signatories.add(look_alike, "Acting PCC", PNG, PASSPHRASE, PASSPHRASE)
    office.signatories.add("  Siôn   Jones\u200d ", "Deputy", PNG, PASSPHRASE, PASSPHRASE)
    assert [s.name for s in office.signatories.list()] == ["Ray Bisby", "Siôn Jones"]
    assert office.signatories.find("siôn jones").name == "Siôn Jones"
    office.close()


def test_a_letter_whose_body_is_only_the_appendix_pointer_has_no_comments(setup):
    office, inspection_id, _commissioner, _, _ = setup
    desk = office.letter_desk
    pointer_only = desk.default_body(inspection_id, HOME_SECRETARY).split("\n\n")[-1]
    assert "Appendix" in pointer_only
    warnings = desk.readiness(inspection_id, HOME_SECRETARY, LETTER_DATE, pointer_only, today=TODAY).warnings
    assert warnings == ("The document has no comments from the commissioner.",)
    assert desk.readiness(inspection_id, HOME_SECRETARY, LETTER_DATE, None, today=TODAY).warnings == ()
