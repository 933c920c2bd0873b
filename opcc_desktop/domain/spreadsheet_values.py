"""Cell values from Excel or CSV as text and dates, as people type them in trackers."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from .dates import in_range, parse_uk_date

_MONTH_YEAR = re.compile(r"^(?P<month>[A-Za-z]+)\.?\s+(?P<year>\d{4})$")
_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name})
_DAY_MONTH_YEAR = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Za-z]+)\.?,?\s+(?P<year>\d{4})$")


def cell_text(value: object) -> str:
    """Text of a cell: numbers without a spurious ".0" (29550.0 → "29550"), dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def cell_date(value: object) -> date | None:
    found = _cell_date(value)
    return in_range(found) if found is not None else None


def _cell_date(value: object) -> date | None:
    """A date from an Excel date cell or text: 2021-03-31, 31/03/2021, 31 March 2021, March 2021 (end of
    month). Empty → None. Anything else raises ValueError with a plain message."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = cell_text(value)
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    if "/" in text or re.fullmatch(r"\d{1,2}[.-]\d{1,2}[.-]\d{4}", text):
        try:
            return parse_uk_date(text.replace(".", "/").replace("-", "/"))
        except ValueError as exc:
            if "1900" in str(exc):  # a real date, outside the years accepted
                raise
            raise ValueError(f"{text!r} is not a date (use dd/mm/yyyy)") from None
    if found := _DAY_MONTH_YEAR.match(text):
        month = _MONTHS.get(found["month"].casefold())
        try:
            if month:
                return date(int(found["year"]), month, int(found["day"]))
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    if (found := _MONTH_YEAR.match(text)) and (month := _MONTHS.get(found["month"].casefold())):
        year = int(found["year"])
        return date(year, month, calendar.monthrange(year, month)[1])
    raise ValueError(f"{text!r} is not a date (use dd/mm/yyyy)")
