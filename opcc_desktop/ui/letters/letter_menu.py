"""The Letter menu (and the Board menu's progress report, a paper this feature makes), for the open
inspection: whatever provides these four commands (the inspection editor)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..common.actions import make_action


class LetterHost(Protocol):
    def preview_letter(self) -> None: ...
    def print_letter(self) -> None: ...
    def save_letter_as(self) -> None: ...
    def open_letter_editor(self) -> None: ...


def letter_menu_actions(parent: QObject, host: Callable[[], LetterHost],
                        progress_report: Callable[[], object]) -> dict[str, QAction]:
    return {
        "preview": make_action(parent, "&Preview letter", lambda: host().preview_letter(), "Ctrl+Shift+P"),
        "print": make_action(parent, "P&rint letter…", lambda: host().print_letter(), "Ctrl+P"),
        "save_pdf": make_action(parent, "Save letter as P&DF…", lambda: host().save_letter_as()),
        "letters": make_action(parent, "Letters and &sign-off…", lambda: host().open_letter_editor(), "Ctrl+L"),
        "progress_report": make_action(parent, "HMICFRS &progress report for a board paper…", progress_report),
    }
