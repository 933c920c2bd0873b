"""What a board paper (agenda, or minutes with the action log) prints: plain strings only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PaperAction:
    number: str
    description: str
    owner: str
    due: str
    status: str
    source: str
    updates: tuple[str, ...]  # "12/09/2005: Trainers met", oldest first


@dataclass(frozen=True)
class PaperItem:
    number: str
    title: str
    presenter: str
    purpose: str
    exempt_ground: str  # "" for an open item
    papers: tuple[str, ...]
    links: tuple[str, ...]
    notes: str
    resolution: str
    actions: tuple[str, ...]  # "Action 002" references born at this item
    carried: tuple[str, ...]  # "Action 001 (open): …" reviewed under this item


@dataclass(frozen=True)
class BoardPaperData:
    """An agenda (`kind="agenda"`) or minutes (`kind="minutes"`). Field names shared with `LetterData`
    (office_*, subject, pdf_*) let the letter's page templates and letterhead draw it."""

    kind: str
    office_name: str
    office_address_lines: tuple[str, ...]
    office_contact_lines: tuple[str, ...]
    board_name: str
    meeting_line: str  # "Wednesday 27 July 2005 at 10:00, Carleton Hall, Penrith"
    status: str
    present: tuple[str, ...]
    absent: tuple[str, ...]
    apologies: tuple[str, ...]
    declarations: tuple[str, ...]
    items: tuple[PaperItem, ...]
    action_log: tuple[PaperAction, ...]
    subject: str
    pdf_title: str
    pdf_author: str
    pdf_subject: str
    logo_png: bytes | None = None  # the office logo, drawn in the letterhead as on letters
    held_on: date | None = None  # the meeting's date (the web page marks it up as a `<time>`)
    demonstration: bool = False  # the demonstration office: "DEMONSTRATION" across every page
