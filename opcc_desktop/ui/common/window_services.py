"""What a feature may ask of the main window, as a narrow interface: features import this, never
`shell.main_window`, so the window's helpers no longer reach into it and `ui/` has no circle.

`MainWindow` provides all of it; a test can pass any object that does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar, QWidget

    from ...services.office import Office
    from .event_bus import EventBus


class WindowServices(Protocol):
    office: Office
    bus: EventBus
    today_provider: Callable[[], date]

    def window(self) -> QWidget:
        """The window itself, as the parent of dialogs (every QWidget has this)."""
        ...

    def statusBar(self) -> QStatusBar:
        ...

    def editors_can_close(self) -> bool:
        """Unsaved work in the open inspection or meeting saved or discarded (asks the user)."""
        ...

    def has_unsaved_changes(self) -> bool:
        ...

    def stop_pending(self) -> None:
        """Stop reading on workers: the office is about to close."""
        ...

    def reopened(self, office: Office) -> QWidget:
        """A new main window over `office` (after a restore), shown."""
        ...

    def discard_without_asking(self) -> None:
        ...
