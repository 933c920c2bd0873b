"""Desktop notifications while the app runs: one summary at start, then only what newly falls due.

`Notifier` is the seam: `TrayNotifier` shows a Windows notification from the system tray icon;
tests (and desktops without a tray) use any object with `notify(title, message)`. `ReminderWatcher`
checks at start and every `CHECK_INTERVAL_MS`, remembering which reminders it has already told the
user about at which urgency, so nothing is announced twice and a start never floods the screen.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from ...domain.reminders import KIND_LABELS, Reminder, Urgency
from ...resources import app_icon_path
from ...services.office import Office

CHECK_INTERVAL_MS = 30 * 60 * 1000
NOTIFY_URGENCIES = (Urgency.OVERDUE, Urgency.TODAY, Urgency.THIS_WEEK)
MAX_LISTED = 3


class Notifier(Protocol):
    def notify(self, title: str, message: str) -> None: ...


class TrayNotifier:
    """A tray icon (tooltip "OPCC Desktop") that shows notifications; clicking it raises the window."""

    def __init__(self, window: QWidget):
        self.tray = QSystemTrayIcon(QIcon(str(app_icon_path())), window)
        self.tray.setToolTip("OPCC Desktop")
        def bring_forward() -> None:
            window.showNormal()
            window.raise_()
            window.activateWindow()

        self.tray.activated.connect(lambda _reason: bring_forward())
        self.tray.messageClicked.connect(bring_forward)
        self.tray.show()

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def notify(self, title: str, message: str) -> None:
        self.tray.showMessage(title, message, QSystemTrayIcon.MessageIcon.Warning, 15000)


def _line(reminder: Reminder) -> str:
    return f"{KIND_LABELS.get(reminder.thing.kind, reminder.thing.kind)} {reminder.thing.reference}: {reminder.describe()}"


def summary_message(reminders: list[Reminder]) -> str:
    overdue = sum(1 for r in reminders if r.urgency is Urgency.OVERDUE)
    soon = len(reminders) - overdue
    parts = [f"{overdue} overdue" if overdue else "", f"{soon} due within 7 days" if soon else ""]
    lines = [" and ".join(p for p in parts if p) + "."]
    lines += [_line(r) for r in reminders[:MAX_LISTED]]
    if len(reminders) > MAX_LISTED:
        lines.append(f"…and {len(reminders) - MAX_LISTED} more in Reminders (Ctrl+6).")
    return "\n".join(lines)


log = logging.getLogger(__name__)


class ReminderWatcher(QObject):
    def __init__(self, office: Office, notifier: Notifier, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.office = office
        self.notifier = notifier
        self.today_provider = today_provider
        self._told: dict[str, Urgency] = {}
        self._started = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check_in_background)

    def start(self) -> None:
        self.check_in_background()
        self.timer.start()

    def check_in_background(self) -> None:
        """Read the reminders on a worker with its own connection (a large office has thousands: a
        check on the GUI thread froze the window for ~0.4 s), then announce on the GUI thread."""
        from ..common.progress_task import run_on_own_connection
        from ..common.workers import run_in_background

        today = self.today_provider()
        run_in_background(run_on_own_connection(self.office.path, lambda office: office.reminders.current(today)),
                          lambda found: None if self.office.closed else self.announce(found),
                          lambda error: log.warning("Reminders not checked: %s", error))

    def check(self) -> list[Reminder]:
        """Read the reminders here and announce them; returns what was announced."""
        return self.announce(self.office.reminders.current(self.today_provider()))

    def announce(self, reminders: list[Reminder]) -> list[Reminder]:
        """Notify about reminders not yet told at their current urgency; returns what was announced."""
        current = [r for r in reminders if r.urgency in NOTIFY_URGENCIES]
        fresh = [r for r in current if self._told.get(r.thing.key) != r.urgency]
        self._told = {r.thing.key: r.urgency for r in current}
        if fresh:
            title = "OPCC Desktop: deadlines need attention" if not self._started else "OPCC Desktop: newly due"
            self.notifier.notify(title, summary_message(fresh))
        self._started = True
        return fresh
