"""The s.55 deadline arithmetic. Every function takes `today`; none reads the clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .dates import shift

S55_PERIOD_DAYS = 56
"""Police Act 1996 s.55(5A): publish "before the end of the period of 56 days beginning with the
day on which the report is published". Publication day is day 1."""


def s55_last_day(published: date) -> date:
    """The last permissible day to publish the response: publication day + 55 calendar days."""
    return shift(published, days=S55_PERIOD_DAYS - 1)  # never raises, even for a year-9999 date


def s55_day_number(published: date, on: date) -> int:
    """Which day of the 56-day period `on` is (publication day is day 1)."""
    return (on - published).days + 1


@dataclass(frozen=True)
class DeadlineState:
    """Where a deadline stands on a given day."""

    last_day: date
    days_left: int  # 0 on the last day itself; negative once overdue
    overdue: bool
    met_on: date | None = None  # the day the duty was met, if it was

    @property
    def met(self) -> bool:
        return self.met_on is not None

    @property
    def met_in_time(self) -> bool:
        return self.met_on is not None and self.met_on <= self.last_day

    def describe(self) -> str:
        """Plain English for a list cell or a label: "12 days left", "3 days overdue"."""
        if self.met_on is not None:
            late = (self.met_on - self.last_day).days
            if late > 0:
                return f"Published {late} day{'s' if late != 1 else ''} late"
            return "Published in time"
        if self.overdue:
            n = -self.days_left
            return f"{n} day{'s' if n != 1 else ''} overdue"
        if self.days_left == 0:
            return "Last day today"
        return f"{self.days_left} day{'s' if self.days_left != 1 else ''} left"


def s55_state(published: date, today: date, response_published: date | None = None) -> DeadlineState:
    """The s.55 deadline state for a report published on `published`, seen on `today`."""
    last = s55_last_day(published)
    days_left = (last - today).days
    overdue = response_published is None and today > last
    return DeadlineState(last_day=last, days_left=days_left, overdue=overdue, met_on=response_published)
