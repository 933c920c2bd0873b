"""The Help menu's own entries: User guide (F1, from any window of the program), Keyboard shortcuts
and the tour. Light on purpose (built with the menus before the first paint); the guide's code is
imported when first asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from .user_guide import UserGuideDialog


def open_user_guide(window: QWidget) -> UserGuideDialog:
    """F1: the guide at the section of whatever is in front (a dialog, or the window's page)."""
    from .user_guide import UserGuideDialog, section_for

    front = QApplication.activeModalWidget() or QApplication.activeWindow() or window
    if type(front).__name__ == "UserGuideDialog":  # F1 in the guide itself: stay where it is
        front.raise_()
        return front  # type: ignore[return-value]
    dialog = UserGuideDialog(section_for(front) or section_for(window), front)
    dialog.setModal(False)
    dialog.show()
    window.setProperty("user_guide_open", True)
    window.user_guide_dialog = dialog  # type: ignore[attr-defined]  # kept alive while it is open
    return dialog


def show_shortcuts(window: QWidget) -> None:
    from .user_guide import ShortcutsDialog

    window.shortcuts_dialog = ShortcutsDialog(window)  # type: ignore[attr-defined]
    window.shortcuts_dialog.open()  # type: ignore[attr-defined]


def show_tour(window: QWidget) -> None:
    from .first_run_tour import TourHost, start_tour

    host: TourHost = window  # type: ignore[assignment]  # the main window is one
    start_tour(host, force=True)


def help_actions(window: QWidget) -> dict[str, QAction]:
    """User guide (F1, from any window of the program), Keyboard shortcuts and the tour."""
    guide = QAction("&User guide", window)
    guide.setShortcut(QKeySequence("F1"))
    guide.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    guide.triggered.connect(lambda _checked=False: open_user_guide(window))
    shortcuts = QAction("&Keyboard shortcuts", window)
    shortcuts.triggered.connect(lambda _checked=False: show_shortcuts(window))
    tour = QAction("Show the &tour again", window)
    tour.triggered.connect(lambda _checked=False: show_tour(window))
    return {"guide": guide, "shortcuts": shortcuts, "tour": tour}
