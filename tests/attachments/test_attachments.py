"""Evidence attachments: safe names, copies in the data folder, relative paths, who/when, failures."""

import errno
import hashlib
from datetime import date, datetime
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from opcc_desktop.domain.attachment_names import RESERVED, safe_file_name, unique_name
from opcc_desktop.errors import UserFacingError
from opcc_desktop.services.office import Office
from opcc_desktop.storage.attachments import Attachment

TODAY = date(2026, 11, 22)
NOW = datetime(2026, 11, 22, 10, 30)


@pytest.fixture
def demo(tmp_path):
    office = Office.open(tmp_path / "data" / "office.sqlite3")
    office.load_demo(TODAY)
    yield office
    office.close()


@given(st.text(min_size=0, max_size=300))
@settings(max_examples=400, deadline=None)
def test_safe_names_are_one_harmless_component(original):
    name = safe_file_name(original)
    assert name and "/" not in name and "\\" not in name and name not in (".", "..")
    assert not any(c in name for c in '<>:"|?*') and not any(ord(c) < 32 for c in name)
    assert name.split(".")[0].upper() not in RESERVED and not name.endswith((".", " "))
    assert len(name) <= 100
    assert Path("/data/attachments/1", name).resolve().parent == Path("/data/attachments/1").resolve()


def test_known_hostile_names():
    assert safe_file_name("..\\..\\Windows\\system32\\evil.exe") == "evil.exe"
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("CON") == "_CON" and safe_file_name("nul.txt") == "_nul.txt"
    assert safe_file_name("com1.tar.gz") == "_com1.tar.gz"
    assert safe_file_name("a:b?.PDF") == "a_b_.pdf" and safe_file_name("...") == "attachment"
    assert safe_file_name("Adroddiad Heddlu ŵ.docx") == "Adroddiad Heddlu ŵ.docx"
    assert unique_name("a.pdf", {"A.pdf", "a (2).pdf"}) == "a (3).pdf"


def test_attach_copies_hashes_records_relative_path_and_who(demo, tmp_path):
    source = tmp_path / "CON.msg"
    source.write_bytes(b"From: force\r\n\r\nevidence <b>&</b>")
    inspection = demo.inspections.find("29536")
    finding_id = inspection.findings[1].id
    attachment, changes = demo.attachments.attach(source, inspection.id, finding_id, "E-mail from the DCC", NOW)
    assert inspection.id in changes.inspections
    assert attachment.stored_path == f"attachments/{inspection.id}/_CON.msg"
    assert not PurePosixPath(attachment.stored_path).is_absolute()
    copy = demo.attachments.absolute_path(attachment)
    assert copy.read_bytes() == source.read_bytes() and copy.parent.parent.parent == demo.path.parent
    assert attachment.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert (attachment.original_name, attachment.finding_id, attachment.attached_at) == (
        "CON.msg", finding_id, "2026-11-22 10:30:00")
    assert attachment.attached_by
    second, _ = demo.attachments.attach(source, inspection.id, now=NOW)
    assert second.stored_path.endswith("_CON (2).msg")
    assert [a.id for a in demo.attachments.for_inspection(inspection.id)] == [attachment.id, second.id]
    demo.attachments.remove(second.id)
    assert not demo.attachments.absolute_path(second).exists()
    assert (demo.path.parent / "attachments" / "removed" / "_CON (2).msg").exists()


def test_copy_failure_records_nothing(demo, tmp_path, monkeypatch):
    source = tmp_path / "report.pdf"
    source.write_bytes(b"%PDF-1.4")
    inspection = demo.inspections.find("29536")

    def disk_full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("opcc_desktop.services.attachments._copy_and_hash", disk_full)
    with pytest.raises(UserFacingError, match="No space left on device.*Nothing was attached"):
        demo.attachments.attach(source, inspection.id)
    assert demo.attachments.for_inspection(inspection.id) == []
    assert not any(p.is_file() for p in (demo.path.parent / "attachments").rglob("*"))


def test_database_failure_removes_the_copy(demo, tmp_path, monkeypatch):
    source = tmp_path / "report.pdf"
    source.write_bytes(b"%PDF-1.4")
    inspection = demo.inspections.find("29536")

    def refuse(*_args):
        raise RuntimeError("database went away")

    monkeypatch.setattr("opcc_desktop.storage.attachments.insert_attachment", refuse)
    with pytest.raises(RuntimeError):
        demo.attachments.attach(source, inspection.id)
    assert not any(p.is_file() for p in (demo.path.parent / "attachments").rglob("*"))


def test_paths_outside_the_data_folder_are_refused_and_cascade_on_delete(demo, tmp_path):
    sneaky = Attachment(1, 1, None, "x", "attachments/../../etc/passwd", 1, "", "", "", "")
    with pytest.raises(UserFacingError):
        demo.attachments.absolute_path(sneaky)
    source = tmp_path / "a.txt"
    source.write_text("x")
    inspection = demo.inspections.find("29536")
    demo.attachments.attach(source, inspection.id)
    demo.db.execute("DELETE FROM inspections WHERE id = ?", [inspection.id])
    assert demo.attachments.for_inspection(inspection.id) == []


def test_missing_file_is_listed(demo, tmp_path):
    source = tmp_path / "a.txt"
    source.write_text("x")
    attachment, _ = demo.attachments.attach(source, demo.inspections.find("29536").id)
    demo.attachments.absolute_path(attachment).unlink()
    assert [a.id for a in demo.attachments.missing()] == [attachment.id]
