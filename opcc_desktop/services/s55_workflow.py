"""Read and save an inspection's s.55 checklist: one transaction, validated against its findings."""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.models import FieldError
from ..domain.s55_workflow import S55Workflow, validate_workflow
from ..errors import ConflictError, ValidationError
from ..storage import inspections as inspection_repo
from ..storage import s55_workflow as store
from .changes import Changes


class S55WorkflowService:
    def __init__(self, db: Database):
        self.db = db

    def get(self, inspection_id: int) -> S55Workflow:
        return store.read_workflow(self.db, inspection_id)

    def validate(self, inspection_id: int, workflow: S55Workflow) -> list[FieldError]:
        inspection = inspection_repo.get_inspection(self.db, inspection_id)
        if inspection is None:
            raise ValidationError([], "That inspection no longer exists")
        return validate_workflow(workflow, inspection)

    def save(self, inspection_id: int, workflow: S55Workflow, expected: S55Workflow | None = None) -> Changes:
        """`expected`: the checklist as the form loaded it; if the stored one differs, someone else changed
        it meanwhile and ConflictError is raised (nothing written)."""
        with self.db.atomic():
            stored = store.read_workflow(self.db, inspection_id)
            if expected is not None and stored != expected and stored != workflow:
                raise ConflictError("The s.55 checklist was changed elsewhere (another window, a command or an "
                                    "import) since you opened it. Nothing was saved.", workflow, stored,
                                    ["the s.55 checklist was changed"])
            errors = self.validate(inspection_id, workflow)
            if errors:
                raise ValidationError(errors, "s.55 checklist")
            store.write_workflow(self.db, inspection_id, workflow)
        return Changes(inspections=frozenset({inspection_id}), reminders=True)
