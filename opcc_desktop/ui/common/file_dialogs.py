"""Where file dialogs start: the user's Documents folder at first, then the last folder they used
(remembered between runs in the window-state file), never the program's own folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from . import ui_state

LAST_FOLDER_KEY = "files/last_folder"


def documents_folder() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())


def start_folder() -> str:
    """The last folder used, if it still exists; else Documents."""
    remembered = ui_state.load_text(LAST_FOLDER_KEY, "")
    return remembered if remembered and Path(remembered).is_dir() else documents_folder()


def suggested_path(name: str = "") -> str:
    """`name` in the start folder (the folder alone when no name), for a dialog's starting point."""
    return str(Path(start_folder()) / name) if name else start_folder()


def remember_folder(chosen: str | Path) -> None:
    """Remember the folder of a chosen file (or a chosen folder itself) for the next dialog."""
    path = Path(chosen)
    ui_state.save_text(LAST_FOLDER_KEY, str(path if path.is_dir() else path.parent))
