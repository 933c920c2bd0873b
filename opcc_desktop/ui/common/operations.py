"""The one way the window runs a service call (Anki's `CollectionOp` is the model).

    run_op(self, "Save inspection", lambda: office.inspections.save(record), self.bus, initiator=self)

runs the call, turns a `UserFacingError` into the standard message (titled with what was being
done), publishes the `Changes` it returns (alone, in a tuple, or as a report's `.changes`) on the
event bus with their initiator, and gives back the result, or `FAILED` (a `Failed`: test with `isinstance`) after a message. Anything
else is a bug and goes on to the crash dialog (the excepthook). `failure=` lets a form show a
problem at its fields instead (return True when it did); `in_background` runs a long call on a
worker with its own connection to the database, behind a busy dialog, so the GUI thread never waits.

No module but this one catches `UserFacingError` around a service call (tests/test_ui_house.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Final, TypeVar

from PySide6.QtWidgets import QWidget

from ...errors import UserFacingError, ValidationError
from ...services.changes import Changes
from ...services.office import Office
from .error_dialogs import show_error
from .event_bus import EventBus

T = TypeVar("T")


class Failed:
    """What `run_op` returns when the call failed and its message was shown (falsy)."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "FAILED"


FAILED: Final = Failed()


def changes_in(result: object) -> Changes | None:
    """The `Changes` a service call returned: itself, the one in a tuple, or a report's `.changes`."""
    if isinstance(result, Changes):
        return result
    if isinstance(result, tuple):
        return next((part for part in result if isinstance(part, Changes)), None)
    found = getattr(result, "changes", None)
    return found if isinstance(found, Changes) else None


def run_op(parent: QWidget | None, title: str, call: Callable[[], T], bus: EventBus | None = None, *,
           initiator: object = None, failure: Callable[[Exception], bool] | None = None,
           message: Callable[[Exception], str] = str, disk: bool = False) -> T | Failed:
    """Run `call` now; on `UserFacingError` show it (unless `failure` showed it) and return `FAILED`.
    `disk=True`: the call writes or reads a file the user chose, so an `OSError` is told the same way."""
    try:
        result = call()
    except (UserFacingError, OSError) as error:
        if isinstance(error, OSError) and not disk:
            raise
        report_failure(parent, title, error, failure, message)
        return FAILED
    publish(bus, result, initiator)
    return result


def shown_in(show: Callable[[str], object]) -> Callable[[Exception], bool]:
    """A `failure=` that puts the message in a label or status line instead of a box."""

    def handle(error: Exception) -> bool:
        show(str(error))
        return True

    return handle


def quietly(call: Callable[[], T], default: T) -> T:
    """A read whose failure is expected and needs no message (the record was deleted meanwhile)."""
    try:
        return call()
    except UserFacingError:
        return default


def at_fields(show: Callable[[ValidationError], object]) -> Callable[[Exception], bool]:
    """A `failure=` that shows a `ValidationError` at the form's fields; other errors get the message."""

    def handle(error: Exception) -> bool:
        if isinstance(error, ValidationError):
            show(error)
            return True
        return False

    return handle


def report_failure(parent: QWidget | None, title: str, error: Exception,
                   failure: Callable[[Exception], bool] | None = None,
                   message: Callable[[Exception], str] = str) -> None:
    if failure is None or not failure(error):
        show_error(parent, title, message(error))


def publish(bus: EventBus | None, result: object, initiator: object = None) -> None:
    changes = changes_in(result)
    if bus is not None and changes is not None:
        bus.publish(changes, initiator=initiator)


def on_own_connection(database: Path, work: Callable[[Office], T]) -> Callable[[], T]:
    """A job for a worker: `work(office)` over its own connection to the file (the window's stays the
    GUI thread's), closed when done."""
    from .progress_task import run_on_own_connection

    return run_on_own_connection(database, work)


def run_op_in_background(parent: QWidget, title: str, call: Callable[[], T], done: Callable[[T], None],
                         bus: EventBus | None = None, *, progress: tuple[str, str] | None = None,
                         initiator: object = None, failure: Callable[[Exception], bool] | None = None,
                         message: Callable[[Exception], str] = str, disk: bool = False) -> None:
    """Run `call` on a worker (with `on_own_connection` when it uses the database), behind a busy
    dialog when `progress` gives its (title, text); then, back on the GUI thread, publish its `Changes`
    and call `done(result)`. A `UserFacingError` (and with `disk=True` an `OSError`) is shown as the
    standard message titled `title`; anything else goes to the crash dialog."""
    from .progress_task import run_with_progress
    from .workers import run_in_background

    def finished(result: Any) -> None:
        publish(bus, result, initiator)
        done(result)

    def went_wrong(error: BaseException) -> None:
        if not isinstance(error, UserFacingError) and not (disk and isinstance(error, OSError)):
            raise error  # a bug: the excepthook shows the crash dialog
        report_failure(parent, title, error, failure, message)

    if progress is None:
        run_in_background(call, finished, went_wrong)
    else:
        run_with_progress(parent, progress[0], progress[1], call, finished, went_wrong)
