"""The new letter settings travel in the JSON interchange file; files without them still import."""

import json

from opcc_desktop.services.interchange import export_document
from opcc_desktop.services.office import Office


def test_new_settings_are_exported_and_old_files_import_unchanged(tmp_path):
    office = Office.open(tmp_path / "a.sqlite3")
    old_file = tmp_path / "old.json"
    old_file.write_text(json.dumps({"format": "opcc-desktop", "version": 1,
                                    "settings": {"office_name": "Old Office"}, "inspections": []}))
    office.import_json(old_file)
    settings = export_document(office.db)["settings"]
    assert settings["office_name"] == "Old Office"
    assert settings["office_social"] == "" and settings["commissioner_short_title"] == "PCC"
    new_file = tmp_path / "new.json"
    new_file.write_text(json.dumps({"format": "opcc-desktop", "version": 1, "inspections": [],
                                    "settings": {"office_social": "Twitter: @PCC", "commissioner_short_title": "PFCC",
                                                 "response_heading": "Our own heading"}}))
    office.import_json(new_file)
    settings = export_document(office.db)["settings"]
    assert (settings["office_social"], settings["commissioner_short_title"], settings["response_heading"]) == (
        "Twitter: @PCC", "PFCC", "Our own heading")
    office.close()
