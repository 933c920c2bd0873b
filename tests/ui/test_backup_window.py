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


def test_restore_waits_for_every_worker_and_its_connection_before_replacing(
    qtbot, demo_office, today_provider, bus, answer_message_boxes, monkeypatch
):
    """On Windows any open handle (the reminders check, the findings list, the integrity check) made the
    replace fail; restore closed only the dashboard's worker."""
    import threading

    from opcc_desktop.services.office import Office
    from opcc_desktop.ui.common.progress_task import run_on_own_connection
    from opcc_desktop.ui.common.workers import run_in_background

    shown = answer_message_boxes()
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    backup = backups.back_up(demo_office.path, paths.backup_dir(), datetime(2026, 11, 22, 8, 0))
    release = threading.Event()
    worker_open = []

    def slow_reader(office: Office) -> int:
        worker_open.append(True)
        release.wait(5)
        count = office.inspections.count()
        worker_open.append(False)  # its connection closes right after
        return count

    run_in_background(run_on_own_connection(demo_office.path, slow_reader), lambda _r: None)
    qtbot.waitUntil(lambda: worker_open == [True], timeout=5000)
    states_at_replace = []
    real_restore = backups.restore

    def watching_restore(*args, **kwargs):
        states_at_replace.append((list(worker_open), demo_office.closed))
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(backups, "restore", watching_restore)
    threading.Timer(0.3, release.set).start()
    replacement = window.backup_actions.restore_file(backup)
    qtbot.addWidget(replacement)
    try:
        assert states_at_replace == [([True, False], True)]  # the worker had finished and every handle closed
        assert any(t == "Restore finished" for t, _ in shown)
    finally:
        replacement.office.close()


def test_a_restore_blocked_by_another_program_says_so_and_reopens_the_untouched_office(
    qtbot, demo_office, today_provider, bus, answer_message_boxes, monkeypatch
):
    from opcc_desktop.storage import backup as storage_backup

    shown = answer_message_boxes()
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    backup = backups.back_up(demo_office.path, paths.backup_dir(), datetime(2026, 11, 22, 8, 0))
    before = demo_office.inspections.count()

    def held(source, target):
        raise PermissionError(13, "being used by another process", str(target))

    real = storage_backup.replace_database
    monkeypatch.setattr(backups, "replace_database",
                        lambda source, target: real(source, target, replace=held, sleep=lambda s: None))
    replacement = window.backup_actions.restore_file(backup)
    monkeypatch.undo()
    qtbot.addWidget(replacement)
    try:
        _title, text = next((t, m) for t, m in shown if t == "Nothing was restored")
        assert "another program is holding" in text
        assert replacement.office.inspections.count() == before
    finally:
        replacement.office.close()
