"""What a letter says, fully worked out: plain strings only, so rendering needs no settings or rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class AppendixEntry:
    """One row of the appendix table: a finding and the responses to it, as printed."""

    reference: str
    kind_label: str
    level: str
    text: str
    force_response: str
    pcc_response: str


@dataclass(frozen=True)
class LetterData:
    """Everything printed in a s.55 response letter. All strings are literal text, never markup."""

    office_name: str
    office_address_lines: tuple[str, ...]
    office_contact_lines: tuple[str, ...]
    recipient_lines: tuple[str, ...]
    letter_date: date
    date_style: str  # "ordinal" or "plain"
    salutation: str
    subject: str
    opening_paragraph: str
    body_paragraphs: tuple[str, ...]
    signatory_name: str
    signatory_title: str
    cc_lines: tuple[str, ...]
    appendix_title: str
    appendix_entries: tuple[AppendixEntry, ...]
    pdf_title: str
    pdf_author: str
    pdf_subject: str
