"""One application-wide signal that re-broadcasts what a service call changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...services.changes import Changes


class EventBus(QObject):
    """Pages listen to `changed` and refresh only when the `Changes` concern them."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if not changes.empty:
            self.changed.emit(changes)
