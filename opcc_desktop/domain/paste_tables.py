"""Tables in pasted report text (part of Paste findings; pure): rows copied from Word or a web page (cells
separated by tabs) and markdown tables (`| 1 | The force should … | Completed |`), turned into the lines the
parser reads: each finding's reference before its text, its response cells as "Force response:" / "PCC
response:" lines, status and owner cells dropped."""

from __future__ import annotations

import re

_PCC_WORDS = re.compile(r"\b(?:pcc|pfcc|opcc|commissioner|policing body)", re.IGNORECASE)
_RESPONSE_WORDS = re.compile(r"\b(?:response|comments?|update|progress)\b", re.IGNORECASE)
_REF_WORDS = re.compile(r"^(?:no\.?|number|ref(?:erence)?\.?|#|item|rec(?:ommendation)?\s+no\.?)$", re.IGNORECASE)
_FINDING_WORDS = re.compile(r"\b(?:recommendations?|areas?\s+for\s+improvement|afis?|causes?\s+of\s+concern|"
                            r"findings?)\b", re.IGNORECASE)
_OTHER_WORDS = re.compile(r"^(?:status|rag(?:\s+status)?|directed\s+at|owner|lead|responsible|date|due|"
                          r"deadline|target(?:\s+date)?|applicable\s+forces?|force|theme|category)$", re.IGNORECASE)
_PIPE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# "Cause of concern: … Recommendation: HMIC recommends …" in one tracker cell: the recommendation is the finding
_CONCERN_THEN_REC = re.compile(r"^causes?\s+of\s+concern\s*:.*?\s(?P<rec>recommendations?\s*:\s*\S.*)$",
                               re.IGNORECASE)


def _cell_role(header: str) -> str:
    if _REF_WORDS.match(header.strip()):
        return "ref"
    if _RESPONSE_WORDS.search(header):
        return "pcc" if _PCC_WORDS.search(header) else "force"
    if _OTHER_WORDS.match(header.strip()):
        return "other"
    return "text"


def _row_lines(cells: list[str], roles: list[str] | None) -> list[str]:
    out: list[str] = []
    reference = ""
    for index, cell in enumerate(cells):
        if not cell:
            continue
        role = roles[index] if roles is not None and index < len(roles) else "text"
        if role == "ref" and len(cell) <= 8:
            reference = cell.rstrip(".")
        elif role == "other":
            continue
        elif role == "force":
            out.extend([f"Force response: {cell}", ""])
        elif role == "pcc":
            out.extend([f"PCC response: {cell}", ""])
        else:
            if reference and (found := _CONCERN_THEN_REC.match(cell)):
                words, _colon, text = found["rec"].partition(":")
                out.extend([f"{words.strip()} {reference}: {text.strip()}", ""])
            else:
                out.extend([f"{reference}. {cell}" if reference else cell, ""])
            reference = ""
    return out


def untable(raw_lines: list[str]) -> list[str]:
    """Rows of a tab-separated table as lines the parser reads: each cell on its own, a finding's number
    before its text, and the cells under a "Force response" / "PCC comments" header as those responses. A
    header naming the findings' kind heads the list."""
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
        out.extend(_row_lines(cells, roles))
    return out


def _pipe_cells(line: str) -> list[str]:
    return [" ".join(cell.split()) for cell in line.strip().strip("|").split("|")]


def unpipe(raw_lines: list[str]) -> list[str]:
    """A markdown table (a header row, a `|---|` rule, then rows) as lines the parser reads. The header says
    which column is the reference, the finding, a response, or something to leave out (status, owner)."""
    out: list[str] = []
    roles: list[str] | None = None
    for index, raw in enumerate(raw_lines):
        if _PIPE_RULE.match(raw) and "|" in raw:
            continue
        if not _PIPE_ROW.match(raw):
            roles = None if raw.strip() else roles
            out.append(raw)
            continue
        cells = _pipe_cells(raw)
        following = raw_lines[index + 1] if index + 1 < len(raw_lines) else ""
        if _PIPE_RULE.match(following) and "-" in following:
            roles = [_cell_role(cell) for cell in cells]  # the header row
            kind_cell = next((c for c, r in zip(cells, roles) if r == "text" and _FINDING_WORDS.search(c)), "")
            if found := _FINDING_WORDS.search(kind_cell):
                word = found.group(0)
                out.extend(["", word if word.casefold().endswith("s") else word + "s", ""])
            continue
        out.extend(_row_lines(cells, roles))
    return out
