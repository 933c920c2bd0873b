"""Inspection use cases: list, load, validate, save and delete, each write in one transaction."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from ..domain.conflicts import inspection_conflicts
from ..domain.models import FieldError, Inspection, InspectionSummary
from ..domain.s55_workflow import unanswered_recommendations
from ..domain.validation import validate_finding, validate_inspection
from ..errors import ConflictError, NotFoundError, ValidationError
from ..storage import inspections as repo
from ..storage.inspections import SummaryQuery

__all__ = ["InspectionService", "SummaryQuery"]
from . import finding_edits
from .changes import Changes
from .who import current_user_name
from ..storage.write_errors import write_problems_explained


def _refuse_conflict(mine: Inspection, stored: Inspection) -> None:
    reasons = inspection_conflicts(mine, stored)
    if reasons:
        raise ConflictError(
            f"“{stored.title}” was changed elsewhere (another window, a command or an import) since you opened it: "
            + "; ".join(reasons[:5]) + (f"; and {len(reasons) - 5} more" if len(reasons) > 5 else "")
            + ". Nothing was saved.", mine, stored, reasons)


class InspectionService:
    def __init__(self, db: Database):
        self.db = db

    # Reads -------------------------------------------------------------------------------------
    def count(self, query: SummaryQuery = SummaryQuery()) -> int:
        return repo.count_summaries(self.db, query)

    def summaries(self, query: SummaryQuery = SummaryQuery(), *, limit: int = -1, offset: int = 0) -> list[InspectionSummary]:
        return repo.query_summaries(self.db, query, limit=limit, offset=offset)

    def get(self, inspection_id: int) -> Inspection:
        inspection = repo.get_inspection(self.db, inspection_id)
        if inspection is None:
            raise NotFoundError(f"Inspection {inspection_id} no longer exists.")
        return inspection

    def find(self, reference_or_title: str) -> Inspection:
        """The inspection with this HMICFRS reference (or, failing that, exactly this title)."""
        key = reference_or_title.strip().lstrip("#")
        found = repo.find_inspection_id(self.db, key)
        if found is None:
            by_title = repo.find_inspection_ids_by_title(self.db, reference_or_title.strip())
            if len(by_title) == 1:
                found = by_title[0]
        if found is None:
            raise NotFoundError(f"No inspection has the HMICFRS reference {reference_or_title!r}.")
        return self.get(found)

    def all(self) -> list[Inspection]:
        return [self.get(i) for i in repo.all_inspection_ids(self.db)]

    # Validation --------------------------------------------------------------------------------
    def validate(self, inspection: Inspection) -> list[FieldError]:
        """Field errors for the inspection and, prefixed `findings[n].`, for each finding."""
        errors = validate_inspection(inspection)
        reference = inspection.reference.strip()
        if reference and repo.reference_in_use(self.db, reference, inspection.id):
            errors.append(FieldError("reference", f"{reference} is already used by another inspection"))
        for number, finding in enumerate(inspection.findings, start=1):
            errors += [FieldError(f"findings[{number}].{e.field}", e.message) for e in validate_finding(finding)]
        errors += self._publication_errors(inspection)
        return errors + finding_edits.lifecycle_errors(self.db, inspection)

    def _publication_errors(self, inspection: Inspection) -> list[FieldError]:
        """The "response published" date stops the s.55 clock: it cannot be newly set while a
        recommendation has no response (a date already saved is left alone)."""
        if inspection.response_published is None:
            return []
        stored = repo.get_inspection(self.db, inspection.id) if inspection.id is not None else None
        if stored is not None and stored.response_published == inspection.response_published:
            return []
        missing = unanswered_recommendations(inspection)
        if not missing:
            return []
        return [FieldError("response_published", "cannot be set while there is no response yet to "
                           + ", ".join(missing))]

    # Writes ------------------------------------------------------------------------------------
    def save(self, inspection: Inspection) -> tuple[int, Changes]:
        """Insert or update; all or nothing. Raises ValidationError with every field error."""
        inspection = replace(inspection, reference=inspection.reference.strip().lstrip("#"))
        errors = self.validate(inspection)
        if errors:
            raise ValidationError(errors)
        with write_problems_explained("The inspection"), self.db.atomic():
            if inspection.id is None:
                new_id = repo.insert_inspection(self.db, inspection)
                finding_edits.record_status_edits(self.db, {}, new_id)
            else:
                stored = repo.get_inspection(self.db, inspection.id)
                if stored is None:
                    raise NotFoundError(f"Inspection {inspection.id} no longer exists.")
                _refuse_conflict(inspection, stored)
                before = finding_edits.statuses_before(self.db, inspection.id)
                repo.update_inspection(self.db, inspection)
                finding_edits.record_status_edits(self.db, before, inspection.id)
                new_id = inspection.id
        return new_id, Changes(inspections=frozenset({new_id}))

    def delete(self, inspection_id: int) -> Changes:
        """A soft delete: gone from every list, kept (with its findings, history and evidence) in
        Recently deleted until restored or deleted permanently."""
        with write_problems_explained("The deletion"), self.db.atomic():
            if not repo.soft_delete_inspection(self.db, inspection_id, current_user_name()):
                raise NotFoundError(f"Inspection {inspection_id} no longer exists.")
        return Changes(deleted_inspections=frozenset({inspection_id}))

    def restore(self, inspection_id: int) -> Changes:
        """Undo a delete; refused when another inspection has taken its reference meanwhile."""
        deleted = repo.get_inspection(self.db, inspection_id, include_deleted=True)
        if deleted is None:
            raise NotFoundError(f"Inspection {inspection_id} no longer exists.")
        if deleted.reference and repo.reference_in_use(self.db, deleted.reference, inspection_id):
            raise ValidationError([FieldError("reference", f"{deleted.reference} is now used by another inspection; "
                                                           "change that one's reference first")])
        with write_problems_explained("The restore"), self.db.atomic():
            repo.restore_inspection(self.db, inspection_id)
        return Changes(inspections=frozenset({inspection_id}))

    def recently_deleted(self) -> list[tuple[int, str, str, str, str, int]]:
        """(id, reference, title, deleted at (UTC ISO), deleted by, findings), newest first."""
        return repo.deleted_inspections(self.db)

    def purge(self, inspection_id: int) -> Changes:
        """Delete a soft-deleted inspection for good (its findings, history and evidence rows go too)."""
        with write_problems_explained("The deletion"), self.db.atomic():
            if repo.get_inspection(self.db, inspection_id, include_deleted=True) is None:
                raise NotFoundError(f"Inspection {inspection_id} no longer exists.")
            repo.delete_inspection(self.db, inspection_id)
        return Changes(deleted_inspections=frozenset({inspection_id}))
