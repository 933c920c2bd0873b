"""Reminders: gather every dated obligation, apply the office's lead times, snooze and acknowledge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlite_utils import Database

from ..domain.compliance import YearCompliance, compliance_by_year
from ..domain.dates import shift
from ..domain.deadlines import s55_last_day
from ..domain.reminders import (
    ACTION,
    CC_REPLY,
    DEFAULT_LEAD_DAYS,
    FINDING,
    UNDATED,
    INTERNAL,
    KINDS,
    S55,
    DueThing,
    Reminder,
    ReminderState,
    internal_target,
    parse_lead_days,
    reminders,
)
from ..domain.vocabulary import KIND_LABELS as FINDING_KIND_LABELS
from ..errors import UserFacingError
from ..storage import reminders as store
from ..storage.first_paint import open_s55_rows
from ..storage.settings import read_settings
from .changes import Changes


def _s55_things(db: Database, settings: dict[str, str]) -> list[DueThing]:
    things = []
    target_text = settings.get("internal_target_days", "").strip()
    target_days = int(target_text) if target_text.isdigit() else None
    for inspection_id, reference, title, published_text, _applies in open_s55_rows(db):
        if not published_text:
            continue  # publication date not known yet: the dashboard asks for it
        published = date.fromisoformat(published_text)
        shown = reference or "(no ref)"
        things.append(DueThing(S55, f"s55:{inspection_id}", shown, title, s55_last_day(published), inspection_id))
        if target_days:
            things.append(DueThing(INTERNAL, f"internal:{inspection_id}", shown, title,
                                   internal_target(published, target_days), inspection_id))
    return things


def _finding_things(db: Database, until: date | None, undated_months: int | None = None) -> list[DueThing]:
    """Open findings by target date; with `undated_months`, those with no date, due that long after
    the report was published. `until`: only those due by then (SQL-side), None for all."""
    things = []
    if undated_months is None:
        rows = store.open_finding_targets(db, until)
    else:
        rows = store.open_undated_findings(db, shift(until, months=-undated_months) if until else None)
    for finding_id, inspection_id, inspection_ref, inspection_title, finding_ref, kind, text, target in rows:
        label = FINDING_KIND_LABELS.get(kind, kind)
        report = inspection_ref or _short(inspection_title, 40)
        reference = " / ".join(part for part in (report, f"{label} {finding_ref}".strip()) if part)
        due = date.fromisoformat(target)
        if undated_months is None:
            things.append(DueThing(FINDING, f"finding:{finding_id}", reference, _short(text), due, inspection_id))
        else:
            things.append(DueThing(UNDATED, f"undated:{finding_id}", reference, _short(text),
                                   shift(due, months=undated_months), inspection_id))
    return things


def _cc_reply_things(db: Database, until: date | None) -> list[DueThing]:
    from ..storage.s55_workflow import open_cc_reply_dates

    return [DueThing(CC_REPLY, f"cc_reply:{inspection_id}", reference or "(no ref)", title,
                     date.fromisoformat(due), inspection_id)
            for inspection_id, reference, title, due in open_cc_reply_dates(db, until)]


def _action_things(db: Database, until: date | None) -> list[DueThing]:
    return [DueThing(ACTION, f"action:{action_id}", f"{board} action {number:03d}", _short(text),
                     date.fromisoformat(due), meeting_id=meeting_id)
            for action_id, board, number, text, due, meeting_id in store.open_action_dues(db, until)]


def _short(text: str, limit: int = 160) -> str:
    """One line, cut at a word with an ellipsis when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    return flat[:limit].rsplit(" ", 1)[0] + "…"


# Each source: (db, settings, until) -> things due by `until` (None: every open one).
SOURCES = {
    S55: lambda db, settings, until: [t for t in _s55_things(db, settings) if t.kind == S55],
    INTERNAL: lambda db, settings, until: [t for t in _s55_things(db, settings) if t.kind == INTERNAL],
    CC_REPLY: lambda db, settings, until: _cc_reply_things(db, until),
    FINDING: lambda db, settings, until: _finding_things(db, until),
    UNDATED: lambda db, settings, until: _finding_things(db, until, _months(settings)),
    ACTION: lambda db, settings, until: _action_things(db, until),
}


def _months(settings: dict[str, str]) -> int:
    text = settings.get("undated_finding_months", "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else 12


def parse_kinds(text: str) -> tuple[str, ...]:
    """"s55,finding" or "all" → the kinds; a clear message names anything unknown."""
    wanted = [part.strip().lower() for part in text.split(",") if part.strip()]
    if not wanted or wanted == ["all"]:
        return KINDS
    unknown = [w for w in wanted if w not in KINDS]
    if unknown:
        raise UserFacingError(f"Unknown reminder kind {unknown[0]!r}: use {', '.join(KINDS)} or all.")
    return tuple(dict.fromkeys(wanted))


class ReminderService:
    def __init__(self, db: Database):
        self.db = db

    def lead_days(self) -> tuple[int, ...]:
        try:
            return parse_lead_days(read_settings(self.db).get("reminder_lead_days", ""))
        except ValueError:
            return DEFAULT_LEAD_DAYS

    def due_things(self, kinds: tuple[str, ...] = KINDS, until: date | None = None) -> list[DueThing]:
        """Open deadlines of these kinds; with `until`, only those due by then (filtered in SQL)."""
        settings = read_settings(self.db)
        things: list[DueThing] = []
        for kind in kinds:
            things += [t for t in SOURCES[kind](self.db, settings, until) if until is None or t.due <= until]
        return things

    def configured_kinds(self) -> tuple[str, ...]:
        """The kinds the office chose to be reminded about (Office settings), all by default."""
        try:
            return parse_kinds(read_settings(self.db).get("reminder_kinds", "all"))
        except UserFacingError:
            return KINDS

    def current(self, today: date, kinds: tuple[str, ...] | None = None, *,
                include_silenced: bool = False) -> list[Reminder]:
        """What reminds today, of `kinds` (default: the kinds chosen in Office settings). Only deadlines
        within the largest lead time are read from the database: nothing further out can remind."""
        leads = self.lead_days()
        horizon = shift(today, days=max(leads, default=0))
        return reminders(self.due_things(kinds or self.configured_kinds(), horizon), today, store.read_states(self.db),
                         leads, include_silenced=include_silenced)

    def calendar(self, today: date, kinds: tuple[str, ...] = KINDS) -> bytes:
        """Every open deadline of these kinds as an .ics file (stable UIDs: a re-import updates)."""
        from .calendar_export import deadlines_calendar

        return deadlines_calendar(self.due_things(kinds), today, read_settings(self.db).get("office_name", ""))

    def compliance(self, today: date) -> list[YearCompliance]:
        """s.55 responses per year of publication: on time, late, median days taken, open and overdue."""
        return compliance_by_year(store.s55_history_rows(self.db), today)

    def compliance_pdf(self, today: date) -> bytes:
        from ..letters.compliance_report import compliance_pdf  # lazily: ReportLab is slow to import

        from ..storage.office_mark import is_demonstration

        return compliance_pdf(read_settings(self.db).get("office_name", ""), self.compliance(today), today,
                              is_demonstration(self.db.conn))

    def acknowledge(self, thing: DueThing, today: date) -> Changes:
        """Hide the reminder until the next lead-time threshold (or until it becomes overdue)."""
        with self.db.atomic():
            state = store.read_states(self.db).get(thing.key, ReminderState(thing.key))
            store.write_state(self.db, replace(state, acknowledged_on=today,
                                               acknowledged_days_left=thing.days_left(today)))
        return Changes(reminders=True)

    def snooze(self, thing: DueThing, today: date, until: date) -> Changes:
        if until <= today:
            raise UserFacingError("Snooze until a date after today.")
        with self.db.atomic():
            state = store.read_states(self.db).get(thing.key, ReminderState(thing.key))
            store.write_state(self.db, replace(state, snoozed_on=today, snoozed_until=until))
        return Changes(reminders=True)

    def restore(self, thing: DueThing) -> Changes:
        """Forget any snooze or acknowledgement: the reminder shows again."""
        with self.db.atomic():
            store.clear_state(self.db, thing.key)
        return Changes(reminders=True)
