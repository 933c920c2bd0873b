"""Who a finding is addressed to and by when, read from its words (part of Paste findings; pure).

"By March 2021, the NPCC lead, the College of Policing and the Home Office should …" → the three bodies and
31 March 2021. Addressees are bodies (forces, chief constables, the College of Policing, the Home Office, NPCC
leads, the Cabinet Office …), never a time phrase ("Within six months"), a pronoun ("It", "There") or a
clause ("If forces haven't …"). "The force should" names no body: the inspected force is implied.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = "|".join(calendar.month_name[1:])
_MONTHS_SHORT = "|".join(m[:3] for m in calendar.month_name[1:]) + "|Sept"
_MONTH = rf"(?:{_MONTHS}|(?:{_MONTHS_SHORT})\.?)"
_DEADLINE_WORDS = r"(?:by|before|not\s+later\s+than|no\s+later\s+than|on\s+or\s+before)"
BY_MONTH = re.compile(
    rf"^{_DEADLINE_WORDS}\s+(?:the\s+end\s+of\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTH})\s+"
    rf"(?P<year>\d{{4}})\s*,?\s*", re.IGNORECASE)
BY_DAY = re.compile(
    rf"\b{_DEADLINE_WORDS}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})\b",
    re.IGNORECASE)
# Words before "should" that only say when or who recommends: removed before reading the addressees.
_PREAMBLE = re.compile(
    r"^(?:(?:we|hmicfrs|hmic|hmi|the\s+inspectorate)\s+recommends?\s+that\s*,?\s*|that\s+|and\s+)?"
    r"(?:(?:within|in|over)\s+(?:the\s+next\s+)?(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)|immediately|"
    r"with\s+immediate\s+effect|"
    r"as\s+a\s+matter\s+of\s+(?:urgency|priority)|" + _DEADLINE_WORDS + r"\s+[^,]{3,40}?\d{4}|now)\s*,?\s*",
    re.IGNORECASE)
_RECOMMENDS = re.compile(r"^(?:we|hmicfrs|hmic|hmi)\s+recommends?\s+that\s*,?\s*|^that\s+", re.IGNORECASE)
WHO_SHOULD = re.compile(r"^(?P<who>[^.;:‘“\"()]+?)\s+(?:should|must|needs?\s+to|ought\s+to)\b", re.IGNORECASE)
_NOT_BODIES = re.compile(
    r"^(?:it|they|there|this|these|those|that|we|he|she|you|i|each|every|all|one|which|who|what|where|"
    r"if|when|as|to|so|but|however|also|then|within|by|before|immediately|now|action|work|more|further|"
    r"consideration|there\s+\w+)$", re.IGNORECASE)
_CLAUSE = re.compile(r"^(?:if|when|where|as|to|so|because|while|although|unless|once|until|where)\b", re.IGNORECASE)
_THE_FORCE = re.compile(r"^(?:the\s+)?(?:force|constabulary|service|police\s+force|organisation)$", re.IGNORECASE)
_BODY_WORDS = re.compile(
    r"\b(?:forces?|constables?|constabulary|police|policing|college|office|npcc|lead|leads|commissioners?|pccs?|"
    r"government|agency|service|council|authority|authorities|inspectorate|cps|department|ministry|board|"
    r"secretary|chiefs?|officers?|bodies|body|ioPC|nca|unit|units|rocus?|coordinator|association|apcc)\b",
    re.IGNORECASE)


def _month_number(month: str) -> int:
    key = month.rstrip(".").casefold()[:3]
    return [m.casefold()[:3] for m in calendar.month_name].index(key) if key != "sep" else 9


def _month_end(month: str, year: str) -> date | None:
    year_number = int(year)
    if not 1900 <= year_number <= 2200:
        return None
    number = _month_number(month)
    return date(year_number, number, calendar.monthrange(year_number, number)[1])


def target_date_in(text: str) -> date | None:
    """"By March 2021, …" → 31 March 2021; "Not later than 31 March 2015 …", "… by 31 March 2022 …" → that day."""
    body = _RECOMMENDS.sub("", text.strip(), count=1)
    if (found := BY_MONTH.match(body)) and not found["day"]:
        return _month_end(found["month"], found["year"])
    if found := BY_MONTH.match(body) or BY_DAY.search(text):
        try:
            return date(int(found["year"]), _month_number(found["month"]), int(found["day"]))
        except ValueError:
            return None
    return None


def _name(part: str) -> str:
    part = re.sub(r"^(?:(?:working|in\s+consultation|in\s+collaboration|together|jointly)\s+with|supported\s+by|"
                  r"with\s+the\s+support\s+of)\s+", "", part.strip(" ,"), flags=re.IGNORECASE)
    part = re.sub(r"^(?:the|all|each|every|both)\s+", "", part.strip(" ,"), flags=re.IGNORECASE)
    part = re.sub(r"^(?:the|all)\s+", "", part, flags=re.IGNORECASE)
    return part[:1].upper() + part[1:] if part else ""


def addressees_in(text: str) -> tuple[str, ...]:
    """The bodies a finding says "should" act; () when it names none (or only "the force")."""
    body = text.strip()
    for _ in range(3):  # "We recommend that, within six months, …" peels in steps
        peeled = _PREAMBLE.sub("", body, count=1)
        if peeled == body:
            break
        body = peeled
    found = WHO_SHOULD.match(body)
    if not found or len(found["who"]) > 160 or _CLAUSE.match(found["who"]):
        return ()
    parts = re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*", found["who"])
    names = [_name(part) for part in parts if part.strip()]
    if not names or any(len(name.split()) > 9 or _NOT_BODIES.match(name) or not name for name in names):
        return ()
    if any(not (_BODY_WORDS.search(name) or name[:1].isupper() and any(w[:1].isupper() for w in name.split()[1:]))
           for name in names):
        return ()  # "Officers' workload should …": a thing, not a body
    if len(names) == 1 and _THE_FORCE.match(names[0]):
        return ()
    return tuple(names)
