"""A report's pages of text → one clean text for the findings parser, and the inspection it describes.

Pure (no PDF library): `services/report_pdf.py` gives each page's lines. Page furniture goes: running headers
and footers (lines at the top or bottom of many pages, page numbers ignored), page numbers, © and ISBN lines;
contents lines are left to the parser, which drops them. Pages are joined so that a finding cut by a page
break reads on. The inspection proposal takes only what the document states: title, forces, type, HMICFRS
reference and publication date.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .paste_addressees import _month_number
from .paste_lines import PAGE_NUMBER, clean

FORCES: tuple[str, ...] = (
    "Avon and Somerset", "Bedfordshire", "Cambridgeshire", "Cheshire", "City of London", "Cleveland", "Cumbria",
    "Derbyshire", "Devon and Cornwall", "Dorset", "Durham", "Dyfed-Powys", "Essex", "Gloucestershire",
    "Greater Manchester", "Gwent", "Hampshire and Isle of Wight", "Hertfordshire", "Humberside", "Kent",
    "Lancashire", "Leicestershire", "Lincolnshire", "Merseyside", "Metropolitan Police Service", "Norfolk",
    "North Wales", "North Yorkshire", "Northamptonshire", "Northumbria", "Nottinghamshire", "South Wales",
    "South Yorkshire", "Staffordshire", "Suffolk", "Surrey", "Sussex", "Thames Valley", "Warwickshire",
    "West Mercia", "West Midlands", "West Yorkshire", "Wiltshire", "British Transport Police",
)
_FORCE_ALIASES = {"Hampshire": "Hampshire and Isle of Wight", "Metropolitan": "Metropolitan Police Service",
                  "Dyfed Powys": "Dyfed-Powys"}
_FORCE_WORDS = r"(?:Police(?:\s+Service)?|Constabulary|Police\s+Force)"
_TYPES = (
    (r"\bPEEL\b.*\bspotlight\b|\bspotlight\s+report\b", "PEEL spotlight report"),
    (r"\bregional\s+(?:response\s+to\s+)?serious\s+and\s+organised\s+crime\b",
     "Regional serious and organised crime (PEEL)"),
    (r"\bPEEL\b", "PEEL force inspection"),
    (r"\bcrime\s+data\s+integrity\b", "Crime data integrity"),
    (r"\bnational\s+child\s+protection\b", "National child protection inspection"),
    (r"\bjoint\s+targeted\s+area\s+inspection\b|\bJTAI\b", "Joint targeted area inspection"),
    (r"\bcustody\b", "Police custody inspection"),
    (r"\bsuper-?complaint\b", "Super-complaint report"),
    (r"\bstate\s+of\s+policing\b", "State of Policing (annual)"),
    (r"\bfire\s+and\s+rescue\b|\bfire\s+&\s+rescue\b", "Fire and rescue service inspection"),
    (r"\bjoint\s+inspection\b|\bcriminal\s+justice\s+joint\b", "Criminal justice joint inspection"),
    (r"\bnational\s+thematic\b|\bthematic\b|\binspection\s+of\s+(?:the\s+)?police\s+(?:service|response)\b",
     "National thematic"),
)
_INSPECTORATE = re.compile(r"\bInspectorate\s+of\s+Constabulary\s+(?:and|&)\s+Fire\s+(?:and|&)\s+Rescue\s+Services?\b",
                           re.IGNORECASE)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
PUBLISHED = re.compile(
    rf"\b(?:date\s+)?published(?:\s+on)?\s*:?\s*(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\s+"
    rf"(?P<year>\d{{4}})|(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}))", re.IGNORECASE)
REFERENCE = re.compile(r"(?:^|\s)#(?P<ref>\d{4,6})\b|\bHMICFRS\s+reference\s*:?\s*(?P<ref2>[\w/-]{3,20})",
                       re.IGNORECASE)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s|crown\s+copyright|isbn\b)", re.IGNORECASE)


@dataclass
class PageText:
    lines: list[str]  # "" marks a paragraph gap
    title_lines: list[str] = field(default_factory=list)  # the largest print on the page, when known


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.casefold())


def _edge_keys(page: PageText, depth: int = 3) -> set[str]:
    text = [line for line in page.lines if line]
    return {_key(line) for line in text[:depth] + text[-depth:]}


def running_lines(pages: list[PageText]) -> set[str]:
    """Keys of lines printed at the top or bottom of many pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    counts = Counter(key for page in pages for key in _edge_keys(page))
    needed = max(3, int(len(pages) * 0.3))
    return {key for key, count in counts.items() if count >= needed and key.strip("# ")}


def clean_pages(pages: list[PageText]) -> str:
    """The report's text without page furniture, pages joined so that a sentence cut by a page break reads on."""
    if len(pages) == 1:
        return "\n".join(pages[0].lines)  # one page (pasted text): the parser drops what it must
    running = running_lines(pages)
    out: list[str] = []
    for page in pages:
        text = [clean(line) for line in page.lines]
        filled = [n for n, line in enumerate(text) if line]
        edges = set(filled[:2] + filled[-2:])  # page numbers are printed at the top or the bottom
        text = [line for n, line in enumerate(text) if not line or not (
            _key(line) in running or (n in edges and PAGE_NUMBER.match(line)) or _COPYRIGHT.match(line))]
        while text and not text[0]:
            text.pop(0)
        while text and not text[-1]:
            text.pop()
        if not text:
            continue
        if out and (out[-1].endswith((".", "!", "?", ":")) or text[0][:1].isdigit() or text[0][:1] in "•-–▪"):
            out.append("")  # the page ended a paragraph: the next one starts afresh
        out.extend(text)
    return "\n".join(out)


@dataclass
class InspectionProposal:
    title: str | None = None
    forces: list[str] = field(default_factory=list)
    type: str | None = None
    reference: str | None = None
    published: date | None = None
    warnings: list[str] = field(default_factory=list)


def forces_in(text: str) -> list[str]:
    """Forces named as such ("Cumbria Constabulary", "West Mercia Police") or in a line about forces."""
    force_lines = [line for line in text.splitlines() if re.search(r"\bforces?\b", line, re.IGNORECASE)]
    found: list[str] = []
    for name in (*FORCES, *_FORCE_ALIASES):
        pattern = rf"\b{re.escape(name)}\b"
        if re.search(rf"{pattern}\s+{_FORCE_WORDS}\b", text) or any(re.search(pattern, line) for line in force_lines):
            canonical = _FORCE_ALIASES.get(name, name)
            if canonical not in found:
                found.append(canonical)
    return found


def _published(text: str) -> date | None:
    found = PUBLISHED.search(text)
    if not found:
        return None
    try:
        if found["year"]:
            return date(int(found["year"]), _month_number(found["month"]), int(found["day"]))
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


_TITLE_LABEL = re.compile(r"^(?:inspection|report)?\s*title\s*:\s*(?P<value>.*)$", re.IGNORECASE)
_ENTITLED = re.compile(r"(?:entitled|HMICFRS['’]?s?\s+(?:[\w-]+\s+){0,4}report\s*:?)\s*"
                       r"[“\"](?P<value>[^”\"]{6,200})[”\"]",
                       re.IGNORECASE)


_RESPONSE_TO = re.compile(
    r"^(?:[\w&’' ]{0,60}?\s)?response\s+to\s+(?:the\s+)?(?:HMICFRS|HMIC)(?:[’']s)?\s*(?:[\w ]{0,30}?\s)?"
    r"(?:report|inspection)?\s*(?:entitled\s*)?[:–-]?\s*", re.IGNORECASE)


def _stated_title(lines: list[str]) -> str:
    """"Inspection Title: #29536 – An inspection of …" or "… HMICFRS report: “The Hard Yards – …”"."""
    for index, line in enumerate(lines):
        if found := _TITLE_LABEL.match(clean(line)):
            value = found["value"] or next((clean(rest) for rest in lines[index + 1:index + 4] if clean(rest)), "")
            return re.sub(r"^#?\d{3,6}\s*[-–—:]\s*", "", value)
    for line in lines:
        if found := _ENTITLED.search(clean(line)):
            return found["value"].replace("**", "")
    return ""


def propose_inspection(pages: list[PageText], text: str) -> InspectionProposal:
    """What the first pages say about the inspection; None where they do not say it."""
    proposal = InspectionProposal()
    first = pages[0] if pages else PageText([])
    opening_lines = [line for page in pages[:3] for line in page.lines]
    title = _stated_title(opening_lines) or " ".join(first.title_lines) or next(
        (clean(line) for line in first.lines if clean(line)), "")
    title = _RESPONSE_TO.sub("", " ".join(title.split())).strip(" “”\"'") or title
    proposal.title = " ".join(title.split())[:300] or None
    opening = "\n".join("\n".join(page.lines) for page in pages[:3]) if pages else text[:20_000]
    proposal.forces = forces_in(f"{proposal.title or ''}\n{opening}")
    # The inspectorate's own name ("… Inspectorate of Constabulary and Fire and Rescue Services") says
    # nothing about the kind of report.
    typed = _INSPECTORATE.sub(" ", f"{proposal.title or ''}\n{opening[:4000]}")
    for pattern, kind in _TYPES:
        if re.search(pattern, typed, re.IGNORECASE):
            proposal.type = kind
            break
    if found := REFERENCE.search(opening):
        proposal.reference = found["ref"] or found["ref2"]
    proposal.published = _published(opening)
    if proposal.published is None:
        proposal.warnings.append("The publication date is not stated on the first pages: enter it before saving.")
    if proposal.title is None:
        proposal.warnings.append("No title found: enter the report's title.")
    return proposal
