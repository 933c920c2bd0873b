"""Done means: the 27 July 2005 committee item can be entered in the window, and the next meeting of the
same board picks up its open actions."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from opcc_desktop.domain.boards import PROGRESS_ITEM_TITLE, Board, Meeting
from opcc_desktop.ui.common.event_bus import EventBus
from opcc_desktop.ui.shell.main_window import BOARDS, MEETING, MainWindow

COMMITTEE = "Cumbria Police Authority Audit and Performance Committee"
RECOMMENDATIONS = (
    "That approval be given to:\na. Assess the scope for collaborative working with Lancashire "
    "Constabulary\nb. Apply the governance standards set out in Appendix 1."
)
SCOPING = [
    (
        "Initial scoping: Firearms Training (impact of DOCTRINE; request by ACC (Ops) Cumbria)",
        "C: Chief Supt John Taylor; L: Supt D Copely",
    ),
    (
        "Initial scoping: IT/IM (Police Service Efficiency Strategy; request by Director IT/IM Cumbria)",
        "C: Nathan Parry; L: S Fillingham",
    ),
    ("Initial scoping: Surveillance (request by ACC (Ops) Cumbria)", "C: Supt Jon Rush; L: DI J Middleham"),
]


def _window(qtbot, office, today_provider):
    window = MainWindow(office, EventBus(), today_provider)
    qtbot.addWidget(window)
    return window


def test_enter_the_2005_committee_item_and_carry_its_actions_forward(qtbot, office, today_provider):
    window = _window(qtbot, office, today_provider)
    window.show_page(BOARDS)
    page = window.boards
    page.ask_new_meeting = lambda dialog: True  # New meeting asks the date: today, as suggested
    page.new_board()
    page.name_edit.setText(COMMITTEE)
    page.kind_combo.setCurrentText("Police authority committee")
    page.members_edit.setPlainText("Chair of the Authority\nIndependent member")
    assert page.save_board() is not None
    assert [b.name for b in page.boards_model.rows] == [COMMITTEE]

    qtbot.mouseClick(page.new_meeting_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == MEETING
    editor = window.meeting_editor
    view = editor.view
    view.date_field.line_edit.setText("27/07/2005")
    view.first_number_spin.setValue(7)
    view.status_combo.setCurrentText("minutes approved")
    editor.add_item()
    form = view.item_form
    form.title_edit.setText("Collaboration project with Lancashire Constabulary")
    form.presenter_edit.setText("A report by the Chief Constable")
    form.purpose_combo.setCurrentText("for decision")
    form.notes_edit.setPlainText(
        "The report describes the external pressures for, and potential benefits of, "
        "collaborative working.\n\n" + RECOMMENDATIONS
    )
    form.resolution_edit.setPlainText("RESOLVED – that the recommendations be approved.")
    assert view.items_model.data(view.items_model.index(0, 0)) == "7"
    window.menu_actions.save.trigger()
    assert not editor.is_dirty()

    meeting_id = editor.current_id()
    for description, owner in SCOPING:

        def fill(dialog, description=description, owner=owner):
            dialog.description_edit.setPlainText(description)
            dialog.owner_edit.setText(owner)
            assert dialog.item_combo.currentText() == "7 Collaboration project with Lancashire Constabulary"
            return QDialog.DialogCode.Accepted

        editor.ask = fill
        view.new_action_button.click()
    log = view.actions_model.rows
    assert [(a.number, a.owner) for a in log] == [(n + 1, owner) for n, (_, owner) in enumerate(SCOPING)]
    assert all(a.source == "27/07/2005 item 7" for a in log)

    saved = office.boards.get_meeting(meeting_id)
    assert saved.held_on == date(2005, 7, 27) and saved.items[0].presenter == "A report by the Chief Constable"

    # The next meeting of the same board picks up the three open actions without retyping.
    view.back_button.click()
    assert window.current_page() == BOARDS
    qtbot.mouseClick(page.new_meeting_button, Qt.MouseButton.LeftButton)
    second = office.boards.get_meeting(editor.current_id())
    assert editor.current_id() != meeting_id
    assert [i.title for i in second.items] == [PROGRESS_ITEM_TITLE]
    assert [a.number for a in view.actions_model.rows] == [1, 2, 3]
    assert "Action 001 (open): Initial scoping: Firearms Training" in view.item_form.carried_label.text()
    assert len(page.meetings_model.rows) == 2


def test_discussed_at_opens_the_meeting_and_its_agenda_reorders(qtbot, demo_office, today_provider):
    window = _window(qtbot, demo_office, today_provider)
    inspection = demo_office.inspections.find("29536")
    window.open_inspection(inspection.id)
    panel = window.editor.discussed_at
    assert panel.model.rowCount() >= 1
    discussion = panel.model.rows[0]
    panel.table.activated.emit(panel.model.index(0, 0))
    assert window.current_page() == MEETING
    assert window.meeting_editor.current_id() == discussion.meeting_id

    editor = window.meeting_editor
    titles = [i.title for i in editor._items]
    assert len(titles) == 3
    editor.view.items_table.selectRow(1)
    editor.view.up_button.click()
    assert [i.title for i in editor._items] == [titles[1], titles[0], titles[2]]
    assert editor.view.items_model.index(0, 1).data() == titles[1]
    assert editor.view.items_model.index(0, 0).data() == "1"
    assert editor.is_dirty()
    window.menu_actions.save.trigger()
    reloaded = demo_office.boards.get_meeting(discussion.meeting_id)
    assert [i.title for i in reloaded.items] == [titles[1], titles[0], titles[2]]
    assert [d.item_number for d in demo_office.boards.where_discussed(inspection_id=inspection.id)] == [1, 1]
    assert [d.item_number for d in panel.model.rows] == [1, 1]


def test_discussed_at_shows_board_closure_approvals(qtbot, demo_office, today_provider):
    window = _window(qtbot, demo_office, today_provider)
    custody = demo_office.inspections.find("DEMO-003")
    window.open_inspection(custody.id)
    text = window.editor.discussed_at.approvals_label.text()
    assert text.startswith("Finding D-05: Closure approved by Joint Audit and Scrutiny Panel (12/11/2026, item 1")
    assert "Evidence of implementation seen by the panel" in text


def test_an_action_can_be_born_from_a_linked_finding(qtbot, demo_office, today_provider):
    window = _window(qtbot, demo_office, today_provider)
    conference = demo_office.boards.find_board("Public Accountability Conference")
    first = demo_office.boards.meetings(conference.id)[-1]
    window.open_meeting(first.id)
    editor = window.meeting_editor

    def fill(dialog):
        dialog.description_edit.setPlainText("Brief the panel on analyst recruitment")
        labels = [dialog.finding_combo.itemText(n) for n in range(dialog.finding_combo.count())]
        assert any(label.startswith("29536 / 29550:") for label in labels)
        dialog.finding_combo.setCurrentIndex(
            next(n for n, label in enumerate(labels) if label.startswith("29536 / 29551"))
        )
        return QDialog.DialogCode.Accepted

    editor.ask = fill
    editor.view.new_action_button.click()
    newest = max(demo_office.boards.actions(conference.id), key=lambda a: a.number)
    finding = demo_office.inspections.find("29536").findings[1]
    assert newest.description == "Brief the panel on analyst recruitment" and newest.finding_id == finding.id
    assert newest.number == 2


def test_a_bad_item_is_named_and_nothing_is_saved(qtbot, office, today_provider):
    window = _window(qtbot, office, today_provider)
    board_id, _ = office.boards.save_board(Board(name="Panel"))
    meeting_id, _ = office.boards.create_meeting(Meeting(board_id=board_id, held_on=date(2024, 1, 1)))
    window.open_meeting(meeting_id)
    editor = window.meeting_editor
    editor.add_item()
    editor.view.item_form.title_edit.setText("Minutes of the last meeting")  # a new item starts untitled
    editor.add_item()
    editor.view.item_form.title_edit.setText("Estates strategy")
    editor.view.item_form.exempt_check.setChecked(True)
    assert not editor.save()
    assert editor.view.error_label.text() == (
        "Not saved. Item 2: exempt ground is required for an exempt item (the ground for excluding the public)"
    )
    assert editor.view.tabs.currentIndex() == 1 and editor.selected_row() == 1
    assert office.boards.get_meeting(meeting_id).items == ()
    editor.revert()
    assert not editor.is_dirty()


def test_board_menu_saves_agenda_and_minutes_pdfs(qtbot, demo_office, today_provider, tmp_path, monkeypatch):
    from pypdf import PdfReader

    window = _window(qtbot, demo_office, today_provider)
    committee = demo_office.boards.find_board("Cumbria Police Authority Audit and Performance Committee")
    window.open_meeting(demo_office.boards.meetings(committee.id)[0].id)
    for kind, action in (("agenda", window.menu_actions.agenda_pdf), ("minutes", window.menu_actions.minutes_pdf)):
        target = tmp_path / kind
        monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        assert action.isEnabled()
        action.trigger()
        text = PdfReader(str(tmp_path / f"{kind}.pdf")).pages[0].extract_text()
        assert "Collaboration project with Lancashire Constabulary" in text
        assert ("Action log" in text) == (kind == "minutes")
