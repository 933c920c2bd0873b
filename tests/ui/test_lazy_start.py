"""Start-up builds only the dashboard; every other page is built when first shown, or soon after the
first paint, and works the same either way. The dashboard's other deadlines are read off the GUI thread."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from opcc_desktop.ui.shell import main_window as main_window_module
from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.main_window import BOARDS, DASHBOARD, EDITOR, FINDINGS, INSPECTIONS, MEETING, REMINDERS
from opcc_desktop.ui.shell import dashboard_page


@pytest.fixture
def window(qtbot, demo_office, bus, today_provider, monkeypatch):
    monkeypatch.setattr(main_window_module, "WARM_UP_AFTER_MS", 60_000)  # tests below warm up by hand
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_only_the_dashboard_is_built_at_start(window):
    assert [n for n in range(7) if window.pages.is_built(n)] == [DASHBOARD]
    assert window.stack.count() == 7
    assert window.stack.currentWidget() is window.dashboard


def test_a_page_is_built_when_first_shown_and_then_reused(window):
    window.show_page(INSPECTIONS)
    page = window.stack.currentWidget()
    assert page is window.inspections and window.pages.is_built(INSPECTIONS)
    assert page.model.rowCount() > 0  # filled from the demo office
    window.show_page(DASHBOARD)
    window.show_page(INSPECTIONS)
    assert window.stack.currentWidget() is page
    assert window.stack.indexOf(page) == INSPECTIONS


def test_opening_a_record_from_the_dashboard_builds_the_editor_with_it(window):
    first = window.dashboard.items()[0]
    window.open_inspection(first.inspection_id)
    assert window.current_page() == EDITOR
    assert window.editor.current_id() == first.inspection_id
    assert window.stack.currentWidget() is window.editor


def test_warm_up_builds_the_rest_in_small_steps(window):
    import sys

    turns = 0
    while window.pages.warm_up_next():
        turns += 1
        if turns == 1:
            assert [n for n in range(7) if window.pages.is_built(n)] == [DASHBOARD]  # a preparation first
    assert turns > 6  # imports and pages, one step each
    assert "opcc_desktop.ui.inspections.inspection_editor" in sys.modules
    assert all(window.pages.is_built(n) for n in (INSPECTIONS, EDITOR, BOARDS, MEETING, REMINDERS, FINDINGS))
    assert window.current_page() == DASHBOARD
    assert [window.stack.indexOf(p) for p in window.pages.built()] == list(range(7))


def test_other_deadlines_are_read_on_a_worker_thread(window, qtbot, monkeypatch):
    threads = []
    real = dashboard_page.other_deadlines

    def recording(office, today):
        threads.append(threading.current_thread())
        return real(office, today)

    monkeypatch.setattr(dashboard_page, "other_deadlines", recording)
    window.dashboard.refresh()
    qtbot.waitUntil(lambda: bool(threads) and window.dashboard.other_figure.number.text() == "7")
    assert threads[0] is not threading.main_thread()


def test_closing_before_the_answer_arrives_leaves_the_figure_alone(window, qtbot, monkeypatch):
    from opcc_desktop.ui.common.workers import pending_tasks

    qtbot.waitUntil(lambda: window.dashboard.other_figure.number.text() == "7")  # the answer to start-up
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    window.dashboard.other_figure.set_value(0)
    started = threading.Event()
    release = threading.Event()
    real = dashboard_page.other_deadlines

    calls = []

    def slow(office, today):
        calls.append(threading.current_thread().name)
        started.set()
        release.wait(5)
        return real(office, today)

    monkeypatch.setattr(dashboard_page, "other_deadlines", slow)
    window.dashboard.refresh()
    qtbot.waitUntil(started.is_set)
    window.dashboard.stop_pending()
    release.set()
    qtbot.waitUntil(lambda: pending_tasks() == 0)
    assert calls and window.dashboard.other_figure.number.text() == "0"
