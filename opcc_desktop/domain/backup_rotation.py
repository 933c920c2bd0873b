"""Which backups to keep: the newest of each of the last 7 days, 4 ISO weeks and 12 months."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def backups_to_keep(taken: Iterable[datetime], today: date) -> set[datetime]:
    """The subset of backup times to keep; anything dated after `today` is kept (clock trouble)."""
    times = sorted(set(taken), reverse=True)
    keep = {t for t in times if t.date() > today}
    buckets: dict[tuple[str, object], datetime] = {}
    this_week = today - timedelta(days=today.weekday())
    for t in times:
        day = t.date()
        if day > today:
            continue
        if (today - day).days < DAILY:
            buckets.setdefault(("day", day), t)
        week_start = day - timedelta(days=day.weekday())
        if (this_week - week_start).days // 7 < WEEKLY:
            buckets.setdefault(("week", week_start), t)
        if _month_index(today) - _month_index(day) < MONTHLY:
            buckets.setdefault(("month", (day.year, day.month)), t)
    return keep | set(buckets.values())
