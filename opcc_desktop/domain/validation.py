"""Pure validation: each function returns the list of field errors (empty when the record is fine)."""

from __future__ import annotations

import re
from datetime import date

from .dates import FIRST_YEAR, LAST_YEAR
from .models import FieldError, Finding, Inspection
from .tracker import validate_tracker_fields
from .vocabulary import FINDING_KINDS, S55_APPLIES_VALUES

MAX_TITLE_LENGTH = 500
MAX_TEXT_LENGTH = 200_000
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text_errors(field: str, value: str, *, required: bool, max_length: int) -> list[FieldError]:
    if not isinstance(value, str):
        return [FieldError(field, "must be text")]
    if required and not value.strip():
        return [FieldError(field, "is required")]
    if len(value) > max_length:
        return [FieldError(field, f"is too long ({len(value):,} characters; at most {max_length:,})")]
    if _BAD_CONTROL.search(value):
        return [FieldError(field, "contains control characters")]
    return []


def _date_errors(record: object, *names: str) -> list[FieldError]:
    """Years 1900–2199 only: a year-9999 date broke every deadline after it (s.55 day 56 overflows)."""
    errors = []
    for name in names:
        value = getattr(record, name, None)
        if isinstance(value, date) and not FIRST_YEAR <= value.year <= LAST_YEAR:
            errors.append(FieldError(name, f"must be between {FIRST_YEAR} and {LAST_YEAR}"))
    return errors


def validate_inspection(inspection: Inspection, *, published_required: bool = True) -> list[FieldError]:
    """Errors in the inspection's own fields (not its findings)."""
    errors: list[FieldError] = []
    errors += _text_errors("title", inspection.title, required=True, max_length=MAX_TITLE_LENGTH)
    errors += _text_errors("type", inspection.type, required=True, max_length=MAX_TITLE_LENGTH)
    errors += _text_errors("reference", inspection.reference, required=False, max_length=100)
    errors += _text_errors("key_findings", inspection.key_findings, required=False, max_length=MAX_TEXT_LENGTH)
    errors += _text_errors("pcc_comments", inspection.pcc_comments, required=False, max_length=MAX_TEXT_LENGTH)
    for force in inspection.forces:
        errors += _text_errors("forces", force, required=True, max_length=MAX_TITLE_LENGTH)
    if inspection.published is None and published_required:  # imports may bring a report with no date yet
        errors.append(FieldError("published", "is required"))
    errors += _date_errors(inspection, "published", "response_published")
    if inspection.s55_applies not in S55_APPLIES_VALUES:
        errors.append(FieldError("s55_applies", f"must be one of {', '.join(S55_APPLIES_VALUES)}"))
    if (
        inspection.published is not None
        and inspection.response_published is not None
        and inspection.response_published < inspection.published
    ):
        errors.append(FieldError("response_published", "cannot be before the report's publication date"))
    return errors


def validate_finding(finding: Finding) -> list[FieldError]:
    """Errors in one finding's fields."""
    errors: list[FieldError] = []
    if finding.kind not in FINDING_KINDS:
        errors.append(FieldError("kind", f"must be one of: {', '.join(FINDING_KINDS)}"))
    errors += _text_errors("text", finding.text, required=True, max_length=MAX_TEXT_LENGTH)
    errors += _text_errors("reference", finding.reference, required=False, max_length=100)
    errors += _text_errors("level", finding.level, required=False, max_length=100)
    errors += _text_errors("owner", finding.owner, required=False, max_length=MAX_TITLE_LENGTH)
    errors += _text_errors("status", finding.status, required=True, max_length=MAX_TITLE_LENGTH)
    errors += _text_errors("force_response", finding.force_response, required=False, max_length=MAX_TEXT_LENGTH)
    errors += _text_errors("pcc_response", finding.pcc_response, required=False, max_length=MAX_TEXT_LENGTH)
    for addressee in finding.addressees:
        errors += _text_errors("addressees", addressee, required=True, max_length=MAX_TITLE_LENGTH)
    errors += _date_errors(finding, "target_date", "revised_target_date", "closed_on")
    return errors + validate_tracker_fields(finding)
