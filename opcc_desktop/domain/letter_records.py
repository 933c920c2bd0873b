"""Records about letters: the kinds of document, signatories and archived (issued) letters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

HOME_SECRETARY = "home_secretary"
PUBLISHED_RESPONSE = "published_response"
HMICFRS_COPY = "hmicfrs_copy"
DOCUMENT_KINDS: tuple[str, ...] = (HOME_SECRETARY, PUBLISHED_RESPONSE, HMICFRS_COPY)
DOCUMENT_KIND_LABELS: dict[str, str] = {
    HOME_SECRETARY: "Letter to the Home Secretary",
    PUBLISHED_RESPONSE: "Published response (office template)",
    HMICFRS_COPY: "Copy to HMICFRS (the published response, s.55(6))",
}
MIN_PASSPHRASE_LENGTH = 10


@dataclass(frozen=True)
class Signatory:
    """Someone who may approve and sign letters. The signature itself stays sealed in the database."""

    id: int
    name: str
    title: str
    authorised_for_commissioner: bool = False  # may sign on the commissioner's behalf


@dataclass(frozen=True)
class SealedSignature:
    """What the database holds for a signatory: a passphrase hash and the encrypted signature image."""

    passphrase_hash: str
    key_salt: bytes
    nonce: bytes
    sealed: bytes


@dataclass(frozen=True)
class ArchivedLetter:
    """One issued letter as archived (without its PDF bytes, which are fetched on demand)."""

    id: int
    inspection_id: int
    inspection_reference: str
    inspection_title: str
    kind: str
    version: int
    letter_date: date
    issued_at: datetime
    approver_name: str
    approver_title: str
    recipients: tuple[str, ...]
    sha256: str
    pages: int
