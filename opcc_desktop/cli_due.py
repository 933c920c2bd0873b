"""`due`: what is overdue or due soon, as text, JSON or an .ics calendar. Public promise: the default
(s.55 responses only, text) and `--json` print exactly what they always have; `--kinds` and
`--format ics` add to that."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, TextIO

from .domain.dates import format_uk, shift
from .domain.reminders import KIND_LABELS, S55

if TYPE_CHECKING:
    from .domain.reminders import DueThing

DEFAULT_WITHIN = 28
FORMATS = ("text", "json", "ics")


def add_due_options(p_due: argparse.ArgumentParser) -> None:
    p_due.add_argument("--format", choices=FORMATS, default=None,
                       help="text (default), json, or ics (an iCalendar file for Outlook)")
    p_due.add_argument("--kinds", default="s55", metavar="KINDS",
                       help="comma-separated: s55, internal, cc_reply, finding, undated_finding, action, or all (default: s55)")
    p_due.add_argument("--out", metavar="FILE", default=None, help="write to FILE instead of the screen")


def _when(days_left: int) -> str:
    if days_left < 0:
        return f"{-days_left} day{'s' if days_left != -1 else ''} OVERDUE"
    if days_left == 0:
        return "last day TODAY"
    return f"{days_left} day{'s' if days_left != 1 else ''} left"


def _thing_json(thing: DueThing, today: date) -> dict[str, object]:
    left = thing.days_left(today)
    return {"what": KIND_LABELS[thing.kind], "kind": thing.kind, "reference": thing.reference,
            "title": thing.title, "due": thing.due.isoformat(), "days_left": left, "overdue": left < 0}


def run_due(args: argparse.Namespace, out: TextIO, open_db) -> int:
    from .services.deadlines import due_items
    from .services.reminders import ReminderService, parse_kinds

    today = args.today or date.today()
    output_format = args.format or ("json" if args.json else "text")
    kinds = parse_kinds(args.kinds)
    db = open_db(args)
    if output_format == "ics":
        from .services.calendar_export import deadlines_calendar
        from .storage.settings import read_settings

        until = None if args.within is None else shift(today, days=args.within)
        things = ReminderService(db).due_things(kinds, until)
        _emit(deadlines_calendar(things, today, read_settings(db).get("office_name", "")).decode("utf-8"), args, out)
        return 0
    within = DEFAULT_WITHIN if args.within is None else args.within
    s55 = due_items(db, today, within) if S55 in kinds else []
    others = ReminderService(db).due_things(tuple(k for k in kinds if k != S55), shift(today, days=within))
    others.sort(key=lambda t: (t.due, t.kind, t.reference))
    if output_format == "json":
        rows = [i.as_json() for i in s55] + [_thing_json(t, today) for t in others]
        _emit(json.dumps(rows, ensure_ascii=False, indent=2), args, out)
        return 0
    if not s55 and not others:
        _emit(f"Nothing overdue or due within {within} days of {format_uk(today)}.", args, out)
        return 0
    lines = [f"{item.what}\t{item.inspection or '(no ref)'}\tlast day {format_uk(item.due)}\t"
             f"{_when(item.days_left)}\t{item.title}" for item in s55]
    lines += [f"{KIND_LABELS[t.kind]}\t{t.reference}\tdue {format_uk(t.due)}\t{_when(t.days_left(today))}\t{t.title}"
              for t in others]
    _emit("\n".join(lines), args, out)
    return 0


def _emit(text: str, args: argparse.Namespace, out: TextIO) -> None:
    if args.out:
        from pathlib import Path

        from .errors import UserFacingError

        try:
            Path(args.out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8", newline="")
        except OSError as exc:
            raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
        print(f"Wrote {args.out}.", file=out)
        return
    print(text, file=out)
