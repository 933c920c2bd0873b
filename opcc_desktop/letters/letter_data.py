"""What a letter says, fully worked out: plain strings only, so rendering needs no settings or rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opcc_desktop.letters.response_pairing import PairedDocument


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
    logo_png: bytes | None = None  # shown in the letterhead
    signature_png: bytes | None = None  # only once approved with the signatory's passphrase
    draft: bool = True  # unsigned: printed with a visible DRAFT marking
    copy_note: str = ""  # e.g. "Copy to HMICFRS: …", printed above the addressee
    demonstration: bool = False  # the demonstration office: "DEMONSTRATION" across every page


@dataclass(frozen=True)
class ResponseSheetData:
    """The published response in the office's template (seeds S0 and S2): the paired content plus how it is issued.

    `paired` says what is published (see response_pairing.py); the signatory fields here are who signs.
    """

    paired: PairedDocument
    signatory_name: str
    signatory_title: str
    pdf_title: str
    pdf_author: str
    pdf_subject: str = ""
    logo_png: bytes | None = None
    signature_png: bytes | None = None
    draft: bool = True
    demonstration: bool = False  # the demonstration office: "DEMONSTRATION" across every page

    @property
    def office_name(self) -> str:
        return self.paired.office_name

    @property
    def inspection_title(self) -> str:
        return self.paired.title
