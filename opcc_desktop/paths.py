"""Where the database and logs live: the per-user *local* application data folder, overridable."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "OPCC Desktop"
APP_AUTHOR = "OPCC Desktop"
DATABASE_FILENAME = "opcc-desktop.sqlite3"
DATA_DIR_ENV = "OPCC_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    """`%LOCALAPPDATA%\\OPCC Desktop\\OPCC Desktop` on Windows (never roaming); $OPCC_DESKTOP_DATA_DIR overrides."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(PlatformDirs(APP_NAME, APP_AUTHOR, roaming=False).user_data_dir)


def default_database_path() -> Path:
    return data_dir() / DATABASE_FILENAME


def demo_database_path() -> Path:
    """The demonstration office's own file, beside (never inside) the user's office."""
    return data_dir() / "demonstration-office.sqlite3"


def log_dir() -> Path:
    return data_dir() / "logs"


def backup_dir() -> Path:
    """Copies of the database taken by the program (before migrating, on request)."""
    return data_dir() / "backups"


def letter_archive_dir() -> Path:
    """Copies of the letters the program has produced."""
    return data_dir() / "letters"


def ui_state_file() -> Path:
    """The INI file holding window layout (not business data, so not in the database)."""
    return data_dir() / "window-state.ini"
