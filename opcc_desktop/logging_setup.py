"""Logging that survives a windowed build: a rotating file in the data folder, console only if present.

A windowed (no console) Windows executable starts with `sys.stdout` and `sys.stderr` set to None.
`ensure_std_streams()` replaces them with streams that write into the log, so nothing (argparse,
warnings, a library's `sys.stderr.write`, the smoke test's output) fails or vanishes.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from typing import IO
from pathlib import Path

LOG_FILENAME = "opcc-desktop.log"
ROTATE_AT_BYTES = 1_000_000
KEEP_OLD_LOGS = 5
FALLBACK_DIR_NAME = "opcc-desktop-logs"


class LogStream(io.TextIOBase):
    """A text stream whose lines go to a logger: stands in for a missing stdout/stderr."""

    def __init__(self, logger: logging.Logger, level: int):
        super().__init__()
        self.logger = logger
        self.level = level
        self._pending = ""
        self._busy = False  # a logger with no handler writes to sys.stderr, i.e. back here: drop that

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self._busy:
            return len(text)
        self._busy = True
        try:
            self._pending += text
            *lines, self._pending = self._pending.split("\n")
            for line in lines:
                if line.strip():
                    self.logger.log(self.level, "%s", line.rstrip())
        finally:
            self._busy = False
        return len(text)

    def flush(self) -> None:
        if self._pending.strip():
            self.logger.log(self.level, "%s", self._pending.rstrip())
        self._pending = ""


def has_console() -> bool:
    """True when stderr is a real stream (not missing, not one of our log stand-ins)."""
    return sys.stderr is not None and not isinstance(sys.stderr, LogStream)


def ensure_std_streams() -> bool:
    """Replace a None `sys.stdout`/`sys.stderr` (windowed build) with log streams; True if any was."""
    replaced = False
    if sys.stdout is None:
        sys.stdout = LogStream(logging.getLogger("opcc_desktop.stdout"), logging.INFO)
        replaced = True
    if sys.stderr is None:
        sys.stderr = LogStream(logging.getLogger("opcc_desktop.stderr"), logging.WARNING)
        replaced = True
    return replaced


def rotate_if_large(log_file: Path) -> None:
    """At start-up, a log over 1 MB becomes `.log.1` (older ones shift up to `.log.5`, the oldest is
    dropped). Rotating once per start, not mid-session, keeps logging.handlers (and the socket and
    pickle modules it imports) out of every start-up."""
    try:
        if log_file.stat().st_size < ROTATE_AT_BYTES:
            return
        for number in range(KEEP_OLD_LOGS - 1, 0, -1):
            older = log_file.with_name(f"{log_file.name}.{number}")
            if older.exists():
                os.replace(older, log_file.with_name(f"{log_file.name}.{number + 1}"))
        os.replace(log_file, log_file.with_name(f"{log_file.name}.1"))
    except OSError:
        pass  # no log yet, or another copy holds it open (Windows): keep appending


def _file_handler(log_directory: Path, formatter: logging.Formatter) -> tuple[logging.Handler, Path] | None:
    log_file = log_directory / LOG_FILENAME
    try:
        log_directory.mkdir(parents=True, exist_ok=True)
        rotate_if_large(log_file)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(formatter)
    return handler, log_file


def _fallback_directory() -> Path:
    import tempfile

    return Path(tempfile.gettempdir()) / FALLBACK_DIR_NAME


_fault_file: IO[str] | None = None  # kept open for the life of the process


def enable_crash_traces(log_file: Path) -> bool:
    """A hard crash (Qt, a printer driver, a segfault in an extension) writes every thread's Python stack
    into the log: a windowed build has no stderr, so without this such a crash leaves nothing behind."""
    global _fault_file
    import faulthandler

    try:
        handle = open(log_file, "a", encoding="utf-8")  # noqa: SIM115 - must outlive this function
        faulthandler.enable(file=handle, all_threads=True)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    if _fault_file is not None:
        _fault_file.close()
    _fault_file = handle
    return True


def setup_logging(log_directory: Path, *, console: bool = True) -> Path | None:
    """Log to `log_directory/opcc-desktop.log` (rotated), or to a temporary folder if that is unwritable.

    Returns the log file, or None if no file could be opened at all. A console handler (warnings
    and worse) is added only when asked and a real console exists.
    """
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    opened = _file_handler(log_directory, formatter) or _file_handler(_fallback_directory(), formatter)
    log_file = None
    if opened:
        handler, log_file = opened
        root.addHandler(handler)
        enable_crash_traces(log_file)
    if console and has_console():
        stream = logging.StreamHandler(sys.stderr)
        stream.setLevel(logging.WARNING)
        stream.setFormatter(formatter)
        root.addHandler(stream)
    if not root.handlers:
        root.addHandler(logging.NullHandler())  # never fall back to logging's last-resort stderr writer
    return log_file
