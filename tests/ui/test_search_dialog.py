"""Edit → Search everything: typing finds records; Enter opens the inspection at the finding."""

from opcc_desktop.ui.application import build_main_window
from opcc_desktop.ui.main_window import EDITOR


def test_search_opens_the_inspection_with_the_finding_selected(qtbot, demo_office, bus, today_provider, tmp_path,
                                                               monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    dialog = window.search_everything()
    dialog.query_edit.setText('4P "plans')
    hits = dialog.run_search()
    assert hits and dialog.count_label.text().startswith(f"{len(hits)} match")
    assert "29551" in dialog.model.index(0, 0).data()
    dialog.open_selected()
    assert window.current_page() == EDITOR
    panel = window.editor.view.findings_panel
    assert panel.findings()[panel.selected_row()].reference == "29551"
    dialog.query_edit.setText("<b>nothing like this</b>")
    assert dialog.run_search() == [] and dialog.count_label.text() == "0 matches"
    window.inspections._filter_timer.stop()
    window.close()


def test_pasted_nul_and_control_characters_search_and_a_failure_is_said_not_raised(qtbot, demo_office, bus,
                                                                                   today_provider, tmp_path,
                                                                                   monkeypatch):
    from opcc_desktop.ui.search_dialog import SearchDialog

    dialog = SearchDialog(demo_office, lambda inspection, finding: None)
    qtbot.addWidget(dialog)
    dialog.query_edit.setText("custody\x00\x1b plans")
    assert dialog.run_search() == demo_office.search("custody plans")

    def broken(text):
        raise RuntimeError("the search index is damaged")

    monkeypatch.setattr(demo_office, "search", broken)
    dialog.query_edit.setText("anything")
    assert dialog.run_search() == [] and dialog.count_label.text() == "That search could not be run; try other words."
