"""The findings' File menu entry: import the tracker spreadsheet the office kept before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..common.actions import make_action

if TYPE_CHECKING:
    from ..common.window_services import WindowServices


def findings_menu_actions(parent: QObject, window: WindowServices) -> dict[str, QAction]:
    def import_sheet() -> None:
        from .spreadsheet_import_dialog import import_tracker_spreadsheet

        import_tracker_spreadsheet(window)

    return {"import_sheet": make_action(parent, "Import tracker s&preadsheet (.xlsx, .csv)…", import_sheet)}
