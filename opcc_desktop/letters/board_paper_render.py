"""Lay out an agenda, or minutes with the action log, on the letter's page templates (letterhead on page 1,
continuation header after, "Page x of y"). Pure: no Qt, no database. Every user string goes through `markup()`.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from opcc_desktop.letters.board_paper_data import BoardPaperData, PaperItem
from opcc_desktop.letters.fonts import BOLD
from opcc_desktop.letters.page_furniture import numbered_canvas_class
from opcc_desktop.letters.render import FRAME_WIDTH, GREY, MARGIN_BOTTOM, RULE, _Doc, _styles, markup

HEADER_BLUE = colors.HexColor("#1f3a5f")


def _paper_styles() -> dict[str, ParagraphStyle]:
    st = _styles()
    body = st["body"]
    st["board"] = ParagraphStyle("board", parent=body, fontName=BOLD, fontSize=14, leading=18, spaceAfter=2)
    st["kind"] = ParagraphStyle("kind", parent=body, fontName=BOLD, fontSize=12, leading=15, spaceAfter=2)
    st["meta"] = ParagraphStyle("meta", parent=body, textColor=GREY, spaceAfter=10)
    st["section"] = ParagraphStyle("section", parent=body, fontName=BOLD, spaceBefore=6, spaceAfter=3)
    st["item"] = ParagraphStyle("item", parent=body, fontName=BOLD, spaceBefore=8, spaceAfter=2)
    st["note"] = ParagraphStyle("note", parent=body, fontSize=9.5, leading=12.2, textColor=GREY, spaceAfter=3)
    st["tight"] = ParagraphStyle("tight", parent=body, spaceAfter=3, leftIndent=10 * mm)
    st["resolved"] = ParagraphStyle("resolved", parent=st["tight"], fontName=BOLD)
    return st


def _list_block(title: str, values: tuple[str, ...], empty: str, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    text = "; ".join(markup(v) for v in values) if values else markup(empty)
    return [Paragraph(f"<b>{markup(title)}</b> {text}", st["line"]), Spacer(1, 3)]


def _item_heading(item: PaperItem, st: dict[str, ParagraphStyle]) -> Paragraph:
    return Paragraph(f"{markup(item.number)}.&nbsp;&nbsp;{markup(item.title)}", st["item"])


def _item_meta(item: PaperItem, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    parts = [item.presenter, item.purpose.capitalize()]
    parts.append(f"Exempt: {item.exempt_ground}" if item.exempt_ground else "Open item")
    flow: list[Flowable] = [Paragraph(markup(" · ".join(p for p in parts if p)), st["note"])]
    flow += [Paragraph(markup(f"Paper: {paper}"), st["note"]) for paper in item.papers]
    flow += [Paragraph(markup(f"Linked: {link}"), st["note"]) for link in item.links]
    return flow


def _agenda_story(data: BoardPaperData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    for item in data.items:
        block = [_item_heading(item, st), *_item_meta(item, st)]
        block += [Paragraph(markup(line), st["tight"]) for line in item.carried]
        story.append(KeepTogether(block))
    return story


def _minutes_story(data: BoardPaperData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    story: list[Flowable] = []
    story += _list_block("Present:", data.present, "not recorded", st)
    if data.absent:
        story += _list_block("Absent:", data.absent, "", st)
    story += _list_block("Apologies:", data.apologies, "none", st)
    story += _list_block("Declarations of interest:", data.declarations, "none", st)
    for item in data.items:
        block = [_item_heading(item, st), *_item_meta(item, st)]
        block += [Paragraph(markup(line), st["tight"]) for line in item.carried]
        if item.notes:
            block += [
                Paragraph(markup(paragraph), st["tight"]) for paragraph in item.notes.split("\n\n") if paragraph.strip()
            ]
        if item.resolution:
            block.append(Paragraph(markup(item.resolution), st["resolved"]))
        if item.actions:
            block.append(Paragraph(markup("Actions: " + ", ".join(item.actions)), st["tight"]))
        story.append(KeepTogether(block[:4]))
        story += block[4:]
    story += _action_table(data, st)
    return story


def _action_table(data: BoardPaperData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    if not data.action_log:
        return [Paragraph("Action log", st["section"]), Paragraph("No actions.", st["body"])]
    header = [Paragraph(label, st["cell_head"]) for label in ("No", "Action", "Owner", "Due", "Status and updates")]
    rows: list[list[Any]] = [header]
    for action in data.action_log:
        status = [Paragraph(f"<b>{markup(action.status)}</b>", st["cell"])]
        status += [Paragraph(markup(update), st["cell"]) for update in action.updates]
        description = [Paragraph(markup(action.description), st["cell"])]
        if action.source:
            description.append(Paragraph(markup(f"From {action.source}"), st["cell_note"]))
        rows.append(
            [
                Paragraph(markup(action.number), st["cell"]),
                description,
                Paragraph(markup(action.owner), st["cell"]),
                Paragraph(markup(action.due), st["cell"]),
                status,
            ]
        )
    widths = [12 * mm, None, 36 * mm, 23 * mm, 45 * mm]
    widths[1] = FRAME_WIDTH - sum(w for w in widths if w)
    table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st["cell"].fontName, st["cell"].fontSize),
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_BLUE),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f1f4f8")]),
                ("GRID", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [Spacer(1, 4 * mm), Paragraph("Action log", st["section"]), table]


def _story(data: BoardPaperData, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    title = "Agenda" if data.kind == "agenda" else "Minutes"
    if data.kind == "minutes" and data.status != "minutes approved":
        title += " (draft)"
    story: list[Flowable] = [
        Paragraph(markup(data.board_name), st["board"]),
        Paragraph(markup(title), st["kind"]),
        Paragraph(markup(data.meeting_line), st["meta"]),
    ]
    return story + (_agenda_story(data, st) if data.kind == "agenda" else _minutes_story(data, st))


def render_board_paper(data: BoardPaperData, out: str | Path | BinaryIO, *, invariant: bool = False) -> int:
    """Write the paper as a PDF to a path or binary file; return the number of pages."""
    st = _paper_styles()
    target = str(out) if isinstance(out, (str, Path)) else out
    pages: list[int] = []
    _Doc(target, data, st, invariant).build(_story(data, st), canvasmaker=numbered_canvas_class(pages, MARGIN_BOTTOM, False, data.demonstration))  # type: ignore[arg-type]
    return pages[-1]


def render_board_paper_bytes(data: BoardPaperData, *, invariant: bool = False) -> bytes:
    buffer = io.BytesIO()
    render_board_paper(data, buffer, invariant=invariant)
    return buffer.getvalue()
