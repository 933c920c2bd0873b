"""Board → HMICFRS progress report…: options, save dialog, written on a worker, offered to open."""

from PySide6.QtWidgets import QFileDialog

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.letters.progress_report_action import ProgressReportOptions
from opcc_desktop.ui.common.workers import pending_tasks


def test_progress_report_from_the_board_menu(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch,
                                             answer_message_boxes):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    target = tmp_path / "progress.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    chosen = []

    def accept(dialog):
        chosen.append(dialog.quarter().label)
        dialog.months_spin.setValue(3)
        return 1

    monkeypatch.setattr(ProgressReportOptions, "exec", accept)
    shown = answer_message_boxes(0x00010000)  # No: do not open the viewer
    window.menu_actions.progress_report.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and bool(shown), timeout=15000)
    assert chosen == ["Q2 2026–27 (July to September 2026)"]
    assert target.read_bytes().startswith(b"%PDF") and shown[0][0] == "Progress report saved"
    window.close()
