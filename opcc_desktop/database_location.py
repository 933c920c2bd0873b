"""Where the LIVE database may be kept: on this PC's own disk, never on a network share or in OneDrive.

SQLite's documentation warns that its locking (and WAL mode in particular) does not work reliably
over network file systems, and a sync client that uploads or replaces the file while it is being
written corrupts it or leaves "conflicted copies". So `open_database` refuses such locations with
a message that says why (`location_problem` is pure and tested with injected environment and
drive types; `GetDriveTypeW` is asked only on Windows).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

from .errors import DatabaseFileError

DRIVE_REMOTE = 4  # GetDriveTypeW: a mapped network drive
ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
WHY_LOCAL = (
    "OPCC Desktop keeps its live database on this PC's own disk only, because SQLite's file locking "
    "is not reliable there and the file can be corrupted."
)
WHAT_TO_DO = (
    "Keep the database in the default folder (the local application data folder) or another folder on "
    "a local drive. To share or archive records, use File → Export or a backup copy instead."
)


class UnsafeDatabaseLocation(DatabaseFileError):
    """The live database would be on a network path or in a synced folder."""


def windows_drive_type(root: str) -> int | None:
    """`GetDriveTypeW` for a root such as `X:\\`; None off Windows or if it cannot be asked."""
    if sys.platform != "win32":
        return None
    try:
        import ctypes

        return int(ctypes.windll.kernel32.GetDriveTypeW(root))
    except (AttributeError, OSError):
        return None


def _is_under(path: PurePath, folder: str, flavour: type[PurePath]) -> bool:
    try:
        return path.is_relative_to(flavour(folder))
    except ValueError:
        return False


def location_problem(
    path: Path | str,
    *,
    windows: bool | None = None,
    environ: Mapping[str, str] | None = None,
    drive_type: Callable[[str], int | None] = windows_drive_type,
) -> str | None:
    """Why `path` must not hold the live database (a message for the user), or None if it is fine."""
    windows = sys.platform == "win32" if windows is None else windows
    environ = os.environ if environ is None else environ
    text = str(path)
    flavour: type[PurePath] = PureWindowsPath if windows else PurePosixPath
    if windows:
        if text[:8].upper() == "\\\\?\\UNC\\":
            text = "\\\\" + text[8:]
        elif text.startswith("\\\\?\\"):
            text = text[4:]
        pure: PurePath = PureWindowsPath(text)
        if pure.drive.startswith(("\\\\", "//")):
            return (f"The database {text} is on a network share ({pure.drive}). "
                    f"{WHY_LOCAL} over a network connection. {WHAT_TO_DO}")
        if len(pure.drive) == 2 and drive_type(pure.drive + "\\") == DRIVE_REMOTE:
            return (f"The database {text} is on drive {pure.drive}, which is a mapped network drive. "
                    f"{WHY_LOCAL} over a network connection. {WHAT_TO_DO}")
    else:
        pure = PurePosixPath(text)
    synced = next((environ[name] for name in ONEDRIVE_VARIABLES if environ.get(name)
                   and _is_under(pure, environ[name], flavour)), None)
    if synced is None:
        folders = pure.parts[:-1]
        synced = next((part for part in folders if part.casefold() == "onedrive"
                       or part.casefold().startswith("onedrive - ")), None)
    if synced is not None:
        return (f"The database {text} is inside a OneDrive-synced folder ({synced}). OneDrive uploads and "
                f"replaces the file while the program is writing it. {WHY_LOCAL} {WHAT_TO_DO}")
    return None


def refuse_unsafe_location(path: Path | str) -> None:
    """Raise UnsafeDatabaseLocation (a plain message) if `path` is not a safe place for the live database."""
    problem = location_problem(os.path.abspath(path))
    if problem:
        raise UnsafeDatabaseLocation(problem)
