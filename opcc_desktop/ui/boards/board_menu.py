"""The Board menu's papers of the open meeting: agenda and minutes as PDF."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..common.actions import make_action


class PaperHost(Protocol):
    def save_paper(self, kind: str) -> None: ...
    def save_paper_web_page(self, kind: str) -> None: ...


def board_menu_actions(parent: QObject, meeting: Callable[[], PaperHost]) -> dict[str, QAction]:
    return {
        "agenda_pdf": make_action(parent, "Save &agenda as PDF…", lambda: meeting().save_paper("agenda")),
        "minutes_pdf": make_action(parent, "Save &minutes as PDF…", lambda: meeting().save_paper("minutes")),
        "agenda_web": make_action(parent, "Save a&genda as web page…", lambda: meeting().save_paper_web_page("agenda")),
        "minutes_web": make_action(parent, "Save m&inutes as web page…",
                                   lambda: meeting().save_paper_web_page("minutes")),
    }
