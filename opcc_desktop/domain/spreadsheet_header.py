"""Where a tracker sheet's header row is: under title rows, or a two-row header whose upper row groups the
columns ("Report details | Finding | Progress" merged over the real headers). Pure.

Rows arrive as lists of cell values; `recognise(header)` says whether a header names a known field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .spreadsheet_values import cell_text

SCAN_ROWS = 25


@dataclass
class HeaderRows:
    headers: list[str]
    first_data: int  # index in the sheet's rows of the first row under the header
    header_rows: list[int]  # indexes of the row(s) read as the header (1 or 2)
    titles: list[str] = field(default_factory=list)  # text of the rows above the header


def _texts(row: list[Any]) -> list[str]:
    return [" ".join(cell_text(c).split()) for c in row]


def _score(headers: list[str], recognise: Callable[[str], bool]) -> int:
    return sum(1 for h in headers if h and recognise(h))


def _combined(upper: list[str], lower: list[str]) -> list[str]:
    width = max(len(upper), len(lower))
    upper, lower = upper + [""] * (width - len(upper)), lower + [""] * (width - len(lower))
    return [low or up for up, low in zip(upper, lower)]


def find_header(rows: list[list[Any]], recognise: Callable[[str], bool]) -> HeaderRows:
    """The header row (or pair of rows) that names the most known fields among the first rows; the first
    non-empty row when none names two."""
    texts = [_texts(row) for row in rows[:SCAN_ROWS]]
    best: tuple[int, int, list[str], list[int]] | None = None  # (score, -rows used, headers, indexes)
    for index, row in enumerate(texts):
        filled = sum(1 for t in row if t)
        if filled < 2:
            continue
        candidates = [(row, [index])]
        if index + 1 < len(texts) and sum(1 for t in texts[index + 1] if t) >= 2:
            candidates.append((_combined(row, texts[index + 1]), [index, index + 1]))
        for headers, used in candidates:
            score = _score(headers, recognise)
            key = (score, -len(used))
            if score >= 2 and (best is None or key > (best[0], best[1])):
                best = (score, -len(used), headers, used)
    if best is None:
        first = next((i for i, row in enumerate(texts) if sum(1 for t in row if t) >= 2), None)
        if first is None:
            first = next((i for i, row in enumerate(texts) if any(row)), None)
        if first is None:
            return HeaderRows([], len(rows), [])
        best = (0, -1, texts[first], [first])
    headers, used = best[2], best[3]
    if len(used) == 2 and _score(texts[used[1]], recognise) < 2 <= _score(texts[used[0]], recognise) \
            and _score(texts[used[0]], recognise) >= _score(headers, recognise):
        headers, used = texts[used[0]], [used[0]]  # the row below was data, not a second header row
    titles = [" ".join(t for t in row if t) for row in texts[:used[0]] if any(row)]
    return HeaderRows(headers, used[-1] + 1, used, titles)


def section_title(cells: list[Any]) -> str:
    """A row holding one text only (a report's name between its findings): that text; else ""."""
    filled = [t for t in _texts(cells) if t]
    return filled[0] if len(filled) == 1 and len(filled[0]) >= 6 and not filled[0].isdigit() else ""
