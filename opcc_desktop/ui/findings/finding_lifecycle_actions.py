"""Open Change status… and History… for one finding, from the inspection editor or the findings list.
Whatever the dialog writes is published on the event bus, so every view refreshes."""

from __future__ import annotations

from functools import partial

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from ...services.office import Office
from ..common.event_bus import EventBus
from .finding_history_dialog import FindingHistoryDialog
from .status_change_dialog import StatusChangeDialog
from ..common.operations import Failed, publish, run_op


def change_status(parent: QWidget, office: Office, bus: EventBus, finding_id: int,
                  today_provider: Callable[[], date]) -> bool:
    """True when a change was recorded."""
    dialog = run_op(parent, "Change status",
                    lambda: StatusChangeDialog(office, finding_id, today_provider, partial(publish, bus), parent))
    return not isinstance(dialog, Failed) and bool(dialog.exec())


def show_history(parent: QWidget, office: Office, bus: EventBus, finding_id: int,
                 today_provider: Callable[[], date]) -> None:
    dialog = run_op(parent, "Finding history",
                    lambda: FindingHistoryDialog(office, finding_id, today_provider, partial(publish, bus), parent))
    if not isinstance(dialog, Failed):
        dialog.exec()
