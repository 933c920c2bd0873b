"""The reminders' File menu entry: every open deadline as an .ics file for Outlook."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..common.actions import make_action

if TYPE_CHECKING:
    from ..common.window_services import WindowServices


def reminders_menu_actions(parent: QObject, window: WindowServices) -> dict[str, QAction]:
    def export() -> None:
        from ..common.file_dialogs import start_folder
        from .calendar_actions import export_calendar

        export_calendar(window.window(), window.office, window.today_provider(), start_folder())

    return {"calendar": make_action(parent, "Export deadlines to &calendar (.ics)…", export)}
