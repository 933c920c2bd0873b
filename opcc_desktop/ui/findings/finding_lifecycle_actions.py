"""Open Change status… and History… for one finding, from the inspection editor or the findings list.
Whatever the dialog writes is published on the event bus, so every view refreshes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from ...errors import NotFoundError
from ...services.office import Office
from ..common.error_dialogs import show_error
from ..common.event_bus import EventBus
from .finding_history_dialog import FindingHistoryDialog
from .status_change_dialog import StatusChangeDialog


def change_status(parent: QWidget, office: Office, bus: EventBus, finding_id: int,
                  today_provider: Callable[[], date]) -> bool:
    """True when a change was recorded."""
    try:
        dialog = StatusChangeDialog(office, finding_id, today_provider, bus.publish, parent)
    except NotFoundError as error:
        show_error(parent, "Change status", str(error))
        return False
    return bool(dialog.exec())


def show_history(parent: QWidget, office: Office, bus: EventBus, finding_id: int,
                 today_provider: Callable[[], date]) -> None:
    try:
        dialog = FindingHistoryDialog(office, finding_id, today_provider, bus.publish, parent)
    except NotFoundError as error:
        show_error(parent, "Finding history", str(error))
        return
    dialog.exec()
