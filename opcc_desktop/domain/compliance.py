"""s.55 compliance figures per year of publication: on time, late, median days taken, still open.

Pure. Days taken counts like s.55: the publication day is day 1, so a response on the last
permissible day took 56 days. Reports where s.55 does not apply are left out; "unclear" ones count.
The on-time percentage counts only decided cases (responses published, on time or late); reports still
open, overdue or in time, are shown apart and never pull the percentage down to "0%".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median

from .deadlines import S55_PERIOD_DAYS, s55_day_number, s55_last_day


@dataclass(frozen=True)
class YearCompliance:
    year: int
    reports: int
    published_on_time: int
    published_late: int
    open_overdue: int
    open_in_time: int
    median_days: float | None

    @property
    def decided(self) -> int:
        """Responses published, on time or late: the cases the percentage is of."""
        return self.published_on_time + self.published_late

    @property
    def still_open(self) -> int:
        return self.open_overdue + self.open_in_time

    @property
    def on_time_percent(self) -> float | None:
        return None if self.decided == 0 else 100.0 * self.published_on_time / self.decided

    @property
    def on_time_text(self) -> str:
        """"67% of 3 decided", or "none decided yet"."""
        if self.on_time_percent is None:
            return "none decided yet"
        return f"{self.on_time_percent:.0f}% of {self.decided} decided"


def compliance_by_year(rows: list[tuple[date, str, date | None]], today: date) -> list[YearCompliance]:
    """`rows`: (published, s55_applies, response_published) for every inspection; newest year first."""
    years: dict[int, list[tuple[date, date | None]]] = {}
    for published, applies, response in rows:
        if applies != "no":
            years.setdefault(published.year, []).append((published, response))
    result = []
    for year in sorted(years, reverse=True):
        on_time = late = overdue = still_in_time = 0
        taken = []
        for published, response in years[year]:
            if response is not None:
                days = s55_day_number(published, response)
                taken.append(days)
                if days <= S55_PERIOD_DAYS:
                    on_time += 1
                else:
                    late += 1
            elif today > s55_last_day(published):
                overdue += 1
            else:
                still_in_time += 1
        result.append(YearCompliance(year, len(years[year]), on_time, late, overdue, still_in_time,
                                     float(median(taken)) if taken else None))
    return result


def currently_overdue(figures: list[YearCompliance]) -> int:
    return sum(f.open_overdue for f in figures)
