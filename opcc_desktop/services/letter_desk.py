"""Letters for one inspection: drafts, the three kinds of document, approval and the archive."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from sqlite_utils import Database

from ..domain.letter_readiness import Readiness, SignerFacts, check_readiness
from ..domain.letter_records import (
    DOCUMENT_KINDS, HMICFRS_COPY, HOME_SECRETARY, PUBLISHED_RESPONSE, ArchivedLetter, Signatory,
)
from ..domain.models import FieldError
from ..errors import NotFoundError, UserFacingError, ValidationError
from ..domain.archive_chain import GENESIS, chain_problems, entry_hash, entry_problems
from ..letters.compose import (
    DEFAULT_CC, default_letter_body, setting_reader, split_paragraphs,
)
from ..letters.compose_response import compose_published_response, default_response_body
from ..letters.documents import Document, RenderedPdf, render_pdf
from ..storage import letter_archive as store
from ..storage.office_mark import is_demonstration
from ..storage.settings import read_settings
from .changes import Changes
from .inspections import InspectionService
from .issue_records import record_issue
from .letters import home_secretary_letter
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
    readiness: Readiness = field(default_factory=lambda: Readiness((), ()))
    anyway_reason: str = ""  # why it was signed despite the warnings (recorded in the audit trail)


class NotReadyError(UserFacingError):
    """Something blocks signing; `readiness` lists it. Nothing was signed."""

    def __init__(self, readiness: Readiness):
        self.readiness = readiness
        super().__init__("This document cannot be signed yet:\n" + "\n".join(f"- {item}" for item in readiness.blocking))


class NeedsReasonError(UserFacingError):
    """Only warnings: signing needs an explicit "sign anyway" with a reason."""

    def __init__(self, readiness: Readiness):
        self.readiness = readiness
        super().__init__("Signing anyway needs a reason, because:\n"
                         + "\n".join(f"- {item}" for item in readiness.warnings))


class PreviewChangedError(UserFacingError):
    """What would be signed is not what was previewed."""


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
        text = self.body(inspection_id, kind) if body is None else body
        if kind == HOME_SECRETARY:  # the same letter the `letter` command prints
            return home_secretary_letter(self.db, inspection_id, letter_date, text)
        return replace(compose_published_response(inspection, read_settings(self.db), text, letter_date),
                       logo_png=self.signatories.logo(), demonstration=is_demonstration(self.db))

    def recipients(self, kind: str) -> tuple[str, ...]:
        setting = setting_reader(read_settings(self.db))
        hmicfrs = setting("hmicfrs_copy_address") or DEFAULT_CC
        secretary = setting("home_secretary_name")
        home_secretary = f"Rt Hon {secretary} MP, Home Secretary" if secretary else "The Home Secretary"
        if kind == PUBLISHED_RESPONSE:
            return ("Published on the office's website", home_secretary, hmicfrs)
        return (hmicfrs,) if kind == HMICFRS_COPY else (home_secretary, f"cc {hmicfrs}")

    # Readiness ---------------------------------------------------------------------------------
    def comments(self, inspection_id: int, kind: str, body: str | None = None) -> str:
        """The commissioner's own words in the draft: the body without the automatic appendix sentence."""
        inspection = self.inspections.get(inspection_id)
        text = self.body(inspection_id, kind) if body is None else body
        automatic = set(split_paragraphs(default_letter_body(replace(inspection, pcc_comments=""))))
        return "\n\n".join(p for p in split_paragraphs(text) if p not in automatic)

    def readiness(self, inspection_id: int, kind: str, letter_date: date, body: str | None = None, *,
                  today: date, signatory_id: int | None = None) -> Readiness:
        """The one readiness check, shared by the window and the command line."""
        _check_kind(kind)
        inspection = self.inspections.get(inspection_id)
        signer = None
        if signatory_id is not None:
            signatory = self.signatories.get(signatory_id)
            signer = SignerFacts(signatory.name, signatory.authorised_for_commissioner)
        readiness_kind = HOME_SECRETARY if kind == HOME_SECRETARY else PUBLISHED_RESPONSE
        return check_readiness(inspection, read_settings(self.db), readiness_kind, letter_date,
                               self.comments(inspection_id, kind, body), today, signer)

    # Approval and archive ----------------------------------------------------------------------
    def approve(self, inspection_id: int, kind: str, letter_date: date, body: str | None, signatory_id: int,
                passphrase: str, *, today: date | None = None, anyway_reason: str = "",
                previewed: Document | None = None) -> Approval:
        """Check readiness and the signatory's passphrase, then put their signature on the document.

        Refused (NotReadyError) while anything blocks; with only warnings, refused (NeedsReasonError)
        unless `anyway_reason` says why it is signed anyway. When `previewed` is given, the document
        signed must be exactly it (PreviewChangedError otherwise): what is signed is what was seen.
        Wrong passphrase: WrongPassphraseError. In every refusal nothing is signed or stored.
        """
        document = self.document(inspection_id, kind, letter_date, body)
        if previewed is not None and previewed != document:
            raise PreviewChangedError("The document has changed since it was previewed (the inspection, its "
                                      "findings or the office settings were edited). Look at the new preview, "
                                      "then sign again.")
        readiness = self.readiness(inspection_id, kind, letter_date, body, today=today or letter_date,
                                   signatory_id=signatory_id)
        if not readiness.ready:
            raise NotReadyError(readiness)
        if readiness.warnings and not anyway_reason.strip():
            raise NeedsReasonError(readiness)
        try:
            signature = self.signatories.signature(signatory_id, passphrase)
        except WrongPassphraseError:
            raise WrongPassphraseError("That passphrase is not right, so the signature was not applied and "
                                       "nothing was issued.") from None
        signatory = self.signatories.get(signatory_id)
        signed = replace(document, signature_png=signature, draft=False, signatory_name=signatory.name,
                         signatory_title=signatory.title or document.signatory_title)
        reason = anyway_reason.strip() if readiness.warnings else ""
        return Approval(inspection_id, kind, letter_date, signatory, signed, readiness, reason)

    def archive(self, approval: Approval, pdf: RenderedPdf, issued_at: datetime, *,
                mark_published: bool = False) -> tuple[ArchivedLetter, Changes]:
        """Archive the exact bytes as the next version (earlier versions are never touched), chained to
        the entry before; record the issue in the s.55 checklist, and, when `mark_published` (the user
        confirmed it), the response-published date, which stops the s.55 clock."""
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
            previous = store.last_entry_hash(self.db)
            sealed = entry_hash(record, previous)
            new_id = store.insert_archived(self.db, record, pdf.data, previous, sealed)
            record_issue(self.db, approval, inspection, replace(record, id=new_id), sealed, issued_at.date(),
                         mark_published)
        return replace(record, id=new_id), Changes(letters=frozenset({approval.inspection_id}),
                                                   inspections=frozenset({approval.inspection_id}), reminders=True)

    def issue(self, inspection_id: int, kind: str, letter_date: date, body: str | None, signatory_id: int,
              passphrase: str, issued_at: datetime, *, anyway_reason: str = "",
              mark_published: bool = False) -> tuple[ArchivedLetter, Changes]:
        """Approve, render and archive in one go (the window renders on a worker thread instead)."""
        approval = self.approve(inspection_id, kind, letter_date, body, signatory_id, passphrase,
                                today=issued_at.date(), anyway_reason=anyway_reason)
        return self.archive(approval, render_pdf(approval.document), issued_at, mark_published=mark_published)

    def archived(self, inspection_id: int) -> list[ArchivedLetter]:
        return store.list_archived(self.db, inspection_id)

    def archived_pdf(self, archive_id: int) -> tuple[ArchivedLetter, bytes]:
        found = store.get_archived(self.db, archive_id)
        if found is None:
            raise NotFoundError("That archived letter was not found, or it cannot be read (`issued --verify` "
                                "says why).")
        return found

    def verify(self, archive_id: int) -> bool:
        """True when the entry's PDF, details and place in the chain are as they were when it was issued."""
        return not self.verify_problems(archive_id)

    def verify_problems(self, archive_id: int) -> list[str]:
        entries = store.read_chain(self.db)
        recorded = store.recorded_entry_hashes(self.db)
        previous = GENESIS
        for entry in entries:
            if entry.id == archive_id:
                problems = entry_problems(entry, previous)
                if recorded.get(entry.id, entry.entry_hash) != entry.entry_hash:
                    problems.append("its hash is not the one the audit trail recorded when it was issued")
                return problems
            previous = entry.entry_hash
        raise NotFoundError("That archived letter was not found.")

    def chain_problems(self) -> list[str]:
        """Walk the whole archive: every break, missing protection trigger or unreadable entry, in plain words."""
        try:
            entries, triggers, recorded = store.read_chain_and_triggers(self.db)
        except store.ArchiveUnreadableError as error:
            return [f"The letter archive cannot be read at all ({error})."]
        return chain_problems(entries, triggers, recorded)
