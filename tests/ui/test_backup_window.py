"""File → Back up now and File → Restore from backup… in the window."""

from datetime import datetime

from PySide6.QtWidgets import QDialog

from opcc_desktop import paths
from opcc_desktop.services import backups
from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.office.restore_dialog import RestoreDialog
from opcc_desktop.ui.common.workers import pending_tasks
from tests.crash.writer import record_for


def test_back_up_now_then_restore_brings_back_the_backed_up_records(
    qtbot, demo_office, today_provider, bus, answer_message_boxes, monkeypatch
):
    shown = answer_message_boxes()
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    before = demo_office.inspections.count()
    assert window.menu_actions.backup in window.menuBar().actions()[0].menu().actions()
    window.menu_actions.backup.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and any(t == "Backup finished" for t, _ in shown), timeout=5000)
    [made] = backups.list_backups(paths.backup_dir())
    assert made.counts()["inspections"] == before

    demo_office.inspections.save(record_for(1))
    seen_rows = []

    def choose_newest(dialog):
        seen_rows.append([dialog.model.index(0, c).data() for c in range(5)])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreDialog, "exec", choose_newest)
    window.backup_actions.now = lambda: datetime(2026, 11, 22, 23, 59)
    window.menu_actions.restore.trigger()
    replacement = window.backup_actions.replacement
    assert replacement is not None
    qtbot.addWidget(replacement)
    try:
        assert seen_rows[0][1] == "Backup" and seen_rows[0][2] == str(before)
        assert replacement.office.inspections.count() == before
        assert not window.isVisible()
        assert any(t == "Restore finished" for t, _ in shown)
        kinds = [b.kind for b in backups.list_backups(paths.backup_dir())]
        assert backups.BEFORE_RESTORE in kinds
    finally:
        replacement.office.close()


def test_a_chosen_backup_folder_is_used_for_backups_and_the_restore_list(
    qtbot, demo_office, today_provider, bus, answer_message_boxes, monkeypatch, tmp_path
):
    from PySide6.QtWidgets import QFileDialog

    shown = answer_message_boxes()
    share = tmp_path / "network-drive" / "OPCC backups"
    share.mkdir(parents=True)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(share)))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.menu_actions.backup_folder.trigger()
    window.menu_actions.backup.trigger()
    qtbot.waitUntil(lambda: pending_tasks() == 0 and any(t == "Backup finished" for t, _ in shown), timeout=5000)
    assert len(backups.list_backups(share)) == 1
    assert backups.list_backups(paths.backup_dir()) == []
