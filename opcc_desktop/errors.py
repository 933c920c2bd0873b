"""The exception vocabulary shared by every layer."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .domain.models import FieldError


class UserFacingError(Exception):
    """A problem the user can understand and act on; shown as a plain message, never a traceback."""


class ValidationError(UserFacingError):
    """A record failed validation; `errors` says which fields and why. Nothing was written."""

    def __init__(self, errors: list[FieldError], where: str = ""):
        self.errors = list(errors)
        self.where = where
        prefix = f"{where}: " if where else ""
        super().__init__(prefix + "; ".join(str(e) for e in self.errors))


class NotFoundError(UserFacingError):
    """The record asked for does not exist."""


class DatabaseFileError(UserFacingError):
    """The database file cannot be used: not SQLite, corrupt, locked, or written by a newer version."""


class UnusableFileError(DatabaseFileError):
    """The file is empty, damaged, garbled or not an OPCC Desktop database: the window offers to restore
    the newest good backup (one path for every such file)."""


class NewerSchemaError(DatabaseFileError):
    """The database was written by a newer version of OPCC Desktop; it is left untouched."""


class InterchangeError(UserFacingError):
    """An import file is unreadable or has a bad record; nothing was imported."""


class ConflictError(UserFacingError):
    """The record changed (in another window, a command or an import) since it was loaded; nothing was
    written. `mine` is what the user tried to save, `theirs` what is stored now (either may be any
    record type; for an inspection both are `Inspection`)."""

    def __init__(self, message: str, mine: object, theirs: object, reasons: list[str]):
        self.mine = mine
        self.theirs = theirs
        self.reasons = list(reasons)
        super().__init__(message)
