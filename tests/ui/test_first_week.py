"""An officer's first week (issue 19): the surprises a new business officer met, each as they expect now."""

from datetime import datetime

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from opcc_desktop.domain.boards import Board, Meeting
from opcc_desktop.domain.letter_records import HOME_SECRETARY
from opcc_desktop.services.demo_letters import DEMO_PASSPHRASE
from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.common.date_field import DateField
from opcc_desktop.ui.findings.status_change_dialog import StatusChangeDialog
from opcc_desktop.ui.letters.letter_signoff import SignOffDialog

from .conftest import TODAY


def _finding_id(office, reference):
    return next(r.id for r in office.findings.rows() if r.reference == reference)


def test_enter_in_change_status_writes_nothing_and_an_empty_narrative_is_refused(qtbot, demo_office, today_provider):
    fid = _finding_id(demo_office, "29551")
    before = len(demo_office.tracker.history(fid))
    written = []
    dialog = StatusChangeDialog(demo_office, fid, today_provider, written.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.status_combo.setEditText("In progress")
    dialog.author_edit.setFocus()
    qtbot.keyClick(dialog.author_edit, Qt.Key.Key_Return)  # the stray Enter
    assert dialog.isVisible() and not written
    assert len(demo_office.tracker.history(fid)) == before
    dialog.accept()  # even "Record change" wants a narrative: the line is permanent
    assert "Narrative is required" in dialog.errors["narrative"].text() and not written
    dialog.narrative_edit.setPlainText("Action plan seen at the quarterly meeting")
    dialog.accept()
    assert written and len(demo_office.tracker.history(fid)) == before + 1


def test_a_new_agenda_item_has_a_placeholder_not_text(qtbot, office, today_provider, bus):
    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    board_id, _ = office.boards.save_board(Board(name="Panel"))
    meeting_id, _ = office.boards.create_meeting(Meeting(board_id=board_id, held_on=TODAY))
    window.open_meeting(meeting_id)
    editor = window.meeting_editor
    editor.add_item()
    title = editor.view.item_form.title_edit
    assert title.text() == "" and title.placeholderText()
    qtbot.keyClicks(title, "HMICFRS PEEL report")
    assert title.text() == "HMICFRS PEEL report"
    editor.revert()
    window.close()


def test_two_digit_years_are_accepted_in_every_date_field_and_tidied(qtbot):
    field = DateField()
    qtbot.addWidget(field)
    field.line_edit.setText("1/2/24")
    assert field.problem() == "" and field.value() is not None and field.value().isoformat() == "2024-02-01"
    field.line_edit.editingFinished.emit()
    assert field.text() == "01/02/2024"


def test_the_window_title_names_the_program_once(qtbot, demo_office, today_provider, bus):
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    assert window.windowTitle() == "DEMONSTRATION — Dashboard[*] — OPCC Desktop"  # the demonstration office
    from opcc_desktop.ui.shell.application import APP_NAME

    assert window.windowTitle().endswith(APP_NAME)  # the display name the app sets: Qt adds no second copy
    assert window.windowTitle().count(APP_NAME) == 1
    window.close()


def test_a_wrong_passphrase_message_is_shown_whole(qtbot, demo_office):
    inspection_id = demo_office.inspections.find("29536").id
    signer = demo_office.signatories.list()[0]
    dialog = SignOffDialog(demo_office, "Letter to the Home Secretary",
                           lambda sid, pw, reason: demo_office.letter_desk.approve(
                               inspection_id, HOME_SECRETARY, TODAY, None, sid, pw, anyway_reason=reason),
                           lambda sid: demo_office.letter_desk.readiness(inspection_id, HOME_SECRETARY, TODAY,
                                                                         today=TODAY, signatory_id=sid))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.signatory_combo.setCurrentIndex(dialog.signatory_combo.findData(signer.id))
    dialog.passphrase_edit.setText("not the passphrase")
    dialog.accept()
    QApplication.processEvents()
    label = dialog.error_label
    assert label.isVisible() and label.text()
    assert label.height() >= label.heightForWidth(label.width())  # every line of the message shows
    assert dialog.height() >= dialog.sizeHint().height()
    assert DEMO_PASSPHRASE  # (the right one exists: the message is about this attempt only)


def test_issuing_speaks_plain_words_not_hashes(qtbot, demo_office, bus, today_provider, answer_message_boxes):
    from opcc_desktop.ui.letters.letter_editor import LetterEditorDialog

    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    inspection_id = demo_office.inspections.find("29536").id
    editor = LetterEditorDialog(demo_office, bus, inspection_id, today_provider, lambda: datetime(2026, 11, 22, 10))
    qtbot.addWidget(editor)
    signer = demo_office.signatories.list()[0]
    approval = demo_office.letter_desk.approve(inspection_id, HOME_SECRETARY, TODAY, None, signer.id, DEMO_PASSPHRASE,
                                               anyway_reason="Demonstration")
    editor.issue(approval)
    qtbot.waitUntil(lambda: editor.archive_panel.model.rowCount() == 1, timeout=15000)
    record = demo_office.letter_desk.archived(inspection_id)[0]
    assert "tamper-evident copy is kept in the archive" in shown[-1][1]
    assert record.sha256 not in shown[-1][1] and "SHA" not in shown[-1][1]
    headers = [editor.archive_panel.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(editor.archive_panel.model.columnCount())]
    assert not any("SHA" in h for h in headers)
    editor.archive_panel.table.selectRow(0)
    assert editor.archive_panel.verify_selected() is True
    assert "exactly as issued" in shown[-1][1] and record.sha256 not in shown[-1][1]
    texts = [w.text() for w in editor.findChildren(QLabel)]
    assert not any(record.sha256 in t for t in texts)
    editor.timer.stop()
    qtbot.waitUntil(lambda: not editor.busy, timeout=15000)
    editor.reject()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_a_new_meeting_asks_its_date_warns_about_a_second_that_day_and_fills_attendance(qtbot, office, today_provider,
                                                                                       bus):
    from datetime import date

    from opcc_desktop.ui.shell.main_window import BOARDS, MEETING

    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    board_id, _ = office.boards.save_board(Board(name="Joint Audit Committee",
                                                 members=("Jane Smith; Chair", "Ravi Patel")))
    office.boards.create_meeting(Meeting(board_id=board_id, held_on=date(2026, 12, 3)))
    window.show_page(BOARDS)
    page = window.boards
    page.refresh()
    page.select_board(board_id)
    asked = []

    def answer(dialog):
        asked.append(dialog)
        assert dialog.date_field.value() == TODAY and not dialog.warning_label.text()
        assert "Jane Smith, Ravi Patel" in dialog.attendance_label.text()
        dialog.date_field.line_edit.setText("3/12/26")  # the day the board already meets
        assert "already has a meeting on 03/12/2026" in dialog.warning_label.text()
        return True

    page.ask_new_meeting = answer
    meeting_id = page.new_meeting()
    assert asked and window.current_page() == MEETING
    meeting = office.boards.get_meeting(meeting_id)
    assert meeting.held_on == date(2026, 12, 3)
    assert [(a.name, a.role, a.present) for a in meeting.attendees] == [("Jane Smith", "Chair", True),
                                                                         ("Ravi Patel", "", True)]
    page.ask_new_meeting = lambda dialog: False  # cancelled: nothing is created
    before = len(office.boards.meetings(board_id))
    window.show_page(BOARDS)
    assert page.new_meeting() is None and len(office.boards.meetings(board_id)) == before
    window.close()


def test_the_s55_checklist_is_saved_by_the_inspections_save(qtbot, demo_office, bus, today_provider, tmp_path,
                                                            monkeypatch):
    from datetime import timedelta

    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    demo3 = demo_office.inspections.find("DEMO-003")
    window.open_inspection(demo3.id)
    editor = window.editor
    panel = editor.s55_checklist
    assert panel.save_button.isHidden() and not editor.is_dirty()
    panel.dates["copy_hmicfrs_on"].line_edit.setText("23/11/26")  # typed
    assert editor.is_dirty() and editor.view.save_button.isEnabled()
    window.menu_actions.save.trigger()  # the page's one Save
    assert demo_office.s55_workflow.get(demo3.id).copy_hmicfrs_on == TODAY + timedelta(days=1)
    assert not editor.is_dirty() and not panel.is_dirty()

    panel.dates["ready_to_publish_on"].set_value(TODAY)  # blocked: recommendations without a response
    assert editor.is_dirty()
    assert not editor.save()
    assert "no response yet to recommendation" in panel.error_label.message()
    assert demo_office.s55_workflow.get(demo3.id).ready_to_publish_on is None and editor.is_dirty()
    editor.revert()
    assert not editor.is_dirty() and panel.dates["ready_to_publish_on"].value() is None
    window.inspections._filter_timer.stop()
    window.close()


def test_the_sidebars_new_inspection_stays_itself(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch):
    from PySide6.QtCore import QItemSelectionModel

    from opcc_desktop.ui.shell.main_window import EDITOR, NEW_INSPECTION_LABEL, NEW_INSPECTION_ROW

    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    demo3 = demo_office.inspections.find("DEMO-003")
    window.open_inspection(demo3.id)
    labels = window.nav_model.stringList()
    assert demo3.title in labels[EDITOR] and labels[NEW_INSPECTION_ROW] == NEW_INSPECTION_LABEL
    window.nav.selectionModel().setCurrentIndex(window.nav_model.index(NEW_INSPECTION_ROW),
                                                QItemSelectionModel.SelectionFlag.ClearAndSelect)
    qtbot.waitUntil(lambda: window.editor.current_id() is None)
    assert window.current_page() == EDITOR and window.nav.currentIndex().row() == EDITOR
    assert window.nav_model.stringList()[NEW_INSPECTION_ROW] == NEW_INSPECTION_LABEL  # still itself
    assert window.nav_model.stringList()[EDITOR] == "Inspection (new)"
    window.inspections._filter_timer.stop()
    window.close()


def test_file_dialogs_start_in_documents_then_the_last_folder_with_office_names(qtbot, demo_office, bus,
                                                                             today_provider, tmp_path, monkeypatch):
    from datetime import date
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QWidget

    from opcc_desktop.domain.file_names import document_file_name, letter_file_name
    from opcc_desktop.ui.common.pdf_output import ask_pdf_path

    assert letter_file_name("31027", "PEEL", HOME_SECRETARY, date(2024, 2, 20)) == \
        "31027 Home Secretary letter 2024-02-20.pdf"
    assert letter_file_name("", "Custody: a/b <review>?", "published_response", date(2024, 2, 20)) == \
        "Custody a b review published response 2024-02-20.pdf"
    assert document_file_name("Joint Audit Committee", "agenda", date(2024, 3, 1), ".pdf") == \
        "Joint Audit Committee agenda 2024-03-01.pdf"

    offered = []
    chosen = tmp_path / "Letters" / "mine.pdf"
    chosen.parent.mkdir()

    def fake(parent, caption, suggested, file_filter):
        offered.append(suggested)
        return str(chosen), file_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    parent = QWidget()
    qtbot.addWidget(parent)
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    assert ask_pdf_path(parent, "31027 Home Secretary letter 2024-02-20.pdf") == chosen
    assert Path(offered[0]) == Path(documents) / "31027 Home Secretary letter 2024-02-20.pdf"
    assert Path.cwd() != Path(offered[0]).parent or Path.cwd() == Path(documents)
    ask_pdf_path(parent, "next.pdf")  # then the last folder used, remembered between runs
    assert Path(offered[1]) == chosen.parent / "next.pdf"

    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.open_inspection(demo_office.inspections.find("29536").id)
    from opcc_desktop.ui.letters.letter_editor import LetterEditorDialog

    editor = LetterEditorDialog(demo_office, bus, window.editor.current_id(), today_provider)
    qtbot.addWidget(editor)
    assert editor.default_name(".pdf") == "29536 Home Secretary letter 2026-11-22.pdf"
    assert "inspection-" not in window.editor.letters.file_name(window.editor.current_id())
    editor.timer.stop()  # no preview after this test's office is closed
    qtbot.waitUntil(lambda: not editor.busy)
    editor.reject()
    window.inspections._filter_timer.stop()
    window.close()


def test_on_a_narrow_window_short_columns_shrink_first_and_dates_keep_their_width(qtbot, demo_office, bus,
                                                                                  today_provider, tmp_path,
                                                                                  monkeypatch):
    from opcc_desktop.ui.common.column_fit import widest_first_cap
    from opcc_desktop.ui.shell.main_window import FINDINGS, INSPECTIONS
    from opcc_desktop.ui.findings.findings_page import TEXT_COLUMN

    assert widest_first_cap([100, 100, 400], 400) == 200  # the widest gives way, the narrow keep theirs
    assert widest_first_cap([100, 100, 100], 1000) == 100

    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show()
    window.resize(819, 540)  # a 1024×768 screen at 125%
    window.show_page(FINDINGS)
    page = window.findings
    qtbot.waitUntil(lambda: not page.model.is_loading() and page.model.rowCount() > 0)
    table = page.table

    def text_share() -> float:
        return table.columnWidth(TEXT_COLUMN) / table.viewport().width()

    qtbot.waitUntil(lambda: text_share() >= 0.39)  # the finding's text keeps its share (not "By …")
    widths = [table.columnWidth(c) for c in range(page.model.columnCount())]
    assert sum(widths) <= table.viewport().width() + 2  # no sideways scrolling
    target = table.columnWidth(6)
    assert target >= table.fontMetrics().horizontalAdvance("31/03/2021")  # the date is shown whole
    window.resize(1400, 740)
    qtbot.waitUntil(lambda: table.columnWidth(2) > widths[2])  # room again: Kind gets its width back
    window.show_page(INSPECTIONS)
    inspections = window.inspections.table
    qtbot.waitUntil(lambda: inspections.columnWidth(1) >= 0.39 * inspections.viewport().width())
    window.inspections._filter_timer.stop()
    window.close()
