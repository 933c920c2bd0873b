"""The findings tracker's rules: lifecycle statuses, RAG, closure, history entries, ageing.

Pure: no Qt, no storage, no clock (every date rule takes `today`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from .models import FieldError, Finding

RAG_LOOKUP = "rag"
DEFAULT_RAG_VALUES: tuple[str, ...] = ("Red", "Amber", "Green", "Blue")
RAG_HELP = "Red / Amber / Green; Blue = complete"
MAX_FIELD = 500
MAX_NARRATIVE = 200_000

SOURCE_STATUS_CHANGE = "status change"
SOURCE_EDITOR = "inspection editor"
SOURCE_IMPORT = "import"


def is_closed_status(status: str) -> bool:
    """"Closed – complete", "Closed – superseded by later inspection", "closed" … (the list is editable,
    so closure is recognised by the word the office's statuses start with)."""
    return status.strip().casefold().startswith("closed")


def is_superseded_status(status: str) -> bool:
    return is_closed_status(status) and "supersed" in status.casefold()


@dataclass(frozen=True)
class HistoryEntry:
    """One append-only line of a finding's life: a status change or a dated progress note.

    `source` says where it came from ("status change", "inspection editor", "import", or another
    module's own records, e.g. a board meeting that approved a closure)."""

    changed_on: date
    new_status: str
    old_status: str = ""
    author: str = ""
    on_behalf_of: str = ""
    narrative: str = ""
    source: str = SOURCE_STATUS_CHANGE
    id: int | None = None
    finding_id: int | None = None


@dataclass(frozen=True)
class StatusChange:
    """What the user asks for in the Change status dialog."""

    new_status: str
    changed_on: date | None  # None when the dialog's date is not a date: validation says "is required"
    author: str
    on_behalf_of: str = ""
    narrative: str = ""
    rag: str | None = None  # None: leave as it is
    closure_basis: str = ""
    closure_approved_by: str = ""
    superseded_by: str = ""


def _too_long(field: str, value: str, limit: int) -> list[FieldError]:
    return [FieldError(field, f"is too long (at most {limit:,} characters)")] if len(value) > limit else []


def validate_status_change(current: Finding, change: StatusChange) -> list[FieldError]:
    """Field errors for moving `current` as `change` asks; empty when the change may be written."""
    errors: list[FieldError] = []
    status = change.new_status.strip()
    if not status:
        errors.append(FieldError("new_status", "is required"))
    if change.changed_on is None:
        errors.append(FieldError("changed_on", "is required"))
    if not change.author.strip():
        errors.append(FieldError("author", "is required (who is recording this change)"))
    if status and status == current.status and not change.narrative.strip() and change.rag in (None, current.rag):
        errors.append(FieldError("narrative", "is required when the status stays the same (say what progressed)"))
    if is_closed_status(status):
        if not change.closure_basis.strip():
            errors.append(FieldError("closure_basis", "is required to close a finding (e.g. evidence reviewed, "
                                                      "re-inspection, HMICFRS confirmed)"))
        if not change.closure_approved_by.strip():
            errors.append(FieldError("closure_approved_by", "is required to close a finding (a board or HMICFRS)"))
    if is_superseded_status(status) and not change.superseded_by.strip():
        errors.append(FieldError("superseded_by", "is required: say which later inspection or finding superseded it"))
    for name in ("new_status", "author", "on_behalf_of", "closure_basis", "closure_approved_by", "superseded_by"):
        errors += _too_long(name, getattr(change, name), MAX_FIELD)
    errors += _too_long("narrative", change.narrative, MAX_NARRATIVE)
    return errors


def apply_status_change(current: Finding, change: StatusChange) -> tuple[Finding, HistoryEntry]:
    """The finding after the change, and the history line that records it (validate first)."""
    if change.changed_on is None:
        raise ValueError("a status change needs its date (validate_status_change says so)")
    status = change.new_status.strip()
    closing = is_closed_status(status)
    was_closed_on = current.closed_on if is_closed_status(current.status) else None
    updated = replace(
        current,
        status=status,
        rag=current.rag if change.rag is None else change.rag.strip(),
        closure_basis=change.closure_basis.strip() if closing else current.closure_basis,
        closure_approved_by=change.closure_approved_by.strip() if closing else current.closure_approved_by,
        closed_on=(was_closed_on or change.changed_on) if closing else None,
        superseded_by=change.superseded_by.strip() if is_superseded_status(status) else current.superseded_by,
    )
    entry = HistoryEntry(
        changed_on=change.changed_on,
        old_status=current.status,
        new_status=status,
        author=change.author.strip(),
        on_behalf_of=change.on_behalf_of.strip(),
        narrative=change.narrative,
        finding_id=current.id,
    )
    return updated, entry


def closing_without_basis(before: Finding | None, after: Finding) -> list[FieldError]:
    """An edit (not the status dialog) that closes a finding must carry its closure basis and approver."""
    if not is_closed_status(after.status) or (before is not None and is_closed_status(before.status)):
        return []
    if after.closure_basis.strip() and after.closure_approved_by.strip():
        return []
    return [FieldError("status", "is a closed status: give the closure basis and who approved the closure "
                                 "(or use Change status…)")]


def effective_target(finding: Finding) -> date | None:
    """The revised target date when there is one, otherwise the original target date."""
    return finding.revised_target_date or finding.target_date


def is_overdue(finding: Finding, today: date) -> bool:
    target = effective_target(finding)
    return target is not None and target < today and not is_closed_status(finding.status)


def days_open(opened: date, closed_on: date | None, today: date) -> int:
    """Days from the report's publication until closure (or until today while open)."""
    return max(0, ((closed_on or today) - opened).days)


def validate_tracker_fields(finding: Finding) -> list[FieldError]:
    """The tracker fields of a finding (owners, RAG, revised target)."""
    errors: list[FieldError] = []
    for name in ("rag", "delivery_lead", "opcc_lead", "closure_basis", "closure_approved_by",
                 "superseded_by", "revised_target_reason"):
        value = getattr(finding, name)
        if not isinstance(value, str):
            errors.append(FieldError(name, "must be text"))
        else:
            errors += _too_long(name, value, MAX_FIELD if name != "revised_target_reason" else MAX_NARRATIVE)
    if finding.revised_target_date is not None and not finding.revised_target_reason.strip():
        errors.append(FieldError("revised_target_reason", "is required when the target date is revised"))
    return errors
