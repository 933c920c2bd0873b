"""Start the window: the QApplication, UK locale, error reporting, the database, first-run welcome."""

from __future__ import annotations

import gc
import logging
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from ... import __version__
from ...resources import app_icon_path
from ...windows_taskbar import set_app_user_model_id
from ..common.excepthook import install_excepthook
from ..common.event_bus import EventBus
from ..common.qt_messages import route_qt_messages_to_log
from ..common.workers import wait_for_background_work

if TYPE_CHECKING:  # imported when used: the window paints first (see lazy_pages.py)
    from ...services.office import Office
    from .main_window import MainWindow

log = logging.getLogger(__name__)

APP_NAME = "OPCC Desktop"
SETTLE_MS = 250  # what need not hold up the first paint starts this long after the window shows
BACKUP_AFTER_MS = 3000  # the daily automatic backup starts once the window has settled
TOUR_AFTER_MS = 1200  # the first-run tour once the dashboard has painted and settled


def _once_painted(window, office: Office, today_provider: Callable[[], date]) -> None:
    from .startup_checks import check_integrity_in_background

    gc.freeze()  # what start-up built lives as long as the window: never scan it again
    gc.enable()  # off while starting (see app.main)
    if office.closed:
        return
    check_integrity_in_background(window)  # large files: checked once the window is up
    start_reminder_notifications(window, office, today_provider)


def _automatic_backup(db_path: Path) -> None:
    from ..office.backup_actions import automatic_backup_in_background

    automatic_backup_in_background(db_path, datetime.now())  # at most once a day, off the GUI thread


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists), named, in UK English, with the Fusion style.

    Fusion follows the system's light or dark colour scheme on Windows 10/11 (the native Windows
    style ignores dark mode), so it is chosen there; elsewhere Qt's default already is Fusion (or the
    desktop's own theme), and setting it again would only rebuild the style at every start. High-DPI: Qt 6 scales per monitor; fractional factors (125 %, 150 %) are
    passed through rather than rounded, so text and the multi-size icon render sharp.
    """
    if QApplication.instance() is None:
        set_app_user_model_id()  # Windows: our own taskbar button and icon, before any window exists
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    if sys.platform == "win32":
        app.setStyle("Fusion")
    app.setWindowIcon(QIcon(str(app_icon_path())))
    return app


def build_main_window(
    office: Office, today_provider: Callable[[], date] = date.today, bus: EventBus | None = None
) -> MainWindow:
    """The main window over an open office, not yet shown (tests build it this way)."""
    from .main_window import MainWindow

    return MainWindow(office, bus or EventBus(), today_provider)


def start_reminder_notifications(window, office: Office, today_provider: Callable[[], date]) -> None:
    """Tray notifications of due and overdue deadlines, where the desktop has a system tray."""
    from ..reminders.reminder_notifications import ReminderWatcher, TrayNotifier

    if not TrayNotifier.available():
        log.info("No system tray: deadline notifications are off (the Reminders page still lists them)")
        return
    window.reminder_watcher = ReminderWatcher(office, TrayNotifier(window), today_provider, window)
    window.reminder_watcher.start()


def _first_run_tour(window) -> None:
    """The short tour of the main pages, until dismissed for good."""
    from .first_run_tour import start_tour

    if window.isVisible():
        start_tour(window)


def run_gui(db_path: Path, *, log_file: Path | None = None, today_provider: Callable[[], date] = date.today) -> int:
    """Run the window until it closes; 1 if the database cannot be opened."""
    from .startup_checks import open_for_window

    app = create_application()
    route_qt_messages_to_log()
    install_excepthook(log_file)
    from ..common.operations import Failed, run_op

    def told(error: Exception) -> str:
        log.error("Cannot open %s: %s", db_path, error)
        return f"{error}\n\nDatabase file: {db_path}"

    try:  # one window per file; a damaged file: offer to restore
        opened = run_op(None, "OPCC Desktop cannot open its database",
                        lambda: open_for_window(db_path, datetime.now()), message=told)
        if isinstance(opened, Failed):
            return 1
    except Exception as exc:  # an unforeseen failure still gets a dialog, not a silent exit
        from ..common.error_dialogs import show_unexpected_error

        log.exception("Cannot open %s", db_path)
        show_unexpected_error(None, exc, exc.__traceback__, log_file)
        return 1
    if opened is None:
        return 1
    office, lock = opened
    try:
        welcome = None
        if office.is_empty():  # first run: office details, demo or import (never a blank window)
            from .welcome_wizard import welcome_if_empty

            welcome = welcome_if_empty(office, today_provider)
        window = build_main_window(office, today_provider)
        window.show()
        if welcome is not None and welcome.start == "demo":  # its own file, in its own window
            QTimer.singleShot(0, lambda: window.office_actions.open_demo_office())
        QTimer.singleShot(SETTLE_MS, lambda: _once_painted(window, office, today_provider))
        QTimer.singleShot(BACKUP_AFTER_MS, lambda: _automatic_backup(db_path))
        QTimer.singleShot(TOUR_AFTER_MS, lambda: _first_run_tour(window))
        return app.exec()
    finally:
        wait_for_background_work()
        office.close()
        lock.release()
