"""Letters for one inspection: drafts, the three kinds of document, approval and the archive."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlite_utils import Database

from ..domain.letter_records import (
    DOCUMENT_KINDS, HMICFRS_COPY, HOME_SECRETARY, PUBLISHED_RESPONSE, ArchivedLetter, Signatory,
)
from ..domain.models import FieldError
from ..errors import NotFoundError, ValidationError
from ..letters.compose import DEFAULT_CC, compose_home_secretary_letter, default_letter_body, setting_reader
from ..letters.compose_response import compose_published_response, default_response_body
from ..letters.documents import Document, RenderedPdf, render_pdf
from ..storage import letter_archive as store
from ..storage.settings import read_settings
from .changes import Changes
from .inspections import InspectionService
from .signatories import SignatoryService
from .signature_vault import WrongPassphraseError


@dataclass(frozen=True)
class Approval:
    """A document signed by `signatory` (passphrase checked); still to be rendered and archived."""

    inspection_id: int
    kind: str
    letter_date: date
    signatory: Signatory
    document: Document


def _check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise ValidationError([FieldError("kind", f"must be one of {', '.join(DOCUMENT_KINDS)}")], "letter")


class LetterDesk:
    def __init__(self, db: Database):
        self.db = db
        self.inspections = InspectionService(db)
        self.signatories = SignatoryService(db)

    # Drafts ------------------------------------------------------------------------------------
    def default_body(self, inspection_id: int, kind: str) -> str:
        _check_kind(kind)
        inspection = self.inspections.get(inspection_id)
        if kind == HOME_SECRETARY:
            return default_letter_body(inspection)
        return default_response_body(inspection)

    def body(self, inspection_id: int, kind: str) -> str:
        """The saved draft's body, or the body pre-filled from the inspection and its findings."""
        _check_kind(kind)
        saved = store.read_draft(self.db, inspection_id, self._draft_kind(kind))
        return saved if saved is not None else self.default_body(inspection_id, kind)

    def has_draft(self, inspection_id: int, kind: str) -> bool:
        return store.read_draft(self.db, inspection_id, self._draft_kind(kind)) is not None

    def save_draft(self, inspection_id: int, kind: str, body: str) -> Changes:
        _check_kind(kind)
        self.inspections.get(inspection_id)
        with self.db.atomic():
            store.write_draft(self.db, inspection_id, self._draft_kind(kind), body.replace("\x00", ""))
        return Changes(letters=frozenset({inspection_id}))

    def discard_draft(self, inspection_id: int, kind: str) -> Changes:
        with self.db.atomic():
            store.delete_draft(self.db, inspection_id, self._draft_kind(kind))
        return Changes(letters=frozenset({inspection_id}))

    @staticmethod
    def _draft_kind(kind: str) -> str:
        return PUBLISHED_RESPONSE if kind == HMICFRS_COPY else kind  # s.55(6): the copy is the published response

    # Documents ---------------------------------------------------------------------------------
    def document(self, inspection_id: int, kind: str, letter_date: date, body: str | None = None) -> Document:
        """The unsigned (DRAFT) document, with the office logo; `body` None means the saved draft."""
        _check_kind(kind)
        inspection = self.inspections.get(inspection_id)
        settings = read_settings(self.db)
        text = self.body(inspection_id, kind) if body is None else body
        logo = self.signatories.logo()
        if kind == HOME_SECRETARY:
            return replace(compose_home_secretary_letter(inspection, settings, letter_date, text), logo_png=logo)
        return replace(compose_published_response(inspection, settings, text, letter_date), logo_png=logo)

    def recipients(self, kind: str) -> tuple[str, ...]:
        setting = setting_reader(read_settings(self.db))
        hmicfrs = setting("hmicfrs_copy_address") or DEFAULT_CC
        secretary = setting("home_secretary_name")
        home_secretary = f"Rt Hon {secretary} MP, Home Secretary" if secretary else "The Home Secretary"
        if kind == PUBLISHED_RESPONSE:
            return ("Published on the office's website", home_secretary, hmicfrs)
        return (hmicfrs,) if kind == HMICFRS_COPY else (home_secretary, f"cc {hmicfrs}")

    # Approval and archive ----------------------------------------------------------------------
    def approve(self, inspection_id: int, kind: str, letter_date: date, body: str | None, signatory_id: int,
                passphrase: str) -> Approval:
        """Check the signatory's passphrase and put their signature on the document.

        Wrong passphrase: WrongPassphraseError (a UserFacingError) and nothing is signed or stored.
        """
        document = self.document(inspection_id, kind, letter_date, body)
        try:
            signature = self.signatories.signature(signatory_id, passphrase)
        except WrongPassphraseError:
            raise WrongPassphraseError("That passphrase is not right, so the signature was not applied and "
                                       "nothing was issued.") from None
        signatory = self.signatories.get(signatory_id)
        signed = replace(document, signature_png=signature, draft=False, signatory_name=signatory.name,
                         signatory_title=signatory.title or document.signatory_title)
        return Approval(inspection_id, kind, letter_date, signatory, signed)

    def archive(self, approval: Approval, pdf: RenderedPdf, issued_at: datetime) -> tuple[ArchivedLetter, Changes]:
        """Archive the exact bytes as the next version; earlier versions are never touched."""
        inspection = self.inspections.get(approval.inspection_id)
        with self.db.atomic():
            record = ArchivedLetter(
                id=0, inspection_id=approval.inspection_id, inspection_reference=inspection.reference,
                inspection_title=inspection.title, kind=approval.kind,
                version=store.next_version(self.db, approval.inspection_id, approval.kind),
                letter_date=approval.letter_date, issued_at=issued_at, approver_name=approval.signatory.name,
                approver_title=approval.signatory.title, recipients=self.recipients(approval.kind),
                sha256=pdf.sha256, pages=pdf.pages,
            )
            new_id = store.insert_archived(self.db, record, pdf.data)
        return replace(record, id=new_id), Changes(letters=frozenset({approval.inspection_id}))

    def issue(self, inspection_id: int, kind: str, letter_date: date, body: str | None, signatory_id: int,
              passphrase: str, issued_at: datetime) -> tuple[ArchivedLetter, Changes]:
        """Approve, render and archive in one go (the window renders on a worker thread instead)."""
        approval = self.approve(inspection_id, kind, letter_date, body, signatory_id, passphrase)
        return self.archive(approval, render_pdf(approval.document), issued_at)

    def archived(self, inspection_id: int) -> list[ArchivedLetter]:
        return store.list_archived(self.db, inspection_id)

    def archived_pdf(self, archive_id: int) -> tuple[ArchivedLetter, bytes]:
        found = store.get_archived(self.db, archive_id)
        if found is None:
            raise NotFoundError("That archived letter was not found.")
        return found

    def verify(self, archive_id: int) -> bool:
        """True when the stored bytes still have the SHA-256 recorded when the letter was issued."""
        record, pdf = self.archived_pdf(archive_id)
        return hashlib.sha256(pdf).hexdigest() == record.sha256
