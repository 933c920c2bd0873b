"""The s.55 checklist in the inspection editor: saved through the office, blocked with names, literal."""

from datetime import timedelta

from opcc_desktop.ui.shell.application import build_main_window

from .conftest import TODAY


def test_checklist_saves_and_blocks_ready_to_publish(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    demo3 = demo_office.inspections.find("DEMO-003")
    window.open_inspection(demo3.id)
    panel = window.editor.s55_checklist
    assert panel.isEnabled() and panel.reason_edit.text().startswith("Joint unannounced")

    panel.dates["ready_to_publish_on"].set_value(TODAY)
    panel._edited()
    assert not panel.save()
    assert "no response yet to recommendation" in panel.error_label.message()
    assert demo_office.s55_workflow.get(demo3.id).ready_to_publish_on is None

    panel.dates["ready_to_publish_on"].set_value(None)
    panel.dates["copy_hmicfrs_on"].set_value(TODAY + timedelta(days=1))
    panel.url_edit.setText("https://example.org/<b>response</b>")
    assert panel.save()
    saved = demo_office.s55_workflow.get(demo3.id)
    assert saved.copy_hmicfrs_on == TODAY + timedelta(days=1)
    assert saved.response_url == "https://example.org/<b>response</b>"
    assert panel.status_label.text() == "Checklist saved"

    window.new_inspection()
    assert not window.editor.s55_checklist.isEnabled()
    window.inspections._filter_timer.stop()
    window.close()


def test_a_checklist_changed_elsewhere_is_not_silently_overwritten(qtbot, demo_office, bus, today_provider, tmp_path,
                                                                   monkeypatch, answer_message_boxes):
    from dataclasses import replace

    from PySide6.QtWidgets import QMessageBox

    from opcc_desktop.services.office import Office

    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    demo3 = demo_office.inspections.find("DEMO-003")
    window.open_inspection(demo3.id)
    panel = window.editor.s55_checklist
    other = Office.open(demo_office.path)  # another window or command
    other.s55_workflow.save(demo3.id, replace(other.s55_workflow.get(demo3.id), response_url="https://elsewhere"))
    other.close()
    panel.url_edit.setText("https://mine")
    panel._edited()
    shown = answer_message_boxes(QMessageBox.StandardButton.No)  # show the saved one
    assert not panel.save()
    assert "changed elsewhere" in shown[-1][1] and panel.url_edit.text() == "https://elsewhere"
    assert demo_office.s55_workflow.get(demo3.id).response_url == "https://elsewhere"
    panel.url_edit.setText("https://mine")
    panel._edited()
    assert panel.save()  # loaded afresh: no conflict now
    assert demo_office.s55_workflow.get(demo3.id).response_url == "https://mine"
