"""Edit → Search everything: typing finds records; Enter opens the inspection at the finding."""

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.main_window import EDITOR


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
    assert dialog.run_search() == [] and dialog.count_label.text().startswith("No matches for “<b>nothing")
    window.inspections._filter_timer.stop()
    window.close()


def test_search_finds_boards_meetings_minutes_and_actions_and_opens_the_meeting(qtbot, demo_office, bus,
                                                                               today_provider, tmp_path, monkeypatch):
    from opcc_desktop.ui.shell.main_window import BOARDS, MEETING

    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    board = next(b for b in demo_office.boards.boards()
                 if any(demo_office.boards.get_meeting(m.id).items for m in demo_office.boards.meetings(b.id))
                 and demo_office.boards.actions(b.id))
    meeting = next(m for m in demo_office.boards.meetings(board.id) if demo_office.boards.get_meeting(m.id).items)
    item = demo_office.boards.get_meeting(meeting.id).items[-1]
    word = max((item.notes or item.title).split(), key=len).strip(".,;:–()")
    dialog = window.search_everything()
    dialog.query_edit.setText(word)
    hits = dialog.run_search()
    kinds = {getattr(h, "kind", "") for h in hits}
    assert "agenda item" in kinds, (word, hits)
    row = next(n for n, h in enumerate(hits) if getattr(h, "kind", "") == "agenda item" and h.meeting_id == meeting.id)
    assert board.name in dialog.model.index(row, 0).data()
    assert "«" in dialog.model.index(row, 2).data()
    dialog.table.selectRow(row)
    dialog.open_selected()
    assert window.current_page() == MEETING and window.meeting_editor.current_id() == meeting.id

    action = demo_office.boards.actions(board.id)[0]
    dialog = window.search_everything()
    dialog.query_edit.setText(" ".join(action.description.split()[:2]).upper())  # any case, every word
    hits = dialog.run_search()
    assert any(getattr(h, "kind", "") == "action" and h.record_id == action.id for h in hits)

    dialog.query_edit.setText(board.name)
    hits = dialog.run_search()
    row = next(n for n, h in enumerate(hits) if getattr(h, "kind", "") == "board")
    dialog.table.selectRow(row)
    dialog.open_selected()
    assert window.current_page() == BOARDS and window.boards.selected_board_id() == board.id
    dialog.query_edit.setText("50%_off")  # LIKE wildcards are plain text
    assert [h for h in dialog.run_search() if hasattr(h, "board_name")] == []
    window.inspections._filter_timer.stop()
    window.meeting_editor.revert()
    window.close()


def test_pasted_nul_and_control_characters_search_and_a_failure_is_said_not_raised(qtbot, demo_office, bus,
                                                                                   today_provider, tmp_path,
                                                                                   monkeypatch):
    from opcc_desktop.ui.shell.search_dialog import SearchDialog

    dialog = SearchDialog(demo_office, lambda inspection, finding: None)
    qtbot.addWidget(dialog)
    dialog.query_edit.setText("custody\x00\x1b plans")
    assert dialog.run_search() == demo_office.search("custody plans")

    def broken(text):
        raise RuntimeError("the search index is damaged")

    monkeypatch.setattr(demo_office, "search", broken)
    dialog.query_edit.setText("anything")
    assert dialog.run_search() == [] and dialog.count_label.text() == "That search could not be run; try other words."
