"""Paste to parse: turn the pasted text of a report's recommendations / AFI section into findings.

Recognised starts of a finding (a line each; a leading bullet `-`, `•`, `*` is ignored):
- `AFI LEVEL 3 #29550 - The force should …`, `Recommendation LEVEL 2 #29536: …`, `Cause of concern 1 …`,
  `Area for improvement 4. …` (kind word, optional level, optional reference, then the text);
- a numbered item `1.0 By March 2021, chief constables should …`, `3. The force should …`, `R4 …`
  inside a recommendations / AFI section, or whose text says who "should" act.
A heading line alone (`Areas for improvement:`, `Recommendations`) sets the kind of the numbered items
below it. Wrapped lines are joined; a later paragraph starting `Force response:` or `PCC response:`
fills that response. Page furniture (`Page 3 of 40`, bare page numbers) is dropped. Pure: no Qt.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from .vocabulary import (
    ACCELERATED_CAUSE_OF_CONCERN, AREA_FOR_IMPROVEMENT, CAUSE_OF_CONCERN, INNOVATIVE_PRACTICE, RECOMMENDATION,
)

_KIND_WORDS = (
    (r"accelerated\s+causes?\s+of\s+concern", ACCELERATED_CAUSE_OF_CONCERN),
    (r"causes?\s+of\s+concern|coc", CAUSE_OF_CONCERN),
    (r"areas?\s+for\s+improvement|afis?", AREA_FOR_IMPROVEMENT),
    (r"recommendations?|rec", RECOMMENDATION),
    (r"(?:innovative|promising)\s+practice", INNOVATIVE_PRACTICE),
)
_KIND_PATTERN = "|".join(f"(?:{words})" for words, _kind in _KIND_WORDS)
_BULLET = r"(?:[-•*▪·‣◦]\s*)?"
_DASH = r"[-–—:.)]"
KIND_START = re.compile(
    rf"^{_BULLET}(?P<kind>{_KIND_PATTERN})\b\s*(?P<level>level\s*\d+)?\s*"
    rf"(?:(?:no\.?\s*)?#?\s*(?P<ref>[A-Za-z]?\d[\w./]*))?\s*(?:{_DASH}\s*)?(?P<text>.*)$",
    re.IGNORECASE,
)
KIND_THEN_DASH = re.compile(rf"^{_BULLET}(?:{_KIND_PATTERN})\s*[-–—:]", re.IGNORECASE)
NUMBERED_START = re.compile(rf"^{_BULLET}(?P<ref>(?:R|AFI|CoC)?\d+(?:\.\d+)*)(?:[.)]|\s*{_DASH})?\s+(?P<text>\S.*)$",
                            re.IGNORECASE)
BULLET_START = re.compile(r"^[-•*▪·‣◦]\s+(?P<text>\S.*)$")
RESPONSE_START = re.compile(
    r"^(?P<who>force|constabulary|chief constable'?s?|pcc|pfcc|opcc|commissioner'?s?|police and crime commissioner'?s?)"
    r"\s+response\s*[:\-–]\s*(?P<text>.*)$", re.IGNORECASE)
PAGE_FURNITURE = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d{1,4})$", re.IGNORECASE)
_MONTHS = "|".join(calendar.month_name[1:])
BY_MONTH = re.compile(rf"^by\s+(?:the\s+end\s+of\s+)?(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})\s*,?\s*", re.IGNORECASE)
BY_DAY = re.compile(rf"\bby\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTHS})\s+(?P<year>\d{{4}})\b",
                    re.IGNORECASE)
WHO_SHOULD = re.compile(r"^(?P<who>.+?)\s+should\b", re.IGNORECASE)
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u200b": ""})
MAX_LINE = 20_000


@dataclass
class ParsedFinding:
    kind: str
    text: str
    reference: str = ""
    level: str = ""
    target_date: date | None = None
    addressees: tuple[str, ...] = ()
    force_response: str = ""
    pcc_response: str = ""
    line: int = 0
    _parts: list[str] = field(default_factory=list, repr=False)


def _kind_of(word: str) -> str:
    for words, kind in _KIND_WORDS:
        if re.fullmatch(words, word.strip(), re.IGNORECASE):
            return kind
    return RECOMMENDATION


PLURAL_WORDS = {"recommendations", "areas", "causes", "afis", "practices"}


def _is_plural(words: str) -> bool:
    """"Areas for improvement" heads a list; "Area for improvement" heads one finding."""
    return any(word in PLURAL_WORDS for word in words.casefold().split())


def _month_end(month: str, year: str) -> date | None:
    number = [m.casefold() for m in calendar.month_name].index(month.casefold())
    year_number = int(year)
    if not 1900 <= year_number <= 2200:
        return None
    return date(year_number, number, calendar.monthrange(year_number, number)[1])


def target_date_in(text: str) -> date | None:
    """"By March 2021, …" → 31 March 2021; "… by 31 March 2022 …" → that day."""
    if (found := BY_MONTH.match(text)) and not found["day"]:
        return _month_end(found["month"], found["year"])
    if found := BY_MONTH.match(text) or BY_DAY.search(text):
        number = [m.casefold() for m in calendar.month_name].index(found["month"].casefold())
        try:
            return date(int(found["year"]), number, int(found["day"]))
        except ValueError:
            return None
    return None


def addressees_in(text: str) -> tuple[str, ...]:
    """"By March 2021, the NPCC lead, the College of Policing and the Home Office should …" → the three
    bodies. Nothing for "The force should" / "Cumbria Constabulary should" (the force itself)."""
    body = BY_MONTH.sub("", text, count=1)
    found = WHO_SHOULD.match(body)
    if not found or len(found["who"]) > 200:
        return ()
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", found["who"])
    names = tuple(re.sub(r"^the\s+", "", p.strip(), flags=re.IGNORECASE) for p in parts if p.strip())
    if any(len(name.split()) > 8 or re.match(r"(if|when|where|as|to)\b", name, re.IGNORECASE) for name in names):
        return ()  # a clause, not a list of bodies
    if len(names) == 1 and re.search(r"\b(force|constabulary|police)$", names[0], re.IGNORECASE):
        return ()
    return tuple(n[:1].upper() + n[1:] for n in names)


def _clean(line: str) -> str:
    line = line.translate(_SPACES)
    return " ".join(line.split())[:MAX_LINE]


def _strip_emphasis(text: str) -> str:
    """Markdown / Word bold markers left around a pasted finding (`**`, `__`)."""
    return re.sub(r"^(?:\*\*|__)+|(?:\*\*|__)+$", "", text).strip()


def _join(parts: list[str]) -> str:
    text = ""
    for part in parts:
        if text.endswith("-") and part[:1].islower() and not text.endswith(" -"):
            text = text[:-1] + part  # a word hyphenated across a line break
        else:
            text = f"{text} {part}" if text else part
    return _strip_emphasis(text)


class _Reader:
    def __init__(self) -> None:
        self.found: list[ParsedFinding] = []
        self.current: ParsedFinding | None = None
        self.target: str = "text"  # which part of `current` continuation lines extend
        self.section_kind: str | None = None
        self.blank_before = True

    def finish(self) -> None:
        finding = self.current
        if finding is not None:
            finding.text = _join(finding._parts)
            finding.force_response = _strip_emphasis(finding.force_response)
            finding.pcc_response = _strip_emphasis(finding.pcc_response)
            if finding.text:
                finding.target_date = target_date_in(finding.text)
                finding.addressees = addressees_in(finding.text)
                self.found.append(finding)
        self.current = None
        self.target = "text"

    def start(self, kind: str, reference: str, level: str, text: str, number: int) -> None:
        self.finish()
        self.current = ParsedFinding(kind=kind, text="", reference=reference.lstrip("#"),
                                     level=" ".join(level.upper().split()), line=number)
        if text:
            self.current._parts.append(text)

    def extend(self, line: str) -> None:
        finding = self.current
        assert finding is not None
        if self.target == "text":
            finding._parts.append(line)
        else:
            joined = _join([getattr(finding, self.target), line])
            setattr(finding, self.target, joined)

    def read(self, line: str, number: int) -> None:
        if not line:
            self.blank_before = True
            return
        after_blank, self.blank_before = self.blank_before, False
        if PAGE_FURNITURE.match(line):
            return
        if kind_match := KIND_START.match(line):
            text = kind_match["text"].strip()
            if not text and not kind_match["ref"] and not kind_match["level"]:
                self.finish()
                self.section_kind = _kind_of(kind_match["kind"])
                if not _is_plural(kind_match["kind"]):  # "Cause of concern": its words follow below
                    self.start(self.section_kind, "", "", "", number)
                return  # "Areas for improvement:" heads a list
            if kind_match["ref"] or kind_match["level"] or KIND_THEN_DASH.match(line):
                self.start(_kind_of(kind_match["kind"]), kind_match["ref"] or "", kind_match["level"] or "", text,
                           number)
                return
        if (numbered := NUMBERED_START.match(line)) and (after_blank or self.current is None or
                                                         self.target != "text" or line.lstrip()[:1] in "-•*▪·‣◦"):
            text = numbered["text"].strip()
            if self.section_kind is not None or re.search(r"\bshould\b", text, re.IGNORECASE) or BY_MONTH.match(text):
                self.start(self.section_kind or RECOMMENDATION, numbered["ref"], "", text, number)
                return
        if self.section_kind is not None and (bullet := BULLET_START.match(line)) and (
                after_blank or self.current is None or self.current._parts):
            self.start(self.section_kind, "", "", bullet["text"].strip(), number)  # "• The force should …"
            return
        if self.current is not None and (response := RESPONSE_START.match(line)):
            self.target = "force_response" if response["who"].casefold().startswith(("force", "constab", "chief")) \
                else "pcc_response"
            setattr(self.current, self.target, response["text"].strip())
            return
        if self.current is None:
            return
        if after_blank and self.target == "text" and self.current._parts:
            self.finish()  # an unrelated paragraph ends the finding
            return
        self.extend(line)


def parse_findings(text: str) -> list[ParsedFinding]:
    """Every finding recognised in `text`, in order; [] when none is."""
    reader = _Reader()
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        reader.read(_clean(raw), number)
    reader.finish()
    return reader.found
