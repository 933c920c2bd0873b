"""What one line of a pasted report is (part of Paste findings; pure): page furniture, a heading, the start of
a finding, a bullet, a lead-in to bullets, a response heading, or plain text."""

from __future__ import annotations

import re

from .vocabulary import (
    ACCELERATED_CAUSE_OF_CONCERN,
    AREA_FOR_IMPROVEMENT,
    CAUSE_OF_CONCERN,
    INNOVATIVE_PRACTICE,
    RECOMMENDATION,
)

KIND_WORDS = (
    (r"accelerated\s+causes?\s+(?:of|for)\s+concern", ACCELERATED_CAUSE_OF_CONCERN),
    (r"causes?\s+(?:of|for)\s+concern|coc", CAUSE_OF_CONCERN),
    (r"areas?\s+for\s+improvement|afis?", AREA_FOR_IMPROVEMENT),
    (r"recommendations?|rec", RECOMMENDATION),
    (r"(?:innovative|promising)\s+practice", INNOVATIVE_PRACTICE),
)
_KIND = "|".join(f"(?:{words})" for words, _kind in KIND_WORDS)
BULLET_CHARS = "-•*▪·‣◦–—●■□➢►o"
_BULLET = r"(?:[-•*▪·‣◦–—●■□➢►]\s*|o\s+(?=[A-Za-z]))?"
_DASH = r"[-–—:.)]"
_REF = r"(?:no\.?\s*)?#?\s*(?P<ref>[A-Za-z]{0,3}\d[\w./-]*)"
# "AFI LEVEL 3 #29550 - text", "Recommendation 2: text", "Area for improvement 1", "Recommendation: text"
KIND_START = re.compile(
    rf"^{_BULLET}(?P<kind>{_KIND})(?:\b|(?=\d))\s*(?P<level>level\s*\d+)?\s*(?:{_REF})?\s*(?P<dash>{_DASH}\s*)?(?P<text>.*)$",
    re.IGNORECASE)
NUMBERED_START = re.compile(
    r"^(?P<bullet>[-•*▪·‣◦–—●■]\s*)?(?P<ref>(?:R|AFI|CoC|Rec)?\s?\d{1,3}(?:\.\d{1,3})*)(?:[.):]|\s*[-–—])?\s+(?P<text>\S.*)$",
    re.IGNORECASE)
BULLET_START = re.compile(r"^(?:[-•*▪·‣◦–—●■□➢►]|o(?=\s+[A-Za-z]))\s*(?P<text>\S.*)$")
LETTER_ITEM = re.compile(r"^(?P<ref>\(?[a-h]\)|[a-h]\.|\((?:i{1,3}|iv|v|vi{1,3})\))\s+(?P<text>\S.*)$")
RESPONSE_START = re.compile(
    r"^(?P<who>(?:(?:the\s+)?(?:force|constabulary|chief\s+constable|cc|pcc|pfcc|opcc|opfcc|commissioner|deputy|"
    r"police\s+(?:fire\s+)?and\s+crime\s+commissioner|police|local\s+policing\s+body|mayor|mopac)(?:'s|’s|s)?"
    r"(?:\s*(?:&|and|/)\s*)?)*)\s*(?:formal\s+|initial\s+|written\s+)?(?:response|comments?|update)"
    r"(?:\s+to\s+(?:the\s+)?(?:report|recommendations?|areas?\s+for\s+improvement|afis?|finding|"
    r"causes?\s+of\s+concern)(?:\s+(?:and|&)\s+(?:recommendations?|report))?(?:\s+\d+)?)?\s*(?::\s*(?P<text>.*)|$)",
    re.IGNORECASE)
PAGE_NUMBER = re.compile(r"^(?:page\s+\d+(?:\s+(?:of|/)\s+\d+)?|\d{1,4}|\d{1,4}\s*(?:of|/)\s*\d{1,4}|[ivxl]{1,6})$",
                         re.IGNORECASE)
DOTTED_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}|(?:\s\.){3,}|_{4,}")
FURNITURE = re.compile(
    r"^(?:©|\(c\)\s|crown\s+copyright|isbn\b|www\.|https?://|e-?mail:|tel:|follow\s+us\b|"
    r"official(?:\s*[-–]\s*sensitive)?$|not\s+protectively\s+marked$|contents$)", re.IGNORECASE)
_PLURAL_KIND = r"(?:recommendations|areas\s+for\s+improvement|causes\s+of\s+concern|afis)"
CONTENTS_LINE = re.compile(rf"^(?:{_PLURAL_KIND}|.{{3,80}}\s(?:{_PLURAL_KIND}))\s+\d{{1,3}}$", re.IGNORECASE)
STATUS_LINE = re.compile(
    r"^(?:completed?|superseded|open|closed|in\s+progress|ongoing|achieved|discharged|not\s+started|"
    r"red|amber|green|rag|status)$", re.IGNORECASE)
# A line that announces bullets: "We recommend that, within six months, the force should:", "It needs to:",
# "The report made 13 recommendations, including the following:".
LEAD_IN = re.compile(
    r"(?:\brecommends?\b.*|\bshould\b[^.]*|\bneeds?\s+to\b[^.]*|\bmust\b[^.]*|\bought\s+to\b[^.]*|"
    r"\brecommendations?\b.*\b(?:including|include|includes|are|were|follow|following|below|describes?|"
    r"set\s+out|sets\s+out|made|makes?)\b[^.]*|"
    r"\bareas?\s+for\s+improvement\b.*\b(?:including|include|are|follow|following)\b[^.]*):$", re.IGNORECASE)
FINDING_LIKE = re.compile(
    r"\b(?:should|must|needs?\s+to|ought\s+to|isn[’']?t|is\s+not|aren[’']?t|are\s+not|doesn[’']?t|does\s+not|"
    r"don[’']?t|do\s+not|hasn[’']?t|has\s+not|haven[’']?t|have\s+not|not\s+enough|insufficient|lacks?|"
    r"too\s+(?:many|few|long|slow)|fails?|poor|inconsistent|improve|recommend|review|ensure|develop|"
    r"establish|introduce|implement|make\s+sure|put\s+in\s+place)\b", re.IGNORECASE)
NOT_A_FINDING_START = re.compile(
    r"^(?:in\s+our\s+inspections?|if\s+we\b|when\s+we\b|we\s+will\b|our\s+|this\s+(?:report|inspection|is)\b|"
    r"the\s+(?:pcc|commissioner|panel|committee|chair|chairman|head\s+of)\b|a\s+(?:panel\s+)?member\b|"
    r"members\b|resolved\b|it\s+was\s+|we\s+(?:have|had|made|make|found|find|also|are|were|inspected|looked|"
    r"set\s+out|identified|saw|examined|assessed)\b|there\s+(?:are|were)\s+(?:\w+\s+)?(?:causes?|areas?|"
    r"recommendations?)\b)", re.IGNORECASE)
RECOMMENDS = re.compile(
    r"^(?:(?:we|hmicfrs|hmic|hmi)\s+recommends?\b|(?:the\s+)?[\w’'& -]{2,60}?\s+recommends?\s+that\b|"
    r"that\s+(?:the|all|each|every|chief|forces?|police|pccs?|government|home\s+office|college|npcc)\b)",
    re.IGNORECASE)
# A time first, then who should act: "By 31 March 2016, chief constables should …" (never "By March 2021, the
# force had …": the line must say "should", "must" or "recommend").
WHEN_FIRST = re.compile(
    r"^(?:(?:with\s+immediate\s+effect|as\s+a\s+matter\s+of\s+(?:urgency|priority))\s*,|"
    r"by\s+(?:the\s+end\s+of\s+)?(?:\d{1,2}\s+)?[A-Z][a-z]+\s+\d{4}\b|(?:not|no)\s+later\s+than\b|"
    r"within\s+\w+\s+(?:days?|weeks?|months?)\b|immediately\b)", re.IGNORECASE)
_ACTS = re.compile(r"\b(?:should|must|recommends?|ought\s+to)\b", re.IGNORECASE)


class _Directive:
    """`DIRECTIVE.match(text)`: a recommendation's opening words (a line that starts with a time and does not
    say who should act yet may still be one: it is kept if the finding's whole text does, see `acts`)."""

    @staticmethod
    def match(text: str) -> bool:
        return bool(RECOMMENDS.match(text)) or (bool(WHEN_FIRST.match(text)) and (
            bool(_ACTS.search(text[:250])) or not text.rstrip().endswith((".", "!", "?"))))


def acts(text: str) -> bool:
    return bool(RECOMMENDS.match(text)) or bool(_ACTS.search(text))


KIND_HEADING_END = re.compile(
    r"^(?:[A-Z][\w’'-]*\s+){1,4}(?:recommendations|areas\s+for\s+improvement|causes\s+of\s+concern)$")


DIRECTIVE = _Directive()
_SHOULD_NEAR_START = re.compile(r"^[^.;:‘'“\"]{1,120}?\b(?:should|must|needs?\s+to)\b", re.IGNORECASE)
# "PPU personnel should be provided with …": a short named subject that "should" act (a register entry)
SUBJECT_SHOULD = re.compile(
    r"^(?!(?:it|they|there|this|these|those|that|we|i|you|he|she|which|who|however|although|if|when|while|"
    r"so|but|also|our|their|its)\b)[A-Z][\w’'&/-]*(?:\s+[\w’'&/-]+){0,10}\s+(?:should|must)\s+(?!not\b)[a-z]+",
    re.IGNORECASE)
# Where a table was flattened into one long line: a new finding starts at "1 Area for Improvement The …",
# "Recommendation 3 By …", and its RAG status ("AMBER No deadline …") ends it.
_FLATTENED_STARTS = re.compile(
    r"(?<![0-9])\s(?=(?:\d{1,3}\s+)?(?:Areas?\s+for\s+[Ii]mprovement|Recommendation|Cause\s+of\s+[Cc]oncern|AFI)"
    r"(?:\s+\d{1,3})?\s*[:.–-]?\s+[A-Z])|\s(?=(?:RED|AMBER|GREEN|WHITE|BLUE)\s+[A-Z])")
_PRAISE = re.compile(r"\b(?:should|must)\s+be\s+(?:commended|praised|congratulated|proud|pleased|reassured|"
                     r"encouraged|recognised\s+for)\b", re.IGNORECASE)
THAT_BE = re.compile(r"^That\s+(?!approval\b)[^:]{3,200}?\s+(?:be|should|must)\s+[a-z]+\w*\b")
LONG_LINE = 400
MENTIONS_FINDINGS = re.compile(r"\brecommend|\bareas?\s+for\s+improvement|\bAFIs?\b|\bcauses?\s+of\s+concern",
                               re.IGNORECASE)
_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ", "\u200b": "", "\ufeff": "",
                         "\u00ad": ""})
MAX_LINE = 20_000


def clean(line: str) -> str:
    return " ".join(line.translate(_SPACES).split())[:MAX_LINE]


def unflatten(line: str) -> list[str]:
    """A long line that is a flattened table, cut where findings and their RAG statuses start."""
    if len(line) < LONG_LINE:
        return [line]
    return [part for part in _FLATTENED_STARTS.split(line) if part]


_PCC_WORDS = re.compile(r"\b(?:pcc|pfcc|opcc|commissioner|policing body)", re.IGNORECASE)
_RESPONSE_WORDS = re.compile(r"\b(?:response|comments?|update|progress)\b", re.IGNORECASE)
_REF_WORDS = re.compile(r"^(?:no\.?|number|ref(?:erence)?\.?|#|item|rec(?:ommendation)?\s+no\.?)$", re.IGNORECASE)
_FINDING_WORDS = re.compile(r"\b(?:recommendations?|areas?\s+for\s+improvement|afis?|causes?\s+of\s+concern|"
                            r"findings?)\b", re.IGNORECASE)


def _cell_role(header: str) -> str:
    if _REF_WORDS.match(header.strip()):
        return "ref"
    if _RESPONSE_WORDS.search(header):
        return "pcc" if _PCC_WORDS.search(header) else "force"
    return "text"


def untable(raw_lines: list[str]) -> list[str]:
    """Rows of a table copied from Word or a web page (cells separated by tabs) as lines the parser reads:
    each cell on its own, a finding's number before its text, and the cells under a "Force response" / "PCC
    comments" header as those responses. A header naming the findings' kind heads the list."""
    out: list[str] = []
    roles: list[str] | None = None
    for raw in raw_lines:
        if "\t" not in raw.strip():
            out.append(raw)
            continue
        cells = [" ".join(cell.split()) for cell in raw.split("\t")]
        filled = [cell for cell in cells if cell]
        if len(filled) >= 2 and all(len(cell) < 70 for cell in filled) and any(
                _RESPONSE_WORDS.search(cell) for cell in filled) and any(_FINDING_WORDS.search(c) for c in filled):
            roles = [_cell_role(cell) for cell in cells]
            kind_cell = next((c for c in filled if _FINDING_WORDS.search(c) and _cell_role(c) == "text"), "")
            if found := _FINDING_WORDS.search(kind_cell):
                word = found.group(0)
                out.extend(["", word if word.casefold().endswith("s") else word + "s", ""])
            continue
        reference = ""
        for index, cell in enumerate(cells):
            if not cell:
                continue
            role = roles[index] if roles is not None and index < len(roles) else "text"
            if role == "ref" and len(cell) <= 8:
                reference = cell.rstrip(".")
                continue
            if role == "force":
                out.extend([f"Force response: {cell}", ""])
            elif role == "pcc":
                out.extend([f"PCC response: {cell}", ""])
            else:
                out.extend([f"{reference}. {cell}" if reference else cell, ""])
                reference = ""
    return out


def kind_of(word: str) -> str:
    for words, kind in KIND_WORDS:
        if re.fullmatch(words, " ".join(word.split()), re.IGNORECASE):
            return kind
    return RECOMMENDATION


def is_plural(words: str) -> bool:
    """"Areas for improvement" heads a list; "Area for improvement" heads one finding."""
    return any(word in {"recommendations", "areas", "causes", "afis", "practices"} for word in words.casefold().split())


def is_furniture(line: str) -> bool:
    return bool(PAGE_NUMBER.match(line) or FURNITURE.match(line) or DOTTED_LEADER.search(line)
                or CONTENTS_LINE.match(line))


def is_directive(text: str) -> bool:
    """Text that reads as a finding on its own: "By March 2021, X should …", "The force should …"."""
    if DIRECTIVE.match(text):
        return True
    found = _SHOULD_NEAR_START.match(text)
    return found is not None and not NOT_A_FINDING_START.match(text) and len(found.group(0).split()) <= 20


def lone_recommendation(line: str) -> bool:
    """One whole sentence on its own saying who should act: "PPU personnel should be provided with …"."""
    if THAT_BE.match(line) and not line.endswith(":"):
        return True  # "That what … be described in a way …" (a committee's or inquiry's wording)
    return bool(SUBJECT_SHOULD.match(line)) and line.endswith((".", "…", "...")) and len(line) <= 500 \
        and len(re.findall(r"[.!?]\s+[A-Z]", line.rstrip(".…"))) <= 2 and not _PRAISE.search(line[:200])


def reads_as_finding(text: str) -> bool:
    """A paragraph under a heading is a finding if it says what is wrong or what should happen."""
    return bool(FINDING_LIKE.search(text)) and not NOT_A_FINDING_START.match(text) and not text.endswith("?")
