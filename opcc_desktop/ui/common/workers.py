"""Run slow, database-free work (PDF rendering) on a thread pool; results arrive on the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_in_flight: set[_Relay] = set()  # keeps each relay alive until its callback has run


class _Relay(QObject):
    """Lives in the GUI thread; the worker emits, Qt queues the call to the GUI thread."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, on_done: Callable[[Any], object], on_error: Callable[[BaseException], object] | None):
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self.succeeded.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        _in_flight.discard(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        _in_flight.discard(self)
        if self._on_error is None:
            log.error("Background task failed", exc_info=error)
        else:
            self._on_error(error)


def _execute(fn: Callable[[], Any], relay: _Relay) -> None:
    """Runs on a pool thread: touch no widgets and no database here."""
    try:
        result = fn()
    except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread
        _emit(relay.failed, exc)
    else:
        _emit(relay.succeeded, result)


def _emit(signal, value: Any) -> None:
    try:
        signal.emit(value)
    except RuntimeError:  # the application is shutting down and the relay is gone: nobody to tell
        log.info("A background task finished after the window closed; its result was dropped")


def wait_for_background_work(timeout_ms: int = 30_000) -> bool:
    """At exit: let started tasks finish (a worker may hold its own database connection)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run_in_background(
    fn: Callable[[], Any],
    on_done: Callable[[Any], object],
    on_error: Callable[[BaseException], object] | None = None,
    *,
    pool: QThreadPool | None = None,
) -> None:
    """Call `fn()` on a pool thread, then `on_done(result)` or `on_error(exception)` on the GUI thread.

    Must be called from the GUI thread. `fn` must not touch widgets or the (thread-bound) database.
    """
    relay = _Relay(on_done, on_error)
    _in_flight.add(relay)
    (pool or QThreadPool.globalInstance()).start(lambda: _execute(fn, relay))


def pending_tasks() -> int:
    """How many started tasks have not yet delivered (for tests and for a clean shutdown)."""
    return len(_in_flight)
