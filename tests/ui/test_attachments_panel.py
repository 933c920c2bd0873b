"""The Evidence panel in the inspection editor: attach (file dialog), list, open with the system viewer."""

from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog

from opcc_desktop.ui.common.event_bus import EventBus
from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor


def test_attach_list_and_open(qtbot, demo_office, today_provider, tmp_path, monkeypatch):
    editor = InspectionEditor(demo_office, EventBus(), today_provider)
    qtbot.addWidget(editor)
    panel = editor.evidence
    assert not panel.attach_button.isEnabled()  # a new, unsaved inspection
    inspection = demo_office.inspections.find("29536")
    editor.load(inspection.id)
    assert panel.attach_button.isEnabled()
    source = tmp_path / "<b>Minutes & notes ŵ.docx"
    source.write_bytes(b"PK\x03\x04 not really a docx")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(source)], "")))
    editor.view.findings_panel.select_row(1)
    panel.to_finding_check.setChecked(True)
    assert panel.attach_files() == 1
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 0).data() == "<b>Minutes & notes ŵ.docx"  # shown literally
    assert panel.model.index(0, 1).data() == f"finding {inspection.findings[1].reference}"
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    panel.table.selectRow(0)
    assert panel.open_selected()
    assert opened and opened[0].endswith(".docx") and "attachments" in opened[0]


def test_an_attached_program_or_macro_document_asks_before_opening(qtbot, demo_office, today_provider, tmp_path,
                                                                   monkeypatch, answer_message_boxes):
    from PySide6.QtWidgets import QMessageBox

    editor = InspectionEditor(demo_office, EventBus(), today_provider)
    qtbot.addWidget(editor)
    source = tmp_path / "Invoice.pdf.exe"
    source.write_bytes(b"MZ not really a program")
    demo_office.attachments.attach(source, demo_office.inspections.find("29536").id)
    editor.load(demo_office.inspections.find("29536").id)
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True))
    panel = editor.evidence
    panel.table.selectRow(0)
    shown = answer_message_boxes(QMessageBox.StandardButton.No)
    assert panel.open_selected() is False and opened == []
    assert "Invoice.pdf.exe runs a program" in shown[-1][1]
    answer_message_boxes(QMessageBox.StandardButton.Yes)
    assert panel.open_selected() and opened
