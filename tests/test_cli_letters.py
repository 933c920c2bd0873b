"""`document` and `issued`: new commands (additions to the public command line)."""

from datetime import datetime

from docx import Document
from pypdf import PdfReader

from opcc_desktop.app import main
from opcc_desktop.domain.letter_records import PUBLISHED_RESPONSE
from opcc_desktop.services.demo_letters import DEMO_PASSPHRASE
from opcc_desktop.services.office import Office


def test_document_writes_each_kind_as_pdf_or_word(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "demo", "--today", "2026-11-22"]) == 0
    assert main(["--db", db, "document", "29536", "--kind", "published_response", "--out",
                 str(tmp_path / "r.pdf")]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "r.pdf").pages)
    assert "Inspection title:" in text and "Force response" in text and "DRAFT" in text
    assert main(["--db", db, "document", "29536", "--kind", "hmicfrs_copy", "--out", str(tmp_path / "c.docx"),
                 "--date", "2023-12-21"]) == 0
    # s.55(6): the copy to HMICFRS is the published response, not a copy of the Home Secretary letter.
    copy_text = [p.text for p in Document(str(tmp_path / "c.docx")).paragraphs]
    assert "Force response" in copy_text and not any("Dear Home Secretary" in t for t in copy_text)
    assert main(["--db", db, "document", "nope", "--out", str(tmp_path / "x.pdf")]) == 1
    assert "Traceback" not in capsys.readouterr().err


def test_issued_lists_saves_and_verifies(tmp_path, capsys):
    db_path = tmp_path / "office.sqlite3"
    assert main(["--db", str(db_path), "demo", "--today", "2026-11-22"]) == 0
    office = Office.open(db_path)
    inspection_id = office.inspections.find("29536").id
    signer = office.signatories.list()[0]
    record, _ = office.letter_desk.issue(inspection_id, PUBLISHED_RESPONSE, datetime(2026, 11, 22).date(), None,
                                         signer.id, DEMO_PASSPHRASE, datetime(2026, 11, 22, 9, 0))
    office.close()
    capsys.readouterr()
    assert main(["--db", str(db_path), "issued", "29536", "--verify"]) == 0
    listing = capsys.readouterr().out
    assert record.sha256 in listing and "intact" in listing
    assert main(["--db", str(db_path), "issued", "29536", "--save", str(record.id), "--out",
                 str(tmp_path / "v1.pdf")]) == 0
    assert (tmp_path / "v1.pdf").read_bytes()[:5] == b"%PDF-"
    assert main(["--db", str(db_path), "issued", "29536", "--save", str(record.id)]) == 1
