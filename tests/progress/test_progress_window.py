"""Board → HMICFRS progress report for a board paper…: the options dialog (quarter, months), the save dialog
(monkeypatched), the PDF written on a worker thread (not the GUI thread), the offer to open it, and errors."""

import threading

from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

import opcc_desktop.ui.letters.progress_report_action as action_module
from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.letters.progress_report_action import ProgressReportOptions
from opcc_desktop.ui.common.workers import pending_tasks
from tests.ui.conftest import (  # noqa: F401  (fixtures)
    _no_real_modals, answer_message_boxes, bus, demo_office, office, today_provider,
)

TODAY_LABEL = "Q2 2026–27 (July to September 2026)"


def _window(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    return window


def _save_to(monkeypatch, path):
    asked = []

    def fake(*args, **kwargs):
        asked.append(args)
        return (str(path), "") if path else ("", "")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


def _text(path):
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_options_offer_recent_quarters_with_the_last_complete_one_chosen(qtbot, today_provider):  # noqa: F811
    dialog = ProgressReportOptions(today_provider())
    qtbot.addWidget(dialog)
    labels = [dialog.quarter_combo.itemText(i) for i in range(dialog.quarter_combo.count())]
    assert labels[0] == "Q3 2026–27 (October to December 2026) – in progress"
    assert labels[1:3] == [TODAY_LABEL, "Q1 2026–27 (April to June 2026)"] and len(labels) == 5
    assert dialog.quarter().financial_label == "Q2 2026–27" and dialog.months_spin.value() == 6


def test_menu_action_writes_on_a_worker_and_opens_when_asked(qtbot, demo_office, bus, today_provider,  # noqa: F811
                                                            tmp_path, monkeypatch, answer_message_boxes):  # noqa: F811
    window = _window(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch)
    assert "board paper" in window.menu_actions.progress_report.text()
    target = tmp_path / "out" / "progress"  # no .pdf suffix typed: one is added
    target.parent.mkdir()
    asked = _save_to(monkeypatch, target)
    threads, opened = [], []
    real_write = action_module.write_progress_report

    def recording_write(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        return real_write(*args)

    monkeypatch.setattr(action_module, "write_progress_report", recording_write)
    monkeypatch.setattr(action_module, "open_in_viewer", lambda path, parent=None: opened.append(path) or True)

    def choose(dialog):
        dialog.quarter_combo.setCurrentIndex(0)  # the quarter in progress
        dialog.months_spin.setValue(12)
        return 1

    monkeypatch.setattr(ProgressReportOptions, "exec", choose)
    shown = answer_message_boxes(QMessageBox.StandardButton.Yes)
    window.menu_actions.progress_report.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and bool(shown), timeout=15000)
    written = target.with_name("progress.pdf")
    assert asked and asked[0][2].endswith("hmicfrs-progress-2026-11-22.pdf")
    assert threads == [False]  # rendered off the GUI thread
    assert shown[0][0] == "Progress report saved" and "Open it now?" in shown[0][1]
    assert opened == [written]
    text = _text(written)
    assert "Q3 2026–27: October to December 2026" in text and "Open for more than 12 months" in text
    window.close()


def test_declining_to_open_and_cancelling_the_save_dialog(qtbot, demo_office, bus, today_provider,  # noqa: F811
                                                         tmp_path, monkeypatch, answer_message_boxes):  # noqa: F811
    window = _window(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch)
    monkeypatch.setattr(ProgressReportOptions, "exec", lambda dialog: 1)
    opened = []
    monkeypatch.setattr(action_module, "open_in_viewer", lambda path, parent=None: opened.append(path) or True)
    shown = answer_message_boxes(QMessageBox.StandardButton.No)
    _save_to(monkeypatch, None)  # cancelled: nothing runs, nothing is asked
    window.menu_actions.progress_report.trigger()
    assert pending_tasks() == 0 and shown == [] and not list(tmp_path.glob("*.pdf"))
    target = tmp_path / "kept.pdf"
    _save_to(monkeypatch, target)
    window.menu_actions.progress_report.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and bool(shown), timeout=15000)
    assert target.read_bytes().startswith(b"%PDF") and opened == []
    assert TODAY_LABEL.split(" (")[0] in _text(target)
    window.close()


def test_unwritable_folder_is_a_plain_error_box(qtbot, demo_office, bus, today_provider, tmp_path,  # noqa: F811
                                                monkeypatch, answer_message_boxes):  # noqa: F811
    window = _window(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch)
    monkeypatch.setattr(ProgressReportOptions, "exec", lambda dialog: 1)
    _save_to(monkeypatch, tmp_path / "no such folder" / "p.pdf")
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    window.menu_actions.progress_report.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and bool(shown), timeout=15000)
    assert shown[0][0] == "Progress report" and shown[0][1].startswith("Cannot write")
    assert "Traceback" not in shown[0][1]
    window.close()


def test_cancelling_the_options_asks_nothing_more(qtbot, demo_office, bus, today_provider, tmp_path,  # noqa: F811
                                                  monkeypatch):
    window = _window(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch)
    monkeypatch.setattr(ProgressReportOptions, "exec", lambda dialog: 0)
    window.menu_actions.progress_report.trigger()  # an unexpected file dialog would fail (_no_real_modals)
    assert pending_tasks() == 0
    window.close()
