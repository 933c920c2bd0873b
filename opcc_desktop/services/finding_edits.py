"""Lifecycle rules applied when the inspection editor saves findings (not through Change status…)."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.models import FieldError, Inspection
from ..domain.tracker import SOURCE_EDITOR, closing_without_basis
from ..storage import finding_history
from ..storage.inspections import get_findings
from .who import current_user_name


def lifecycle_errors(db: Database, inspection: Inspection) -> list[FieldError]:
    """Closing a finding in the editor needs the closure basis and approver already recorded."""
    before = {f.id: f for f in get_findings(db, inspection.id)} if inspection.id is not None else {}
    errors: list[FieldError] = []
    for number, finding in enumerate(inspection.findings, start=1):
        for error in closing_without_basis(before.get(finding.id), finding):
            errors.append(FieldError(f"findings[{number}].{error.field}", error.message))
    return errors


def statuses_before(db: Database, inspection_id: int | None) -> dict[int, str]:
    return finding_history.statuses_of(db, inspection_id) if inspection_id is not None else {}


def record_status_edits(db: Database, before: dict[int, str], inspection_id: int, source: str = SOURCE_EDITOR) -> None:
    """After a save: a history line per status the editor changed, and the closing dates kept right."""
    finding_history.record_edited_statuses(db, before, inspection_id, source, current_user_name())
    finding_history.stamp_closed_on(db, inspection_id)
