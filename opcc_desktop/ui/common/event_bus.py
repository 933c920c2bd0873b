"""One application-wide signal that re-broadcasts what a service call changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...services.changes import Changes


class EventBus(QObject):
    """Pages listen to `changed` and refresh only when the `Changes` concern them.

    `initiator` is whoever made the change (an editor saving its own record): while `changed` is
    being emitted it is `self.initiator`, so that an editor can ignore the echo of its own save."""

    changed = Signal(object)  # Changes

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.initiator: object = None

    def publish(self, changes: Changes, initiator: object = None) -> None:
        if changes.empty:
            return
        previous, self.initiator = self.initiator, initiator
        try:
            self.changed.emit(changes)
        finally:
            self.initiator = previous

    def made_by(self, candidate: object) -> bool:
        """True while the changes being delivered were made by `candidate`."""
        return candidate is not None and self.initiator is candidate
