"""Disk full, read-only folder, file locked: a failed write becomes a plain message; nothing is half-saved.

Use outside the transaction (`with write_problems_explained("The inspection"), db.atomic():`), so the
transaction has rolled back before the message is raised.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from ..errors import DatabaseFileError

HINTS = (
    ("full", "The disk is full. Free some space and save again."),
    ("readonly", "The database file or its folder is read-only. Check the folder's permissions."),
    ("read-only", "The database file or its folder is read-only. Check the folder's permissions."),
    ("locked", "Another program is using the database. Wait a moment and save again."),
    ("disk i/o", "The disk reported an error. Check the drive and save again."),
)


class WriteFailedError(DatabaseFileError):
    """A write could not be completed; it was rolled back, so nothing of it was saved."""


@contextmanager
def write_problems_explained(what: str) -> Iterator[None]:
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc)
        hint = next((text for key, text in HINTS if key in message.lower()), "")
        raise WriteFailedError(
            f"{what} could not be saved ({message}). Nothing was saved; your changes are still in the form. {hint}"
        ) from exc
