"""The Findings page: filters in the window, remembered, and opening the inspection at the finding."""

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.main_window import EDITOR, FINDINGS


def test_findings_page_filters_opens_and_remembers(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch,
                                                   answer_message_boxes):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show_page(FINDINGS)
    page = window.findings
    assert page.count_label.text() == "10 findings"
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("area for improvement"))
    page.text_edit.setText("4P")
    page.apply_filters()
    assert page.count_label.text() == "Searching…"  # words are searched for on a worker
    qtbot.waitUntil(lambda: page.count_label.text() == "1 finding")
    page.table.selectRow(0)
    page.open_selected()
    assert window.current_page() == EDITOR
    panel = window.editor.view.findings_panel
    assert panel.findings()[panel.selected_row()].reference == "29551"

    answer_message_boxes()
    saved = page.export(tmp_path / "filtered.csv")
    assert saved.read_text(encoding="utf-8-sig").count("\n") == 2  # header + the one filtered finding

    window.close()
    again = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(again)
    assert again.findings.text_edit.text() == "4P"
    qtbot.waitUntil(lambda: again.findings.count_label.text() == "1 finding")
    again.close()
