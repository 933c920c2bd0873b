"""A report PDF → its pages as lines of text (pypdfium2, i.e. PDFium: fast, offline, Apache/BSD licensed).

Each page's text runs (PDFium "rects") are laid out again: runs on one baseline make a line; a page whose runs
split at a gutter either side of the middle is read as two columns (left column, then right), with full-width
runs above and below in place; a vertical gap wider than a line and a half marks a paragraph ("" line). The
largest print on the first page is kept as the title candidate. `progress(done, total)` is called per page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..domain.report_text import PageText
from ..errors import UserFacingError

Progress = Callable[[int, int], None]


@dataclass
class _Run:
    left: float
    bottom: float
    right: float
    top: float
    text: str
    size: float = 0.0

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def _runs(textpage: Any) -> list[_Run]:
    runs = []
    for index in range(textpage.count_rects()):
        left, bottom, right, top = textpage.get_rect(index)
        text = textpage.get_text_bounded(left - 0.5, bottom - 0.5, right + 0.5, top + 0.5)
        text = " ".join(text.replace("\r", " ").replace("\n", " ").split())
        if text:
            runs.append(_Run(left, bottom, right, top, text))
    return runs


_BULLETS = {"•", "▪", "●", "■", "–", "-", "o", "◦", "‣", "∙", "·", "", "➢", "►"}


def _snap_bullets(runs: list[_Run]) -> None:
    """A bullet drawn on its own (a little higher or lower than its text) joins the line it belongs to."""
    for bullet in (r for r in runs if r.text.strip() in _BULLETS):
        middle = (bullet.top + bullet.bottom) / 2
        beside = [r for r in runs if r is not bullet and r.left >= bullet.right - 1 and r.text.strip() not in _BULLETS
                  and abs((r.top + r.bottom) / 2 - middle) < max(r.height, bullet.height) * 1.2]
        if beside:
            nearest = min(beside, key=lambda r: (abs((r.top + r.bottom) / 2 - middle), r.left))
            bullet.top, bullet.bottom = nearest.top, nearest.bottom


def _lines(runs: list[_Run]) -> list[tuple[float, float, str]]:
    """(top, height, text) of each line, top to bottom; runs on one baseline are joined left to right."""
    _snap_bullets(runs)
    rows: list[list[_Run]] = []
    for run in sorted(runs, key=lambda r: (-r.top, r.left)):
        if rows and abs(rows[-1][0].bottom - run.bottom) < 0.5 * min(rows[-1][0].height, run.height):
            rows[-1].append(run)
        else:
            rows.append([run])
    lines = []
    for row in rows:
        row.sort(key=lambda r: r.left)
        text = row[0].text
        for before, run in pairwise(row):
            text += ("" if run.left - before.right < 0.15 * run.height else " ") + run.text
        lines.append((max(r.top for r in row), max(r.height for r in row), text))
    return lines


def _blocks(lines: list[tuple[float, float, str]]) -> list[tuple[float, list[str]]]:
    """Paragraphs as (top, lines): a vertical gap wider than a line and a half starts a new one."""
    if not lines:
        return []
    gaps = [above[0] - below[0] for above, below in pairwise(lines) if above[0] > below[0]]
    usual = sorted(gap for gap in gaps if gap > 0.8 * min(line[1] for line in lines))
    step = usual[len(usual) // 4] if usual else lines[0][1] * 1.2  # the usual line step: its lower quartile
    blocks = [(lines[0][0], [lines[0][2]])]
    for above, below in pairwise(lines):
        if above[0] - below[0] > max(step * 1.45, below[1] * 1.6):
            blocks.append((below[0], []))
        blocks[-1][1].append(below[2])
    return blocks


def _with_paragraphs(lines: list[tuple[float, float, str]]) -> list[str]:
    out: list[str] = []
    for _top, block in _blocks(lines):
        out.extend([""] if out else [])
        out.extend(block)
    return out


_RESPONSE_HEADER = re.compile(r"^(?:[\w&’'/]+\s+){0,4}(?:response|responses|comments?|update|progress)$", re.IGNORECASE)


def _table_rows(left: list[_Run], right: list[_Run]) -> list[str] | None:
    """Two columns headed like "Recommendation | Force response": each response follows the finding beside it
    (as "Force response: …"), so that the parser pairs them."""
    right_blocks = _blocks(_lines(right))
    if not right_blocks or not _RESPONSE_HEADER.match(" ".join(right_blocks[0][1]).strip(" :")):
        return None
    label = " ".join(right_blocks[0][1]).strip(" :")
    left_blocks = _blocks(_lines(left))
    out: list[str] = []
    for number, (top, block) in enumerate(left_blocks):
        below = left_blocks[number + 1][0] if number + 1 < len(left_blocks) else float("-inf")
        out.extend([""] if out else [])
        out.extend(block)
        for other_top, other in right_blocks[1:]:
            if below < other_top <= top + 2:
                out.extend(["", f"{label}: " + " ".join(other)])
    return out


def _gutter(runs: list[_Run], width: float) -> float:
    """The x between 30% and 70% of the page that the fewest text runs cross (nearest the middle on a tie)."""
    best, best_key = width / 2, (len(runs) + 1, 0.0)
    x = width * 0.3
    while x <= width * 0.7:
        crossing = sum(1 for r in runs if r.left < x - 4 and r.right > x + 4)
        key = (crossing, abs(x - width / 2))
        if key < best_key:
            best, best_key = x, key
        x += 3
    return best


def layout_page(runs: list[_Run], width: float) -> list[str]:
    middle = _gutter(runs, width) if len(runs) >= 8 else width / 2
    spanning = [r for r in runs if r.left < middle - 4 and r.right > middle + 4]
    left = [r for r in runs if r.right <= middle + 4 and r not in spanning]
    right = [r for r in runs if r.left >= middle - 4 and r not in spanning]
    if len(left) >= 4 and len(right) >= 4:
        top_of_columns = max(r.top for r in left + right)
        bottom_of_columns = min(r.bottom for r in left + right)
        above = [r for r in spanning if r.bottom >= top_of_columns - 1]
        below = [r for r in spanning if r.top <= bottom_of_columns + 1]
        inside = [r for r in spanning if r not in above and r not in below]
        if len(inside) <= 2:  # a real gutter: nothing but the odd heading crosses it
            rows = _table_rows(left + inside, right)
            if rows is not None:
                return [*_with_paragraphs(_lines(above)), "", *rows, "", *_with_paragraphs(_lines(below))]
            parts = [_with_paragraphs(_lines(group)) for group in (above, left + inside, right, below) if group]
            out: list[str] = []
            for part in parts:
                out.extend([""] if out else [])
                out.extend(part)
            return out
    return _with_paragraphs(_lines(runs))


def _measure(textpage: Any, runs: list[_Run]) -> None:
    from pypdfium2 import raw

    for run in runs:
        index = textpage.get_index((run.left + run.right) / 2, (run.top + run.bottom) / 2, 2, 2)
        run.size = float(raw.FPDFText_GetFontSize(textpage, index)) if index is not None and index >= 0 else 0.0


def without_notes(runs: list[_Run]) -> list[_Run]:
    """Footnotes under the text (smaller print below the lowest line in body size) and footnote markers
    (a small number raised beside a word) are not part of a finding."""
    sized = [r for r in runs if r.size > 0]
    if len(sized) < 4:
        return runs
    weights: dict[float, int] = {}
    for run in sized:
        weights[round(run.size, 1)] = weights.get(round(run.size, 1), 0) + len(run.text)
    body = max(weights, key=lambda size: weights[size])
    if weights[body] < 300:
        return runs  # a cover or a page of headings: too little text to tell small print from body
    body_bottom = min(r.bottom for r in sized if r.size >= body * 0.95)
    kept = []
    for run in runs:
        small = 0 < run.size < body * 0.9
        if small and run.top <= body_bottom + 1 and len(runs) > 6:
            continue  # a footnote (or small print) below the text
        if small and run.size < body * 0.8 and run.text.strip("[]()*†‡").isdigit() and len(run.text) <= 3:
            continue  # a footnote marker
        kept.append(run)
    return kept


def _title_lines(runs: list[_Run]) -> list[str]:
    if not runs:
        return []
    biggest = max(run.size for run in runs)
    if biggest <= 0:
        return []
    return [text for _top, _height, text in _lines([r for r in runs if r.size >= biggest * 0.85])]


def read_pdf_pages(path: Path, progress: Progress | None = None) -> list[PageText]:
    """Every page's lines; a plain message if the file is not a readable PDF."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise UserFacingError(f"Cannot read {path.name} as a PDF: {exc}") from exc
    pages: list[PageText] = []
    try:
        total = len(document)
        for number in range(total):
            page = document[number]
            textpage = page.get_textpage()
            runs = _runs(textpage)
            _measure(textpage, runs)
            page_text = PageText(layout_page(without_notes(runs), page.get_width()))
            if number == 0:
                page_text.title_lines = _title_lines(runs)
            textpage.close()
            page.close()
            pages.append(page_text)
            if progress is not None:
                progress(number + 1, total)
    finally:
        document.close()
    return pages
