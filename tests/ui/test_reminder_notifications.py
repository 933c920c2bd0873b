"""Notifications through the `Notifier` seam: one summary at start, then only what newly falls due."""

from dataclasses import replace
from datetime import timedelta

from PySide6.QtWidgets import QSystemTrayIcon

from opcc_desktop.ui.reminders.reminder_notifications import ReminderWatcher, TrayNotifier

from .conftest import TODAY


class FakeNotifier:
    def __init__(self):
        self.shown: list[tuple[str, str]] = []

    def notify(self, title, message):
        self.shown.append((title, message))


def test_one_summary_at_start_then_only_new_things(qapp, demo_office):
    today = [TODAY]
    fake = FakeNotifier()
    watcher = ReminderWatcher(demo_office, fake, lambda: today[0])
    announced = watcher.check()
    assert len(fake.shown) == 1, "a start never floods: one summary"
    assert "overdue" in fake.shown[0][1] and len(announced) >= 3
    assert watcher.check() == [] and len(fake.shown) == 1, "nothing new, nothing shown"

    demo1 = demo_office.inspections.find("DEMO-001")
    findings = (replace(demo1.findings[0], target_date=TODAY + timedelta(days=2)), *demo1.findings[1:])
    demo_office.inspections.save(replace(demo1, findings=findings))
    fresh = watcher.check()
    assert [r.thing.kind for r in fresh] == ["finding"]
    assert fake.shown[-1][0] == "OPCC Desktop: newly due" and "DEMO-001" in fake.shown[-1][1]

    today[0] = TODAY + timedelta(days=3)  # the finding's date passes: it is told again, now overdue
    assert any(r.thing.kind == "finding" and r.days_left < 0 for r in watcher.check())


def test_tray_notifier_where_the_platform_has_a_tray(qtbot):
    if not TrayNotifier.available():
        assert not QSystemTrayIcon.isSystemTrayAvailable() or not QSystemTrayIcon.supportsMessages()
        return
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    notifier = TrayNotifier(parent)
    notifier.notify("Test", "A message")
    assert notifier.tray.isVisible()


def test_the_started_watcher_reads_reminders_on_a_worker(qtbot, demo_office, monkeypatch):
    import threading

    from opcc_desktop.services.reminders import ReminderService

    threads = []
    real = ReminderService.current

    def recording(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(ReminderService, "current", recording)
    fake = FakeNotifier()
    watcher = ReminderWatcher(demo_office, fake, lambda: TODAY)
    watcher.start()
    assert fake.shown == []  # nothing read on this thread
    qtbot.waitUntil(lambda: len(fake.shown) == 1)
    assert "overdue" in fake.shown[0][1]
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    watcher.timer.stop()
