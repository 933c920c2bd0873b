"""Frozen dataclasses for the records the office keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Finding:
    """A recommendation, area for improvement or cause of concern in an inspection report."""

    kind: str
    text: str
    reference: str = ""
    level: str = ""
    addressees: tuple[str, ...] = ()
    owner: str = ""
    target_date: date | None = None
    status: str = "Not yet assessed"
    force_response: str = ""
    pcc_response: str = ""
    id: int | None = None
    inspection_id: int | None = None
    position: int = 0
    # Tracker: `owner` is the force lead; see domain/tracker.py for the lifecycle rules.
    rag: str = ""
    delivery_lead: str = ""
    opcc_lead: str = ""
    revised_target_date: date | None = None
    revised_target_reason: str = ""
    closure_basis: str = ""
    closure_approved_by: str = ""
    closed_on: date | None = None
    superseded_by: str = ""
    history: tuple[Any, ...] = field(default=(), compare=False)  # HistoryEntry, for import/export only
    # The stored row's version when it was read (0: not read from the office): a save is refused
    # when the row has changed since (see domain/conflicts.py).
    version: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Inspection:
    """An HMICFRS inspection report or publication the office must respond to."""

    title: str
    type: str
    published: date | None  # None: not known yet (an imported tracker without it); s.55 deadline unknown
    reference: str = ""
    forces: tuple[str, ...] = ()
    key_findings: str = ""
    s55_applies: str = "yes"  # yes / no / unclear
    response_published: date | None = None
    pcc_comments: str = ""
    findings: tuple[Finding, ...] = field(default=())
    id: int | None = None
    version: int = field(default=0, compare=False)  # as for Finding.version
    findings_seen: frozenset[int] = field(default=frozenset(), compare=False)  # finding ids when it was read

    @property
    def saved_id(self) -> int:
        """The id of an inspection read from the database (only one not saved yet has none)."""
        if self.id is None:
            raise ValueError(f"the inspection {self.title!r} has not been saved")
        return self.id


@dataclass(frozen=True)
class InspectionSummary:
    """One row of the inspections list: enough to show, sort and filter, without the findings."""

    id: int
    reference: str
    title: str
    type: str
    published: date | None  # None: not known yet
    s55_applies: str
    response_published: date | None
    finding_count: int


@dataclass(frozen=True)
class FieldError:
    """A validation message tied to one field, so forms can show it beside that field."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"
