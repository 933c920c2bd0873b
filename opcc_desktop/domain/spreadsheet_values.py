"""Cell values from Excel or CSV as text, dates and statuses, as people type them in trackers."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from .dates import in_range, parse_uk_date

_MONTHS = {name.casefold(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.casefold(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH_YEAR = re.compile(r"^(?:end\s+(?:of\s+)?)?(?P<month>[A-Za-z]+)\.?[\s,-]+(?P<year>\d{4}|\d{2})$", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(
    r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?P<month>[A-Za-z]+)\.?,?[\s-]+(?P<year>\d{4}|\d{2})$")
_NUMERIC = re.compile(r"^(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4}|\d{2})$")
# "Q4 2023/24" (UK financial year: Q1 = April–June … Q4 = January–March) and "2023/24 Q4"
_QUARTER_FY = re.compile(r"^(?:q(?P<q1>[1-4])\s*(?:of\s+)?(?:fy\s*)?(?P<y1>\d{4})\s*[/-]\s*\d{2,4}|"
                         r"(?:fy\s*)?(?P<y2>\d{4})\s*[/-]\s*\d{2,4}\s*q(?P<q2>[1-4]))$", re.IGNORECASE)
_QUARTER_CALENDAR = re.compile(r"^q(?P<q>[1-4])\s+(?P<y>\d{4})$", re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"^(?:fy\s*|end\s+of\s+)?(?P<y>\d{4})\s*[/-]\s*(?P<y2>\d{2}|\d{4})$", re.IGNORECASE)
EXCEL_EPOCH = date(1899, 12, 30)
# A status that means the finding is done, however the office wrote it.
_CLOSED_WORDS = re.compile(
    r"^(?:closed?|complete[d]?|achieved|discharged|done|implemented|finished|resolved|signed\s+off|"
    r"superseded|no\s+further\s+action|nfa)\b", re.IGNORECASE)
CLOSED_COMPLETE = "Closed – complete"
CLOSED_SUPERSEDED = "Closed – superseded by later inspection"


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


def _year(text: str) -> int:
    """A two-digit year is 20yy; four digits are taken as written ("0001" stays year 1, then refused)."""
    year = int(text)
    return year + 2000 if len(text) <= 2 else year


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _quarter_end_fy(quarter: int, first_year: int) -> date:
    """Q1 2023/24 ends 30 June 2023 … Q4 2023/24 ends 31 March 2024."""
    year, month = (first_year, 3 + 3 * quarter) if quarter < 4 else (first_year + 1, 3)
    return _month_end(year, month)


def cell_date(value: object) -> date | None:
    found = _cell_date(value)
    return in_range(found) if found is not None else None


def _cell_date(value: object) -> date | None:
    """A date from an Excel date cell, an Excel serial number or text as UK trackers write it: 31/03/2021,
    31/03/21, 31.03.21, 2021-03-31, 31 March 2021, March 2021 and Sept 2014 (end of month), Q4 2023/24
    (end of that quarter of the financial year, 31/03/2024), 2023/24 (31/03/2024). Empty → None. Anything
    else ("TBC", "Immediately") raises ValueError with a plain message."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 2_958_466:  # Excel's serial day numbers (1900 system)
            return EXCEL_EPOCH + timedelta(days=int(value))
        raise ValueError(f"{cell_text(value)!r} is not a date")
    text = " ".join(cell_text(value).split())
    if not text:
        return None
    try:
        return _text_date(text)
    except ValueError as error:
        raise ValueError(str(error)) from None


def _text_date(text: str) -> date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[ T].*)?", text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    if re.fullmatch(r"\d{5}(?:\.0+)?", text):
        return cell_date(float(text))  # type: ignore[return-value]  # a serial exported as text
    if found := _NUMERIC.match(text):
        try:
            return date(_year(found["year"]), int(found["month"]), int(found["day"]))
        except ValueError:
            raise ValueError(f"{text!r} is not a real date") from None
    if found := _DAY_MONTH_YEAR.match(text):
        month = _MONTHS.get(found["month"].casefold())
        if month:
            try:
                return date(_year(found["year"]), month, int(found["day"]))
            except ValueError:
                raise ValueError(f"{text!r} is not a real date") from None
    if (found := _MONTH_YEAR.match(text)) and (month := _MONTHS.get(found["month"].casefold().rstrip("."))):
        return _month_end(_year(found["year"]), month)
    if found := _QUARTER_FY.match(text):
        return _quarter_end_fy(int(found["q1"] or found["q2"]), int(found["y1"] or found["y2"]))
    if found := _QUARTER_CALENDAR.match(text):
        return _month_end(int(found["y"]), 3 * int(found["q"]))
    if (found := _FINANCIAL_YEAR.match(text)) and _year(found["y2"][-2:]) == int(found["y"]) + 1:
        return date(int(found["y"]) + 1, 3, 31)
    if "/" in text:
        try:
            return parse_uk_date(text)
        except ValueError:
            pass
    raise ValueError(f"{text!r} is not a date")


def closed_status(text: str) -> str:
    """The office's status for a tracker's "Complete", "Achieved", "Discharged", "Closed – …" (which are
    closed), or the text unchanged."""
    cleaned = " ".join(text.split())
    if not cleaned or cleaned.casefold().startswith("closed"):
        return cleaned
    if _CLOSED_WORDS.match(cleaned):
        return CLOSED_SUPERSEDED if cleaned.casefold().startswith("superseded") else CLOSED_COMPLETE
    return cleaned
