"""Governance boards: boards, meetings, agenda items, the action log and closure approvals.

Frozen dataclasses and vocabularies only; the rules that work on them live in `board_rules.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import format_uk

BOARD_KINDS = (
    "Joint audit committee",
    "Accountability board",
    "Scrutiny board",
    "Public accountability conference",
    "One-to-one with the Chief Constable",
    "Police and crime panel",
    "Police authority committee",
    "Commissioner's board",
    "Other",
)
MEETING_STATUSES = ("scheduled", "held", "minutes draft", "minutes approved")
PURPOSES = ("for decision", "for noting", "for information")
ACTION_STATUSES = ("open", "complete")
OPEN_ACTION = "open"
PROGRESS_ITEM_TITLE = "Progress against the action log"
EXEMPT_GROUND_EXAMPLE = "s.100A(4) Local Government Act 1972, Part I of Schedule 12A, paragraph 7"


@dataclass(frozen=True)
class Board:
    """A body that meets: a committee, panel, accountability board or one-to-one."""

    name: str
    kind: str = "Other"
    frequency: str = ""
    members: tuple[str, ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class Attendee:
    """A member or officer at a meeting; `present=False` is the "A – denotes absent" marker."""

    name: str
    role: str = ""
    present: bool = True


@dataclass(frozen=True)
class ItemLink:
    """An agenda item's link to an inspection, or to one finding of it (`finding_id`)."""

    inspection_id: int
    finding_id: int | None = None
    label: str = ""  # filled in when read, for display only


@dataclass(frozen=True)
class AgendaItem:
    title: str
    presenter: str = ""
    purpose: str = "for noting"
    exempt: bool = False
    exempt_ground: str = ""
    papers: tuple[str, ...] = ()
    notes: str = ""
    resolution: str = ""
    links: tuple[ItemLink, ...] = ()
    carried_action_ids: tuple[int, ...] = ()  # actions reviewed under this item (linked, not copied)
    id: int | None = None
    meeting_id: int | None = None
    position: int = 0


@dataclass(frozen=True)
class Meeting:
    board_id: int
    held_on: date
    start_time: str = ""
    venue: str = ""
    virtual: bool = False
    status: str = "scheduled"
    first_item_number: int = 1
    attendees: tuple[Attendee, ...] = ()
    apologies: tuple[str, ...] = ()
    declarations: tuple[str, ...] = ()
    items: tuple[AgendaItem, ...] = ()
    id: int | None = None

    def item_number(self, position: int) -> int:
        return self.first_item_number + position


@dataclass(frozen=True)
class MeetingSummary:
    id: int
    board_id: int
    board_name: str
    held_on: date
    start_time: str
    venue: str
    status: str
    item_count: int
    open_actions: int


@dataclass(frozen=True)
class ActionUpdate:
    on: date
    text: str


@dataclass(frozen=True)
class Action:
    """A numbered action on a board's action log, born from an agenda item or from a finding."""

    board_id: int
    description: str
    owner: str = ""
    due: date | None = None
    status: str = OPEN_ACTION
    number: int = 0  # 0: give it the board's next number when saved
    item_id: int | None = None
    finding_id: int | None = None
    updates: tuple[ActionUpdate, ...] = ()
    id: int | None = None
    source: str = ""  # "27/07/2005 item 7", filled in when read

    @property
    def is_open(self) -> bool:
        return self.status == OPEN_ACTION

    @property
    def latest_update(self) -> str:
        return self.updates[-1].text if self.updates else ""


@dataclass(frozen=True)
class ClosureApproval:
    """A board's approval, at a meeting (and item), that a finding may be closed."""

    finding_id: int
    meeting_id: int
    approved_on: date
    item_id: int | None = None
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ClosureApprovalEntry:
    """A dated line for a finding's history: "Approved for closure by <board>, <date>, item n"."""

    approved_on: date
    board_name: str
    meeting_id: int
    meeting_date: date
    item_number: int | None
    item_title: str
    note: str

    @property
    def text(self) -> str:
        where = f", item {self.item_number} {self.item_title}" if self.item_number is not None else ""
        note = f": {self.note}" if self.note else ""
        return f"Closure approved by {self.board_name} ({format_uk(self.meeting_date)}{where}){note}"


@dataclass(frozen=True)
class Discussion:
    """One meeting item where an inspection or finding was discussed."""

    board_name: str
    meeting_id: int
    meeting_date: date
    item_id: int
    item_number: int
    item_title: str
    finding_label: str  # "" when the whole inspection is linked
    resolution: str
