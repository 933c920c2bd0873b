"""`sys.excepthook` for the window: log, then show the unexpected-error dialog instead of vanishing.

Kept apart from `error_dialogs` so that installing it at start-up loads no dialog code (and no
QMessageBox): that is imported the first time something actually goes wrong.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

log = logging.getLogger(__name__)


class _ExceptHook:
    def __init__(self, log_file: Path | None):
        self.log_file = log_file
        self.showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("Unhandled exception", exc_info=(exc_type, exc, tb))
        from PySide6.QtWidgets import QApplication

        if self.showing or QApplication.instance() is None:
            return  # an error while reporting an error: the log has it
        self.showing = True
        try:
            from .error_dialogs import show_unexpected_error

            show_unexpected_error(QApplication.activeWindow(), exc, tb, self.log_file)
        except Exception:  # pragma: no cover - last resort
            log.exception("Could not show the error dialog")
        finally:
            self.showing = False


def install_excepthook(log_file: Path | None) -> None:
    sys.excepthook = _ExceptHook(log_file)
