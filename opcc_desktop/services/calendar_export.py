"""Deadlines as an iCalendar (.ics) file that Outlook imports: one all-day event per deadline.

Each event's UID names the record and the kind of deadline, not the date, so importing a newer
file updates the existing events instead of duplicating them (a moved target date moves the event).
"""

from __future__ import annotations

from datetime import date, datetime, time, UTC

from icalendar import Calendar, Event

from ..domain.dates import shift
from ..domain.reminders import KIND_LABELS, DueThing

PRODUCT_ID = "-//OPCC Desktop//Deadlines//EN"
UID_DOMAIN = "opcc-desktop"


def event_uid(thing: DueThing, office_name: str = "") -> str:
    office = "".join(ch for ch in office_name.lower() if ch.isalnum())[:40] or "office"
    return f"{thing.key.replace(':', '-')}.{office}@{UID_DOMAIN}"


def deadlines_calendar(things: list[DueThing], today: date, office_name: str = "") -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{office_name or 'OPCC'} deadlines")
    stamp = datetime.combine(today, time(0, 0), tzinfo=UTC)
    for thing in sorted(things, key=lambda t: (t.due, t.key)):
        what = KIND_LABELS.get(thing.kind, thing.kind)
        event = Event()
        event.add("uid", event_uid(thing, office_name))
        event.add("dtstamp", stamp)
        event.add("dtstart", thing.due)
        event.add("dtend", shift(thing.due, days=1))
        event.add("summary", f"{what} due: {thing.reference} – {thing.title}"[:250])
        event.add("description", f"{what}\nReference: {thing.reference}\n{thing.title}\nDue: {thing.due.isoformat()}")
        event.add("categories", [what])
        event.add("transp", "TRANSPARENT")
        calendar.add_component(event)
    return bytes(calendar.to_ical())
