"""The main window shell, on a real demo database with today fixed at 22/11/2026."""

import sys
import threading

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from opcc_desktop import paths
from opcc_desktop.domain.models import Inspection
from opcc_desktop.ui.shell.application import build_main_window, run_gui
from opcc_desktop.ui.shell.main_window import DASHBOARD, EDITOR, INSPECTIONS
from opcc_desktop.ui.office.settings_dialog import SettingsDialog
from opcc_desktop.ui.common.workers import run_in_background

from .conftest import TODAY


@pytest.fixture
def window(qtbot, demo_office, bus, today_provider):
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    # Delete the window before its office closes, so no pending timer (e.g. the filter's) fires later
    # against a closed database while another test processes events.
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _row_with(model, column, text):
    return next(r for r in range(model.rowCount()) if model.index(r, column).data() == text)


def test_opens_on_dashboard_showing_the_overdue_demo_003(window):
    assert window.current_page() == DASHBOARD
    assert window.windowTitle() == "DEMONSTRATION — Dashboard[*] — OPCC Desktop"  # the demonstration office's own file
    assert window.windowTitle().count("OPCC Desktop") == 1  # Qt adds the display name only when missing
    page = window.dashboard
    assert page.heading.text() == "Dashboard – Sunday 22/11/2026"
    row = _row_with(page.model, 1, "DEMO-003")
    assert row == 0  # soonest last day first
    assert page.model.index(row, 4).data() == "5 days overdue"
    assert page.model.index(row, 1).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert (page.overdue_figure.number.text(), page.soon_figure.number.text(), page.open_figure.number.text()) == \
        ("1", "1", "3")
    assert window.overdue_label.text() == "1 overdue s.55 response"
    assert str(window.office.path) in window.path_label.text()


def test_ctrl_f_switches_to_inspections_and_focuses_the_filter(window, qtbot):
    window.inspections.filter_edit.setText("previous")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() == INSPECTIONS
    qtbot.waitUntil(window.inspections.filter_edit.hasFocus)
    assert window.inspections.filter_edit.selectedText() == "previous"


def test_typing_a_filter_narrows_the_list_and_finds_by_reference(window, qtbot):
    page = window.inspections
    window.find_in_page()
    assert page.count_label.text() == "5 inspections"
    qtbot.keyClicks(page.filter_edit, "29536")
    qtbot.waitUntil(lambda: page.model.total() == 1, timeout=2000)  # after the 250 ms pause
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data().startswith("An inspection of the north-west regional response")
    assert page.count_label.text() == "1 inspection"
    page.filter_edit.clear()
    page.apply_filter_now()
    assert page.model.total() == 5


def test_opening_asks_the_editor_first_and_enables_letter_actions(window, qtbot, monkeypatch):
    demo_003 = window.office.inspections.find("DEMO-003").id
    assert not window.menu_actions.save.isEnabled() and not window.menu_actions.print.isEnabled()
    monkeypatch.setattr(window.editor, "can_close", lambda: False)
    window.dashboard.table.setCurrentIndex(window.dashboard.model.index(0, 0))
    qtbot.keyClick(window.dashboard.table, Qt.Key.Key_Return)
    assert window.current_page() == DASHBOARD and window.editor.current_id() != demo_003

    monkeypatch.setattr(window.editor, "can_close", lambda: True)
    qtbot.keyClick(window.dashboard.table, Qt.Key.Key_Return)
    assert window.current_page() == EDITOR and window.editor.current_id() == demo_003
    assert window.menu_actions.save.isEnabled()
    assert all(a.isEnabled() for a in (window.menu_actions.preview, window.menu_actions.print, window.menu_actions.save_pdf))
    assert window.nav_model.index(EDITOR).data() != "New inspection"

    window.new_inspection()
    assert window.editor.current_id() is None and not window.menu_actions.print.isEnabled()
    window.show_page(DASHBOARD)
    assert not window.menu_actions.save.isEnabled()


def test_close_is_refused_while_the_editor_says_no(window, monkeypatch):
    monkeypatch.setattr(window.editor, "can_close", lambda: False)
    assert window.close() is False and window.isVisible()
    monkeypatch.setattr(window.editor, "can_close", lambda: True)
    assert window.close() is True


def test_window_state_is_saved_and_restored(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    first = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 540)  # the offscreen screen is 800 x 600
    size = (first.width(), first.height())
    first.inspections.filter_edit.setText("custody")
    first.inspections.table.setColumnWidth(0, 133)
    first.inspections.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert first.close()
    assert paths.ui_state_file().exists()

    second = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size != (1200, 760)
    assert second.inspections.filter_edit.text() == "custody"
    assert second.inspections.model.total() == 1
    assert second.inspections.table.columnWidth(0) == 133
    assert second.inspections.model.summary_query.sort == "title"
    for shown in (first, second):  # pending filters must not fire in a later test, after this file is closed
        shown.inspections._filter_timer.stop()


def test_delete_confirms_with_the_literal_title(window, qtbot, answer_message_boxes):
    title = "Vetting & counter-corruption <2024>"
    new_id, changes = window.office.inspections.save(Inspection(title, "Other", TODAY))
    window.bus.publish(changes)
    page = window.inspections
    window.show_page(INSPECTIONS)
    assert page.model.index(page.model.row_of(new_id), 1).data() == title
    assert page.select_id(new_id)

    shown = answer_message_boxes(QMessageBox.StandardButton.No)
    page.delete_selected()
    assert title in shown[-1][1] and page.model.row_of(new_id) >= 0

    window.open_inspection(new_id)
    assert title in window.nav_model.index(EDITOR).data()
    assert title in window.windowTitle()
    window.show_page(INSPECTIONS)
    page.select_id(new_id)
    answer_message_boxes(QMessageBox.StandardButton.Yes)
    page.delete_selected()
    assert page.model.row_of(new_id) == -1 and page.count_label.text() == "5 inspections"
    assert window.editor.current_id() is None


def test_import_errors_are_shown_and_nothing_is_written(qtbot, window, tmp_path, monkeypatch, answer_message_boxes):
    from opcc_desktop.ui.common.workers import pending_tasks

    def finished():  # import and export run on a worker thread behind a progress dialog
        qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20000)

    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "opcc-desktop", "version": 1, "inspections": [{"title": "<x>"}]}', encoding="utf-8")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    window.menu_actions.import_json.trigger()
    finished()
    assert shown[-1][0] == "Nothing was imported" and "published" in shown[-1][1]
    assert window.office.inspections.count() == 5

    exported = tmp_path / "out"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(exported), ""))
    window.menu_actions.export_json.trigger()
    finished()
    assert shown[-1][0] == "Export finished" and (tmp_path / "out.json").exists()
    exported = tmp_path / "out.json"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(exported), ""))
    window.menu_actions.import_json.trigger()
    finished()
    assert shown[-1] == ("Import finished", ("Imported 5 inspections (0 new, 5 replaced) with 10 findings."
                                            " Imported 5 boards with their meetings and actions."))


def test_settings_dialog_saves_through_the_office(qtbot, office, bus):
    dialog = SettingsDialog(office, bus)
    qtbot.addWidget(dialog)
    dialog.fields["office_name"].setText("OPCC for Kent <test>")
    dialog.fields["date_style"].setCurrentIndex(dialog.fields["date_style"].findData("plain"))
    dialog.lookup_edits["inspection_type"].setPlainText("PEEL force inspection\n\nMy own type\nMy own type")
    with qtbot.waitSignal(bus.changed) as published:
        assert dialog.save()
    assert published.args[0].settings and published.args[0].lookups
    assert office.settings.all()["office_name"] == "OPCC for Kent <test>"
    assert office.settings.all()["date_style"] == "plain"
    assert office.settings.lookup("inspection_type") == ["PEEL force inspection", "My own type"]

    dialog.lookup_edits["finding_status"].setPlainText("  \n")
    assert not dialog.save()
    assert dialog.errors["finding_status"].text() == "Needs at least one value"
    assert office.settings.lookup("finding_status")  # unchanged


def test_run_in_background_delivers_on_the_gui_thread(qtbot):
    results = []
    run_in_background(lambda: threading.current_thread() is threading.main_thread(),
                      lambda worker_on_main: results.append((worker_on_main, threading.current_thread())))
    run_in_background(lambda: 1 / 0, results.append, lambda error: results.append(type(error)))
    qtbot.waitUntil(lambda: len(results) == 2)
    assert (False, threading.main_thread()) in results and ZeroDivisionError in results


def test_run_gui_reports_an_unusable_database_plainly(qapp, tmp_path, monkeypatch, answer_message_boxes):
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    bad = tmp_path / "not-a-database.sqlite3"
    bad.write_bytes(b"this is not SQLite" * 100)
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    assert run_gui(bad) == 1
    assert shown and shown[0][0] == "OPCC Desktop cannot open its database" and str(bad) in shown[0][1]
    assert QApplication.applicationName() == "OPCC Desktop"


def test_unhandled_exceptions_are_logged_and_shown_not_fatal(qapp, monkeypatch, tmp_path):
    from opcc_desktop.ui.common.excepthook import install_excepthook

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.text(), box.informativeText(), box.detailedText(), box.textFormat())) or QMessageBox.StandardButton.Ok)
    install_excepthook(tmp_path / "opcc-desktop.log")
    try:
        raise ValueError("boom <b>")
    except ValueError as error:
        sys.excepthook(ValueError, error, error.__traceback__)
    text, informative, detail, text_format = shown[0]
    assert "ValueError: boom <b>" in text and text_format == Qt.TextFormat.PlainText
    assert "OPCC Desktop 0." in informative and "Operating system:" in informative
    assert str(tmp_path / "opcc-desktop.log") in informative and "Traceback" in detail
