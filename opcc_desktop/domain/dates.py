"""Parsing and formatting dates the UK way: ISO in files, dd/mm/yyyy on screen, ordinals in letters."""

from __future__ import annotations

import re
from datetime import date, timedelta

FIRST_YEAR, LAST_YEAR = 1900, 2199  # dates outside are typing slips (or hostile files), refused at input


def in_range(value: date) -> date:
    """`value` when its year is 1900–2199; ValueError with a plain reason otherwise."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"{value:%d/%m/%Y} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return value


def shift(day: date, *, days: int = 0, months: int = 0) -> date:
    """`day` moved by months then days, never raising: a stored date near year 1 or 9999 (an old file,
    a hostile import) clamps to the calendar's ends instead of breaking every deadline after it."""
    try:
        if months:
            from dateutil.relativedelta import relativedelta  # only when months are asked for

            moved: date = day + relativedelta(months=months, days=days)
            return moved
        return day + timedelta(days=days)
    except (OverflowError, ValueError):
        return date.max if (months, days) > (0, 0) else date.min


_UK_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\s*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def parse_iso_date(text: str) -> date:
    """Parse strict ISO `YYYY-MM-DD`; raise ValueError with a readable reason otherwise."""
    if not isinstance(text, str) or not _ISO_DATE.match(text):
        raise ValueError(f"expected a date as YYYY-MM-DD, got {text!r}")
    try:
        parsed = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a real date") from None
    return in_range(parsed)


def parse_uk_date(text: str) -> date:
    """Parse `dd/mm/yyyy` as typed in a form (also `dd/mm/yy`, read as 20yy, and ISO); ValueError with a
    reason otherwise. UK staff type "1/2/24" constantly; every date this office records is this century."""
    if _ISO_DATE.match(text.strip()):
        return parse_iso_date(text.strip())
    match = _UK_DATE.match(text)
    if not match:
        raise ValueError("enter the date as dd/mm/yyyy")
    day, month, year = (int(g) for g in match.groups())
    if len(match.group(3)) == 2:
        year += 2000
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise ValueError(f"{text.strip()} is not a real date") from None
    return in_range(parsed)


def format_uk(value: date | None) -> str:
    """`dd/mm/yyyy`, or an empty string for no date."""
    return value.strftime("%d/%m/%Y") if value else ""


def ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def format_letter_date(value: date, style: str = "ordinal") -> str:
    """"11th September 2020" (ordinal) or "11 September 2020" (plain)."""
    suffix = ordinal_suffix(value.day) if style == "ordinal" else ""
    return f"{value.day}{suffix} {MONTHS[value.month - 1]} {value.year}"
