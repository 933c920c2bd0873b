"""What issuing a signed document records besides the archive entry, inside the archive's transaction:
the s.55 checklist's copy step, the response-published date when confirmed, and any "sign anyway" reason."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from sqlite_utils import Database

from ..domain.letter_records import HMICFRS_COPY, HOME_SECRETARY, PUBLISHED_RESPONSE, ArchivedLetter
from ..domain.models import FieldError, Inspection
from ..domain.s55_workflow import unanswered_recommendations
from ..errors import ValidationError
from ..storage import audit as audit_store
from ..storage import issue_records as store
from ..storage.letter_archive import ISSUE_ACTION

if TYPE_CHECKING:
    from .letter_desk import Approval

_COPY_STEP = {HOME_SECRETARY: "copy_home_secretary_on", HMICFRS_COPY: "copy_hmicfrs_on"}


def record_issue(db: Database, approval: Approval, inspection: Inspection, record: ArchivedLetter, sealed_hash: str,
                 on: date, mark_published: bool) -> None:
    archive_id = record.id
    # The audit trail (append-only) keeps the entry's hash too: replacing the newest entry and its own
    # hash together, which the chain alone cannot show, then disagrees with what was recorded here.
    issued = {"summary": f"issued {approval.kind.replace('_', ' ')} version {record.version}",
              "entry_hash": sealed_hash, "sha256": record.sha256, "signatory": approval.signatory.name}
    audit_store.add_line(db, "letter_archive", archive_id, ISSUE_ACTION, json.dumps(issued, ensure_ascii=False),
                         approval.inspection_id)
    step = _COPY_STEP.get(approval.kind)
    if step is not None:
        store.record_copy_step(db, approval.inspection_id, step, on)
    if mark_published and approval.kind in (PUBLISHED_RESPONSE, HMICFRS_COPY):
        missing = unanswered_recommendations(inspection)
        if missing:
            raise ValidationError([FieldError("response_published", "cannot be set while there is no response "
                                              "yet to " + ", ".join(missing))])
        if inspection.response_published is None:
            store.set_response_published(db, approval.inspection_id, on)
    if approval.anyway_reason:
        details = {"summary": f"signed anyway: {approval.anyway_reason}", "reason": approval.anyway_reason,
                   "warnings": list(approval.readiness.warnings), "signatory": approval.signatory.name,
                   "kind": approval.kind}
        audit_store.add_line(db, "letter_archive", archive_id, "signed anyway",
                             json.dumps(details, ensure_ascii=False), approval.inspection_id)
