"""Evidence from outside: device names refused, the internet mark kept, and risky types ask first."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import pytest

from opcc_desktop.domain.attachment_names import RESERVED, risk_of_opening, safe_file_name
from opcc_desktop.services.attachments import copy_zone_mark
from opcc_desktop.services.office import Office

NOW = datetime(2026, 11, 22, 10, 30)
DEVICES = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "conin$.txt", "CONOUT$.doc", "COM0", "COM9",
           "LPT0.pdf", "COM¹", "com².txt", "LPT³.tar.gz", "lpt¹", "CON .txt", "nul.", "Aux.msg"]
ZONE = b"[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=https://mail.example.invalid/\r\n"


@pytest.mark.parametrize("name", DEVICES)
def test_every_reserved_windows_device_name_is_refused_with_any_extension(name):
    stored = safe_file_name(name)
    assert stored.startswith("_"), stored
    assert stored.split(".")[0].rstrip(" ").upper() not in RESERVED
    assert {"COM¹", "LPT³", "CONIN$", "CONOUT$", "COM0", "LPT0"} <= RESERVED


def test_ordinary_names_are_not_taken_for_devices():
    assert safe_file_name("console.txt") == "console.txt" and safe_file_name("COM10.pdf") == "COM10.pdf"
    assert safe_file_name("Auxiliary.docx") == "Auxiliary.docx"


@pytest.mark.parametrize(("name", "why"), [("invoice.exe", "program"), ("Report.PDF.js", "script"),
                                           ("tracker.xlsm", "macros"), ("minutes.docm", "macros"),
                                           ("setup.msi", "program"), ("run.ps1", "script"), ("link.lnk", "program"),
                                           ("page.hta", "program"), ("x.bat.", "script")])
def test_programs_scripts_and_macro_documents_need_a_yes(name, why):
    assert why in (risk_of_opening(name) or "")


@pytest.mark.parametrize("name", ["minutes.docx", "report.pdf", "tracker.xlsx", "photo.jpg", "notes", "mail.msg"])
def test_documents_open_without_a_question(name):
    assert risk_of_opening(name) is None


def test_a_copy_keeps_the_internet_mark_through_the_windows_seam(tmp_path):
    office = Office.open(tmp_path / "office.sqlite3")
    office.load_demo(NOW.date())
    source = tmp_path / "inbox" / "Action plan.docm"
    source.parent.mkdir()
    source.write_bytes(b"PK\x03\x04 macro document")
    (source.parent / "Action plan.docm:Zone.Identifier").write_bytes(ZONE)  # what NTFS keeps as a stream
    office.attachments.copy_zone_mark = partial(copy_zone_mark, windows=True)
    attachment, _ = office.attachments.attach(source, office.inspections.find("29536").id, now=NOW)
    copy = office.attachments.absolute_path(attachment)
    assert copy.with_name(copy.name + ":Zone.Identifier").read_bytes() == ZONE
    office.close()


def test_no_mark_means_nothing_is_invented_and_other_systems_are_left_alone(tmp_path):
    source, target = tmp_path / "local.pdf", tmp_path / "copy.pdf"
    source.write_bytes(b"%PDF")
    target.write_bytes(b"%PDF")
    assert copy_zone_mark(source, target, windows=True) is False
    (tmp_path / "local.pdf:Zone.Identifier").write_bytes(ZONE)
    assert copy_zone_mark(source, target, windows=False) is False
    assert not (tmp_path / "copy.pdf:Zone.Identifier").exists()
