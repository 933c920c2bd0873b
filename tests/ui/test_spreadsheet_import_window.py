"""File → Import tracker spreadsheet…: pick, map (proposed), preview, import; bad rows import nothing."""

from PySide6.QtWidgets import QFileDialog

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.common.workers import pending_tasks

CSV = ("Report,Date published,Rec No,Recommendation / AFI,Owner,Due date,Notes\n"
       "Custody thematic,01/02/2022,R1,The force should review custody <b>now</b>,Head of Custody,31/03/2023,x\n"
       "Custody thematic,01/02/2022,R2,The force should train staff,Head of Custody,31/03/2024,y\n")


def _open_dialog(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    window.menu_actions.import_sheet.trigger()
    qtbot.waitUntil(lambda: getattr(window, "spreadsheet_import_dialog", None) is not None, timeout=5000)
    return window.spreadsheet_import_dialog


def test_import_through_the_window(qtbot, office, bus, today_provider, tmp_path, monkeypatch, answer_message_boxes):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    path = tmp_path / "tracker.csv"
    path.write_text(CSV, encoding="utf-8")
    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    shown = answer_message_boxes()
    dialog = _open_dialog(qtbot, window, monkeypatch, path)
    assert [c.currentData() for c in dialog.combos] == [
        "inspection_title", "published", "finding_reference", "text", "owner", "target_date", ""]
    assert not dialog.import_button.isEnabled()
    dialog.preview_button.click()
    assert "1 new and 0 existing inspections; 2 new" in dialog.report.toPlainText()
    dialog.import_button.click()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and any(t == "Import finished" for t, _ in shown), timeout=5000)
    findings = office.inspections.find("Custody thematic").findings
    assert [f.text for f in findings] == ["The force should review custody <b>now</b>", "The force should train staff"]
    assert window.findings.model.total() == 2  # the list refreshed from the event bus
    window.close()


def test_unmapping_the_text_column_blocks_the_import(qtbot, office, bus, today_provider, tmp_path, monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    path = tmp_path / "tracker.csv"
    path.write_text(CSV, encoding="utf-8")
    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    dialog = _open_dialog(qtbot, window, monkeypatch, path)
    dialog.combos[3].setCurrentIndex(0)  # "(do not import)"
    dialog.preview_button.click()
    assert "no column is mapped to the finding text" in dialog.report.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.accept()
    assert office.db.execute("SELECT count(*) FROM findings").fetchone()[0] == 0
    window.close()


def test_sheets_can_be_unticked_and_key_sheets_are_said_to_be_skipped(qtbot, office, bus, today_provider, tmp_path,
                                                                     monkeypatch, answer_message_boxes):
    from tests.spreadsheets.real_shapes import open_closed_and_key_sheets

    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    path = open_closed_and_key_sheets(tmp_path / "tracker.xlsx")
    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    shown = answer_message_boxes()
    dialog = _open_dialog(qtbot, window, monkeypatch, path)
    assert [box.text().split(" (")[0] for box in dialog.sheet_boxes] == ["Sheet “Open”", "Sheet “Closed”"]
    dialog.sheet_boxes[1].setChecked(False)  # only the open findings
    dialog.preview_button.click()
    report = dialog.report.toPlainText()
    assert "Sheet “Key” not read: a key or lookup sheet" in report and "Sheet “Closed” not read: left out" in report
    dialog.grab().save(str(tmp_path / "sheets.png"))
    dialog.import_button.click()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and any(t == "Import finished" for t, _ in shown), timeout=5000)
    assert [f.reference for f in office.inspections.find("Custody 2023").findings] == ["A1"]
    window.close()
