"""Reminder rules: which deadlines remind today, how urgent they are, and snooze / acknowledge.

Pure: every function takes `today`. A *due thing* is any dated obligation (an s.55 last day, the
office's internal target, a finding's target date, a board action's due date). It reminds when it
is overdue or when its days left are within the largest lead time (default 28 days). Lead times
(default 28, 14, 7, 3, 1) are also the thresholds an acknowledgement lasts for: an acknowledged
reminder returns when the next threshold is crossed. A snoozed reminder returns on its date, or at
once when it becomes overdue after being snoozed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from .dates import shift

DEFAULT_LEAD_DAYS: tuple[int, ...] = (28, 14, 7, 3, 1)

S55 = "s55"
INTERNAL = "internal"
CC_REPLY = "cc_reply"
FINDING = "finding"
UNDATED = "undated_finding"
ACTION = "action"
KINDS: tuple[str, ...] = (S55, INTERNAL, CC_REPLY, FINDING, UNDATED, ACTION)
KIND_LABELS = {
    S55: "s.55 response",
    INTERNAL: "internal target",
    CC_REPLY: "chief constable's comments",
    FINDING: "finding target date",
    UNDATED: "finding open long, no date",
    ACTION: "board action",
}


class Urgency(IntEnum):
    """Most urgent first (the order the reminders view groups by)."""

    OVERDUE = 0
    TODAY = 1
    THIS_WEEK = 2
    WITHIN_LEAD_TIME = 3

    @property
    def label(self) -> str:
        return {0: "Overdue", 1: "Due today", 2: "Due within 7 days", 3: "Coming up"}[self.value]


@dataclass(frozen=True)
class DueThing:
    """One dated obligation. `key` is stable across runs (it names the record, not the date)."""

    kind: str
    key: str
    reference: str  # what staff call it: "29536", "29536 / AFI 29551", "JASP action 004"
    title: str
    due: date
    inspection_id: int | None = None
    meeting_id: int | None = None

    def days_left(self, today: date) -> int:
        return (self.due - today).days


@dataclass(frozen=True)
class ReminderState:
    """What the user did with a reminder: acknowledged it (on a date) or snoozed it (until a date)."""

    key: str
    acknowledged_on: date | None = None
    acknowledged_days_left: int | None = None
    snoozed_on: date | None = None
    snoozed_until: date | None = None


def parse_lead_days(text: str) -> tuple[int, ...]:
    """"28, 14,7" → (28, 14, 7). Raises ValueError with a plain message on anything else."""
    values = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        if not part.isdigit() or int(part) > 366:
            raise ValueError(f"{part!r} is not a number of days between 0 and 366")
        values.append(int(part))
    if not values:
        raise ValueError("give at least one lead time, e.g. 28, 14, 7, 3, 1")
    return tuple(sorted(set(values), reverse=True))


def urgency(thing: DueThing, today: date, lead_days: tuple[int, ...] = DEFAULT_LEAD_DAYS) -> Urgency | None:
    """How urgent `thing` is today, or None when it is not yet within any lead time."""
    left = thing.days_left(today)
    if left < 0:
        return Urgency.OVERDUE
    if left == 0:
        return Urgency.TODAY
    if left <= 7 and left <= max(lead_days, default=0):
        return Urgency.THIS_WEEK
    if left <= max(lead_days, default=0):
        return Urgency.WITHIN_LEAD_TIME
    return None


def threshold_band(days_left: int, lead_days: tuple[int, ...]) -> int:
    """How many lead-time thresholds have been crossed (overdue counts as one more than them all)."""
    if days_left < 0:
        return len(lead_days) + 1
    return sum(1 for lead in lead_days if days_left <= lead)


def is_silenced(thing: DueThing, state: ReminderState | None, today: date,
                lead_days: tuple[int, ...] = DEFAULT_LEAD_DAYS) -> bool:
    """True while a snooze or an acknowledgement still holds for `thing`."""
    if state is None:
        return False
    left = thing.days_left(today)
    if state.snoozed_until is not None and today < state.snoozed_until:
        became_overdue = left < 0 and (state.snoozed_on is None or (thing.due - state.snoozed_on).days >= 0)
        if not became_overdue:
            return True
    if state.acknowledged_on is not None and state.acknowledged_days_left is not None:
        return threshold_band(left, lead_days) <= threshold_band(state.acknowledged_days_left, lead_days)
    return False


@dataclass(frozen=True)
class Reminder:
    thing: DueThing
    urgency: Urgency
    days_left: int

    def describe(self) -> str:
        if self.days_left < 0:
            return f"{-self.days_left} day{'s' if self.days_left != -1 else ''} overdue"
        if self.days_left == 0:
            return "due today"
        return f"{self.days_left} day{'s' if self.days_left != 1 else ''} left"


def reminders(things: list[DueThing], today: date, states: dict[str, ReminderState] | None = None,
              lead_days: tuple[int, ...] = DEFAULT_LEAD_DAYS, *, include_silenced: bool = False) -> list[Reminder]:
    """Everything that reminds today: most urgent group first; in a group s.55 first, then soonest."""
    states = states or {}
    found = []
    for thing in things:
        level = urgency(thing, today, lead_days)
        if level is None:
            continue
        if not include_silenced and is_silenced(thing, states.get(thing.key), today, lead_days):
            continue
        found.append(Reminder(thing, level, thing.days_left(today)))
    # Within a group the statutory s.55 deadlines come first, then the office's own targets.
    found.sort(key=lambda r: (r.urgency, KINDS.index(r.thing.kind) if r.thing.kind in KINDS else len(KINDS),
                              r.thing.due, r.thing.reference))
    return found


def internal_target(published: date, target_days: int) -> date:
    """The office's own target, counted like s.55: publication day is day 1."""
    return shift(published, days=max(target_days, 1) - 1)
