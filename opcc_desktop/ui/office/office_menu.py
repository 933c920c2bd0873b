"""The office's own menu entries (File: JSON, demonstration data, settings, backups; Help: About),
built here from what they need: the office and backup commands, made when first used."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ..common.actions import make_action

if TYPE_CHECKING:
    from .backup_actions import BackupActions
    from .office_actions import OfficeActions


def office_menu_actions(parent: QObject, office: Callable[[], OfficeActions],
                        backups: Callable[[], BackupActions]) -> dict[str, QAction]:
    return {
        "import_json": make_action(parent, "&Import JSON…", lambda: office().import_json()),
        "export_json": make_action(parent, "&Export JSON…", lambda: office().export_json()),
        "demo": make_action(parent, "Open the &demonstration office", lambda: office().open_demo_office()),
        "remove_demo": make_action(parent, "Remo&ve demonstration data from this office…",
                                   lambda: office().remove_demo_data()),
        "settings": make_action(parent, "Office se&ttings…", lambda: office().edit_settings()),
        "backup": make_action(parent, "&Back up now", lambda: backups().back_up_now()),
        "restore": make_action(parent, "&Restore from backup…", lambda: backups().restore()),
        "backup_folder": make_action(parent, "Backup &folder…", lambda: backups().choose_folder()),
        "about": make_action(parent, "&About OPCC Desktop", lambda: office().about()),
    }
