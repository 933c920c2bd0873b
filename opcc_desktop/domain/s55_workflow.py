"""The s.55 checklist for one inspection: the dated steps from inviting the chief constable's comments
to sending the copies to the Home Secretary and HMICFRS. Publication itself is the inspection's
`response_published` date (one fact, one place). Pure: no Qt, no storage.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from .models import FieldError, Inspection
from .vocabulary import RECOMMENDATION

# (field, label) in the order the work happens; all optional dates.
STEPS: tuple[tuple[str, str], ...] = (
    ("cc_invited_on", "Chief constable invited to comment"),
    ("cc_reply_due", "Chief constable's comments due by"),
    ("cc_comments_received_on", "Chief constable's comments received"),
    ("pcc_comments_drafted_on", "Commissioner's comments drafted"),
    ("response_to_cc_on", "Response to the chief constable's comments"),
    ("ready_to_publish_on", "Ready to publish (every recommendation answered)"),
    ("copy_home_secretary_on", "Copy sent to the Home Secretary"),
    ("copy_hmicfrs_on", "Copy sent to HMICFRS"),
)


@dataclass(frozen=True)
class S55Workflow:
    cc_invited_on: date | None = None
    cc_reply_due: date | None = None
    cc_comments_received_on: date | None = None
    pcc_comments_drafted_on: date | None = None
    response_to_cc_on: date | None = None
    ready_to_publish_on: date | None = None
    copy_home_secretary_on: date | None = None
    copy_hmicfrs_on: date | None = None
    response_url: str = ""
    applicability_reason: str = ""

    def is_empty(self) -> bool:
        return all(not getattr(self, f.name) for f in fields(self))


def unanswered_recommendations(inspection: Inspection) -> list[str]:
    """How staff name each recommendation that has neither a force nor a commissioner's response."""
    names = []
    for number, finding in enumerate(inspection.findings, start=1):
        if finding.kind == RECOMMENDATION and not (finding.pcc_response.strip() or finding.force_response.strip()):
            names.append(f"recommendation {finding.reference}" if finding.reference else f"finding {number}")
    return names


def validate_workflow(workflow: S55Workflow, inspection: Inspection) -> list[FieldError]:
    errors: list[FieldError] = []
    if workflow.ready_to_publish_on is not None:
        missing = unanswered_recommendations(inspection)
        if missing:
            errors.append(FieldError("ready_to_publish_on",
                                     "cannot be ready to publish: no response yet to " + ", ".join(missing)))
    if workflow.cc_reply_due and workflow.cc_invited_on and workflow.cc_reply_due < workflow.cc_invited_on:
        errors.append(FieldError("cc_reply_due", "is before the date the chief constable was invited"))
    url = workflow.response_url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        errors.append(FieldError("response_url", "must be a web address starting with https://"))
    if inspection.s55_applies in ("no", "unclear") and not workflow.applicability_reason.strip():
        errors.append(FieldError("applicability_reason",
                                 "say why s.55 does not apply or is unclear (e.g. a national thematic with no force named)"))
    for name in ("response_url", "applicability_reason"):
        if "\x00" in getattr(workflow, name):
            errors.append(FieldError(name, "contains control characters"))
    return errors
