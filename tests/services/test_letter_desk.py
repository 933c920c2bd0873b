"""Drafts, sign-off with the signatory's passphrase, and the append-only archive of issued letters."""

from __future__ import annotations

import hashlib
import io
import sqlite3
from datetime import date, datetime

import pytest
from pypdf import PdfReader

from opcc_desktop.domain.letter_records import HMICFRS_COPY, HOME_SECRETARY, PUBLISHED_RESPONSE
from opcc_desktop.errors import UserFacingError, ValidationError
from opcc_desktop.services.demo_letters import DEMO_PASSPHRASE
from opcc_desktop.services.office import Office
from opcc_desktop.services.signature_vault import WrongPassphraseError, passphrase_matches

TODAY = date(2026, 11, 22)
ISSUED = datetime(2026, 11, 22, 14, 30, 5)
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


@pytest.fixture
def office(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(TODAY)
    office.settings.update({"home_secretary_confirmed_on": TODAY.isoformat()})  # no warning left to answer
    yield office
    office.close()


def soc_id(office) -> int:
    return office.inspections.find("29536").id


def demo_signatory(office):
    return next(s for s in office.signatories.list() if s.name == "Ray Bisby")


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_draft_body_is_prefilled_then_saved_and_shared_with_the_copy(office):
    inspection_id = soc_id(office)
    assert office.letter_desk.body(inspection_id, HOME_SECRETARY).startswith("I welcome the inspection")
    assert "Appendix" in office.letter_desk.body(inspection_id, HOME_SECRETARY)
    # The published response's draft is the commissioner's comments; force responses sit beside each finding.
    assert "invested nearly £400,000" not in office.letter_desk.body(inspection_id, PUBLISHED_RESPONSE)
    changes = office.letter_desk.save_draft(inspection_id, PUBLISHED_RESPONSE, "Edited <b>body</b> & more.")
    assert changes.letters == {inspection_id}
    # s.55(6): the HMICFRS copy is the published response, so it shares its draft.
    assert office.letter_desk.body(inspection_id, HMICFRS_COPY) == "Edited <b>body</b> & more."
    assert office.letter_desk.body(inspection_id, HOME_SECRETARY).startswith("I welcome")
    office.letter_desk.discard_draft(inspection_id, PUBLISHED_RESPONSE)
    assert office.letter_desk.body(inspection_id, HOME_SECRETARY).startswith("I welcome")


def test_issue_archives_exact_bytes_with_hash_approver_and_recipients(office):
    inspection_id = soc_id(office)
    signer = demo_signatory(office)
    record, changes = office.letter_desk.issue(inspection_id, HOME_SECRETARY, TODAY, None, signer.id,
                                               DEMO_PASSPHRASE, ISSUED)
    assert changes.letters == {inspection_id}
    stored, pdf = office.letter_desk.archived_pdf(record.id)
    assert hashlib.sha256(pdf).hexdigest() == stored.sha256 == record.sha256
    assert office.letter_desk.verify(record.id)
    assert stored.approver_name == "Ray Bisby" and stored.issued_at == ISSUED and stored.version == 1
    assert any("Priti Patel" in r for r in stored.recipients) and any("Stephenson Street" in r for r in stored.recipients)
    text = text_of(pdf)
    assert "DRAFT" not in text and "Ray Bisby" in text
    assert sum(len(page.images) for page in PdfReader(io.BytesIO(pdf)).pages) >= 1  # the signature image


def test_reissue_is_a_new_version_and_the_archive_refuses_update_and_delete(office, tmp_path):
    inspection_id = soc_id(office)
    signer = demo_signatory(office)
    first, _ = office.letter_desk.issue(inspection_id, HOME_SECRETARY, TODAY, None, signer.id, DEMO_PASSPHRASE, ISSUED)
    second, _ = office.letter_desk.issue(inspection_id, HOME_SECRETARY, TODAY, "Reworded.", signer.id,
                                         DEMO_PASSPHRASE, ISSUED)
    assert (first.version, second.version) == (1, 2)
    assert [r.version for r in office.letter_desk.archived(inspection_id)] == [2, 1]
    conn = sqlite3.connect(tmp_path / "office.sqlite3")
    for statement in ("UPDATE letter_archive SET pdf = x'00'", "UPDATE letter_archive SET approver_name = 'X'",
                      "DELETE FROM letter_archive"):
        with pytest.raises(sqlite3.IntegrityError, match="archived"):
            conn.execute(statement)
    conn.close()
    assert office.letter_desk.verify(first.id) and office.letter_desk.verify(second.id)


def test_deleting_the_inspection_keeps_its_issued_letters(office):
    inspection_id = soc_id(office)
    signer = demo_signatory(office)
    record, _ = office.letter_desk.issue(inspection_id, PUBLISHED_RESPONSE, TODAY, None, signer.id,
                                         DEMO_PASSPHRASE, ISSUED)
    office.inspections.delete(inspection_id)
    assert office.letter_desk.verify(record.id)


def test_wrong_passphrase_signs_nothing_and_archives_nothing(office):
    inspection_id = soc_id(office)
    signer = demo_signatory(office)
    with pytest.raises(WrongPassphraseError, match="passphrase is not right"):
        office.letter_desk.issue(inspection_id, HOME_SECRETARY, TODAY, None, signer.id, "guess guess guess", ISSUED)
    assert office.letter_desk.archived(inspection_id) == []


def test_passphrase_rule_and_storage(office, tmp_path):
    with pytest.raises(ValidationError) as short:
        office.signatories.add("Jo Bloggs", "PCC", PNG, "short", "short")
    assert {e.field for e in short.value.errors} == {"passphrase"}
    with pytest.raises(ValidationError) as mismatch:
        office.signatories.add("Jo Bloggs", "PCC", PNG, "a long passphrase", "a long passphrase!")
    assert {e.field for e in mismatch.value.errors} == {"confirm"}
    with pytest.raises(ValidationError) as not_png:
        office.signatories.add("Jo Bloggs", "PCC", b"GIF89a", "a long passphrase", "a long passphrase")
    assert {e.field for e in not_png.value.errors} == {"signature"}
    new_id, _ = office.signatories.add("Jo Bloggs", "PCC", PNG, "a long passphrase", "a long passphrase")
    assert office.signatories.signature(new_id, "a long passphrase") == PNG
    with pytest.raises(UserFacingError):
        office.signatories.signature(new_id, "A long passphrase")
    conn = sqlite3.connect(tmp_path / "office.sqlite3")
    stored_hash, sealed = conn.execute("SELECT passphrase_hash, sealed_signature FROM signatories WHERE id = ?",
                                       [new_id]).fetchone()
    conn.close()
    assert stored_hash.startswith("scrypt$") and "a long passphrase" not in stored_hash
    assert passphrase_matches("a long passphrase", stored_hash)
    assert PNG not in sealed and b"IHDR" not in sealed  # the image is encrypted, not merely stored
    office.signatories.change_passphrase(new_id, "a long passphrase", "another passphrase", "another passphrase")
    assert office.signatories.signature(new_id, "another passphrase") == PNG


def test_logo_is_stored_in_the_database_and_drawn(office):
    office.signatories.set_logo(PNG)
    assert office.signatories.logo() == PNG
    document = office.letter_desk.document(soc_id(office), HOME_SECRETARY, TODAY)
    assert document.logo_png == PNG and document.draft
    with pytest.raises(ValidationError):
        office.signatories.set_logo(b"not an image")
    office.signatories.set_logo(None)
    assert office.signatories.logo() is None
