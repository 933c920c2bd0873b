"""The Reminders page in the real window: grouped by urgency, opens records, acknowledge/snooze, .ics."""

import pytest
from icalendar import Calendar
from PySide6.QtCore import QEvent
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QApplication, QMessageBox

from opcc_desktop.domain.reminders import Urgency
from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.main_window import EDITOR, MEETING, REMINDERS

from .conftest import TODAY


def wait_for_reminders(qtbot, page):
    """The page reads its deadlines on a worker: wait until the last request has answered."""
    qtbot.waitUntil(lambda: not page.is_loading())


@pytest.fixture
def window(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show_page(REMINDERS)
    wait_for_reminders(qtbot, window.reminders)
    yield window
    window.inspections._filter_timer.stop()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_reminders_are_grouped_most_urgent_first_and_open_their_record(window, demo_office, qtbot):
    page = window.reminders
    rows = page.model.rows
    assert rows and [r.urgency for r in rows] == sorted(r.urgency for r in rows)
    assert rows[0].urgency is Urgency.OVERDUE
    assert "overdue" in page.summary_label.text()
    demo2 = demo_office.inspections.find("DEMO-002")
    assert page.select_key(f"s55:{demo2.id}")
    page.open_selected()
    assert window.current_page() == EDITOR and window.editor.current_id() == demo2.id
    window.show_page(REMINDERS)
    wait_for_reminders(qtbot, page)
    action = next(r for r in page.model.rows if r.thing.kind == "action")
    page.select_key(action.thing.key)
    page.open_selected()
    assert window.current_page() == MEETING


def test_acknowledge_snooze_and_restore(window, qtbot, answer_message_boxes):
    answer_message_boxes(QMessageBox.StandardButton.Yes)  # "hide an overdue statutory deadline?"
    page = window.reminders
    first = page.model.rows[0].thing.key
    page.select_key(first)
    page.acknowledge_selected()
    assert page.is_loading()  # read again on a worker
    wait_for_reminders(qtbot, page)
    assert first not in [r.thing.key for r in page.model.rows]
    page.show_hidden.setChecked(True)
    wait_for_reminders(qtbot, page)
    assert page.select_key(first)
    page.restore_selected()
    page.show_hidden.setChecked(False)
    wait_for_reminders(qtbot, page)
    assert page.select_key(first)
    page.snooze_selected(days=3)
    wait_for_reminders(qtbot, page)
    assert first not in [r.thing.key for r in page.model.rows]


def test_calendar_export_from_the_menu(window, tmp_path, monkeypatch, answer_message_boxes):
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    target = tmp_path / "deadlines"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    window.menu_actions.calendar.trigger()
    saved = tmp_path / "deadlines.ics"
    events = Calendar.from_ical(saved.read_bytes()).walk("VEVENT")
    assert any("DEMO-003" in str(e["summary"]) for e in events)
    assert shown[-1][0] == "Export deadlines"


def test_compliance_panel_shows_years_and_saves_a_pdf(window, tmp_path):
    from pypdf import PdfReader

    panel = window.reminders.compliance
    years = [f.year for f in panel.model.rows]
    assert 2026 in years and 2023 in years  # the demo: three open 2026 reports, #29536 from 2023
    assert "Currently overdue: 1" in panel.summary_label.text()
    saved = panel.save_pdf(tmp_path / "compliance.pdf")
    assert "Section 55 responses" in PdfReader(saved).pages[0].extract_text()


def test_dashboard_shows_other_late_deadlines_and_what_is_next(window, qtbot):
    dashboard = window.dashboard
    # 2 internal targets, a finding target date, a board action, and #29536's 3 AFIs open 12+ months undated
    qtbot.waitUntil(lambda: dashboard.other_figure.number.text() == "7")  # read on a worker
    assert dashboard.next_label.text().startswith("Next: chief constable's comments DEMO-002 – 24/11/2026")
    dashboard.reminders_button.click()
    assert window.current_page() == REMINDERS


def test_the_list_is_read_on_a_worker_and_a_stale_answer_dropped(window, qtbot, monkeypatch):
    import threading

    from opcc_desktop.ui.reminders import reminders_page

    page = window.reminders
    threads = []
    real = reminders_page.reminders_and_compliance

    def recording(office, today, include_silenced):
        threads.append(threading.current_thread())
        return real(office, today, include_silenced)

    monkeypatch.setattr(reminders_page, "reminders_and_compliance", recording)
    everything = len(page.model.rows)
    page.show_hidden.setChecked(True)  # asks…
    page.show_hidden.setChecked(False)  # …and asks again before the first answer is shown
    assert page.is_loading() and len(page.model.rows) == everything  # the list stays meanwhile
    wait_for_reminders(qtbot, page)
    from opcc_desktop.ui.common.workers import pending_tasks

    qtbot.waitUntil(lambda: pending_tasks() == 0)
    assert len(page.model.rows) == everything  # the last request's answer (hidden ones not listed)
    assert threads and all(thread is not threading.main_thread() for thread in threads)


def test_hiding_an_overdue_s55_reminder_asks_first_and_then_shows_it_marked_hidden(window, qtbot, answer_message_boxes):
    page = window.reminders
    overdue = next(r for r in page.model.rows if r.thing.kind == "s55" and r.urgency is Urgency.OVERDUE)
    page.select_key(overdue.thing.key)
    shown = answer_message_boxes(QMessageBox.StandardButton.No)
    ctrl_k = next(s for s in page.findChildren(QShortcut) if s.key().toString() == "Ctrl+K")
    ctrl_k.activated.emit()  # the easy-to-press shortcut
    assert shown and "overdue statutory" in shown[-1][0] and "DEMO-003" in shown[-1][1]
    wait_for_reminders(qtbot, page)
    assert overdue.thing.key in [r.thing.key for r in page.model.rows]  # still listed: nothing written
    assert page.office.reminders.current(TODAY)[0].thing.key == overdue.thing.key

    answer_message_boxes(QMessageBox.StandardButton.Yes)
    page.acknowledge_selected()
    wait_for_reminders(qtbot, page)
    assert overdue.thing.key not in [r.thing.key for r in page.model.rows]
    page.show_hidden.setChecked(True)
    wait_for_reminders(qtbot, page)
    row = next(n for n, r in enumerate(page.model.rows) if r.thing.key == overdue.thing.key)
    assert page.model.index(row, 0).data() == "Overdue · hidden"
    assert not any(page.model.index(n, 0).data().endswith("hidden")
                   for n in range(page.model.rowCount()) if n != row)


def test_a_reminder_that_is_not_statutory_is_hidden_without_a_question(window, qtbot):
    page = window.reminders
    action = next(r for r in page.model.rows if r.thing.kind == "action")
    page.select_key(action.thing.key)
    page.acknowledge_selected()  # no message box (the fixture would fail the test on one)
    wait_for_reminders(qtbot, page)
    assert action.thing.key not in [r.thing.key for r in page.model.rows]
