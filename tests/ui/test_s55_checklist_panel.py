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
