"""Paste to parse: turn the text of a report's recommendations / AFI section (pasted, or read from its PDF)
into findings to review. Pure: no Qt.

Layouts read (each measured on real passages in tests/paste/real/):
- a kind word with optional level and reference: `AFI LEVEL 3 #29550 - …`, `Recommendation 2: …`,
  `Recommendation: The Cabinet Office should …`, `Area for improvement 4. …`;
- a kind heading alone: plural (`Areas for improvement:`, `Recommendations`) sets the kind of the list below;
  singular (`Cause of concern`, `Area for improvement 1`) heads the one finding in the next paragraph;
- numbered items (`1.0 By March 2021, …`, `3. The force should …`, `R4 …`), with or without blank lines
  between them, under a heading or a lead-in, or saying who "should" act;
- a lone directive paragraph: `By 31 August 2015, all chief constables should …`, `Not later than …`,
  `HMIC recommends that …` (a bare number line above it is its reference);
- bullets (•, -, –, o, ▪ …) after a lead-in (`We recommend that, within six months, X should:`, `It needs
  to:`, `… recommendations, including the following:`): each bullet is a finding, of the lead-in's kind,
  with its addressees and date; bullets after a numbered item ending in ":" are part of that item;
- response headings (`Force response:`, `PCC & Chief Constable Response to Recommendation:`) fill the
  finding's force / PCC response, which may run over several paragraphs.
Wrapped lines are joined (a hyphenated word too); page furniture (page numbers, contents lines with dotted
leaders or page numbers, ©/ISBN lines) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import paste_lines as lines
from .paste_addressees import addressees_in, target_date_in
from .vocabulary import AREA_FOR_IMPROVEMENT, CAUSE_OF_CONCERN, RECOMMENDATION

__all__ = ["ParsedFinding", "addressees_in", "parse_findings", "target_date_in"]


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
    _needs_acts: bool = field(default=False, repr=False)  # began "By …, …": kept only if it says who should act


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


_WRAP_ENDS = re.compile(r"(?:[-,;(–/&]|\b(?:and|or|the|of|to|a|an|in|for|with|its|by|on|at|from|that|should))$",
                        re.IGNORECASE)
_FORCE_LABEL = re.compile(r"^(?:[A-Z][\w’'&-]*\s+){1,4}(?:Police|Constabulary|Police Service)$")
_LABEL = re.compile(r"^(?:[A-Z][\w’'&().-]*|and|of|the|&)(?:\s+(?:[A-Z][\w’'&().-]*|and|of|the|&|for)){0,6}$")


def _wrapped(previous: str, line: str) -> bool:
    """Does `line` carry on the sentence of `previous` (a wrapped line), rather than start something new?"""
    if _FORCE_LABEL.match(line) or (lines.NUMBERED_START.match(line) and previous.endswith((".", ";", "!", "?"))):
        return False  # "West Mercia Police" under a register's entry; the next numbered item
    if line[:1].islower() or _WRAP_ENDS.search(previous):
        return True
    if previous.endswith((".", "!", "?", ":", ";")) and (
            _LABEL.match(line) or len(line) < 4 or (len(line) < 60 and line[:1].isupper() and line[-1:].isalnum())):
        return False  # a heading or a label after a finished sentence
    return len(previous) <= 110


@dataclass
class _List:
    """What a lead-in line said about the bullets or numbers that follow it."""
    kind: str
    addressees: tuple[str, ...] = ()
    target_date: date | None = None


class _Reader:
    def __init__(self) -> None:
        self.found: list[ParsedFinding] = []
        self.current: ParsedFinding | None = None  # the finding whose text is being read
        self.respond_to: ParsedFinding | None = None  # the finding a response heading applies to
        self.target = "text"
        self.section_kind: str | None = None
        self.heading: tuple[str, str, str] | None = None  # singular heading waiting for its paragraph
        self.list: _List | None = None
        self.join_bullets = False
        self.pending_ref = ""
        self.previous = ""
        self.blank_before = True
        self.loose: list[str] = []  # the paragraph being read that is not (yet) a finding
        self.about_findings = False  # the text speaks of recommendations / AFIs somewhere

    # -- building findings ------------------------------------------------------------------------------
    def finish(self) -> None:
        finding = self.current
        if finding is not None:
            finding.text = _join(finding._parts)
            if not finding.text or (finding._needs_acts and not lines.acts(finding.text)):
                self.found.remove(finding)  # "By March 2021, the force had …" was narrative after all
            else:
                finding.target_date = finding.target_date or target_date_in(finding.text)
                finding.addressees = finding.addressees or addressees_in(finding.text)
                self.respond_to = finding
        self.current = None
        self.target = "text"
        self.join_bullets = False

    def start(self, kind: str, reference: str, level: str, text: str, number: int,
              inherited: _List | None = None) -> None:
        self.finish()
        finding = ParsedFinding(kind=kind, text="", reference=(reference or self.pending_ref).lstrip("#").strip(),
                                level=" ".join(level.upper().split()), line=number)
        if inherited is not None:
            finding.addressees, finding.target_date = inherited.addressees, inherited.target_date
        if text:
            finding._parts.append(text)
        self.found.append(finding)
        self.current, self.pending_ref, self.heading, self.loose = finding, "", None, []
        self.join_bullets = text.endswith(":")

    def _tentative(self, text: str) -> None:
        if self.current is not None and lines.WHEN_FIRST.match(text) and not lines.acts(text[:250]):
            self.current._needs_acts = True

    def respond(self, attribute: str, text: str) -> None:
        self.finish()
        finding = self.respond_to
        if finding is None:
            self.target = "ignore"
            return
        self.current = None
        self.target = attribute
        setattr(finding, attribute, _join([getattr(finding, attribute), text]) if text else getattr(finding, attribute))

    def extend_response(self, line: str) -> None:
        finding = self.respond_to
        if finding is not None and self.target in ("force_response", "pcc_response"):
            setattr(finding, self.target, _join([getattr(finding, self.target), line]))

    # -- one line ---------------------------------------------------------------------------------------
    def read(self, line: str, number: int) -> None:
        if not line:
            self.blank_before = True
            return
        after_blank, self.blank_before = self.blank_before, False
        previous, self.previous = self.previous, line
        if re.fullmatch(r"\d{1,3}", line) and not (self.current and not after_blank and _WRAP_ENDS.search(previous)):
            self.finish()
            self.pending_ref, self.loose = line, []  # "1" above "Completed" above the recommendation (a register)
            return
        if self.pending_ref and lines.STATUS_LINE.match(line):
            return
        if lines.is_furniture(line):
            self.previous = previous
            return
        if self._kind_line(line, number) or self._response_line(line):
            return
        if self._numbered_line(line, number, after_blank, previous) or self._bullet_line(line, number):
            return
        self._plain_line(line, number, after_blank, previous)

    def _kind_line(self, line: str, number: int) -> bool:
        if lines.KIND_HEADING_END.match(line):  # "National recommendations", "Our areas for improvement"
            self.finish()
            self.section_kind, self.heading, self.list, self.loose = lines.kind_of(line.split()[-1] if line.split()[
                -1].casefold() == "recommendations" else " ".join(line.split()[-3:])), None, None, []
            return True
        found = lines.KIND_START.match(line)
        if not found or not found["kind"][:1].isupper():
            return False  # "- areas for improvement;" is a word in a list, not a heading
        text, ref, level = found["text"].strip(), found["ref"] or "", found["level"] or ""
        if not text:
            self.finish()
            kind = lines.kind_of(found["kind"])
            self.list, self.loose = None, []
            if lines.is_plural(found["kind"]) and not ref and not level:
                self.section_kind, self.heading = kind, None  # "Areas for improvement:" heads a list
            else:
                self.heading = (kind, ref, level)  # "Cause of concern": its words follow
            return True
        if ref or level or found["dash"] or (text[:1].isupper() and (
                self.pending_ref or lines.is_directive(text) or lines.reads_as_finding(text))):
            self.start(lines.kind_of(found["kind"]), ref, level, text, number)  # "Area for Improvement The …"
            return True
        return False

    def _response_line(self, line: str) -> bool:
        found = lines.RESPONSE_START.match(line)
        if not found or (not found["who"].strip() and found["text"] is None):
            return False
        who = found["who"].casefold()
        pcc = re.search(r"pcc|pfcc|commissioner|policing body|mayor|mopac|opcc", who)
        force = re.search(r"force|constabulary|chief|cc\b|police\b", who)
        self.respond("pcc_response" if pcc or not force else "force_response", (found["text"] or "").strip())
        return True

    def _list_context(self) -> _List | None:
        if self.list is not None:
            return self.list
        return _List(self.section_kind) if self.section_kind else None

    def _numbered_line(self, line: str, number: int, after_blank: bool, previous: str) -> bool:
        found = lines.NUMBERED_START.match(line)
        if not found:
            return False
        text = found["text"].strip()
        if self.current is not None and not after_blank and self.target == "text" and not found["bullet"] \
                and not previous.endswith((".", ";", ":", "!", "?", ")", "”", "**")) and _WRAP_ENDS.search(previous):
            return False  # "… about\n20 per cent of …": a wrapped line that starts with a number
        if text.endswith("?") or lines.NOT_A_FINDING_START.match(text):
            return False
        context = self._list_context()
        named = lines.KIND_START.match(text)
        if named and named["kind"][:1].isupper() and named["text"] and not named["ref"] and not named["level"]:
            kind, text = lines.kind_of(named["kind"]), named["text"].strip()  # "1 Area for Improvement The force …"
            self.start(kind, found["ref"].replace(" ", ""), "", text, number)
            return True
        if context is None and not lines.is_directive(text):
            return False
        kind = context.kind if context else RECOMMENDATION
        self.start(kind, found["ref"].replace(" ", ""), "", text, number, inherited=self.list)
        if context is None:
            self._tentative(text)
        return True

    def _bullet_line(self, line: str, number: int) -> bool:
        found = lines.BULLET_START.match(line) or lines.LETTER_ITEM.match(line)
        if not found:
            return False
        text = found["text"].strip()
        if self.current is not None and self.join_bullets:
            self.current._parts.append(text)
            return True
        if self.list is not None:
            self.start(self.list.kind, "", "", text, number, inherited=self.list)
            return True
        if self.section_kind is not None and (lines.reads_as_finding(text) or lines.is_directive(text)):
            self.start(self.section_kind, "", "", text, number)  # "• The force should …" under a heading
            return True
        self.finish()
        return True  # a bullet of something else: never part of a finding

    def _plain_line(self, line: str, number: int, after_blank: bool, previous: str) -> None:
        if self.target in ("force_response", "pcc_response"):
            self.extend_response(line)
            return
        if self.current is not None:
            if not after_blank and not self.pending_ref and _wrapped(previous, line):
                self.current._parts.append(line)
                if line.endswith(":"):
                    self.join_bullets = True
                return
            self.finish()  # an unrelated paragraph ends the finding
        if line.endswith(":") and (after_blank or not self.loose) and self._lead_in(line, self.heading):
            self.heading = None
            return  # "Within three months, Warwickshire Police should:" above its bullets
        if self.heading is not None:
            kind, ref, level = self.heading
            if lines.reads_as_finding(line) or ref:
                self.start(kind, ref, level, line, number)
                return
            self.heading = None
        fresh = len(previous) < 80 and not _WRAP_ENDS.search(previous) and not previous.endswith(",") and (
            lines.DIRECTIVE.match(line) or (self.about_findings and lines.lone_recommendation(line)))
        if after_blank or not self.loose or not _wrapped(previous, line) or fresh:
            self.loose = []
            if after_blank and self.list is not None:
                self.list = None  # a new paragraph after the bullets ends the list
            if line.endswith(":") and self._lead_in(line):
                return
            if lines.DIRECTIVE.match(line) or (self.section_kind and lines.is_directive(line)) or (
                    self.pending_ref and lines.is_directive(line)) or (
                    self.section_kind in (CAUSE_OF_CONCERN, AREA_FOR_IMPROVEMENT) and lines.reads_as_finding(line)) or (
                    self.about_findings and lines.lone_recommendation(line)):
                self.start(self.section_kind or RECOMMENDATION, "", "", line, number)
                self._tentative(line)
                return
        self.loose.append(line)
        if line.endswith(":"):
            self._lead_in(" ".join(self.loose))

    def _lead_in(self, paragraph: str, heading: tuple[str, str, str] | None = None) -> bool:
        sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", paragraph)
        if heading is not None and len(sentences) > 1:
            return False  # "The force needs to improve X. It needs to:" is one finding with its bullets
        paragraph = sentences[-1]  # its last sentence
        if not lines.LEAD_IN.search(paragraph) or lines.NOT_A_FINDING_START.match(paragraph):
            return False
        lowered = paragraph.casefold()
        if "recommend" in lowered:
            kind = RECOMMENDATION
        elif re.search(r"areas?\s+for\s+improvement", lowered):
            kind = AREA_FOR_IMPROVEMENT
        else:
            kind = heading[0] if heading else self.section_kind or RECOMMENDATION
        self.list = _List(kind, addressees_in(paragraph), target_date_in(paragraph))
        self.loose = []
        return True


def parse_findings(text: str) -> list[ParsedFinding]:
    """Every finding recognised in `text`, in order; [] when none is."""
    reader = _Reader()
    reader.about_findings = bool(lines.MENTIONS_FINDINGS.search(text))
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines.untable(raw_lines) if "\t" in text else raw_lines, start=1):
        for part in lines.unflatten(lines.clean(raw)):
            reader.read(part, number)
    reader.finish()
    for finding in reader.found:
        finding.force_response = _strip_emphasis(finding.force_response)
        finding.pcc_response = _strip_emphasis(finding.pcc_response)
    return reader.found
