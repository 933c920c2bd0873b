"""The composition root: parse the command line, set up logging, then run a command or the window."""

from __future__ import annotations

import gc
import logging
import sys
import time

from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from . import __version__
from .logging_setup import ensure_std_streams, setup_logging
from .paths import data_dir, default_database_path, log_dir
from .resources import is_frozen

if TYPE_CHECKING:
    import argparse

log = logging.getLogger(__name__)


def _log_start(command: str | None) -> None:
    # sys.platform, not platform.platform(): that reads the C library's version (7 ms of every start);
    # an error report carries the full platform string.
    log.info("OPCC Desktop %s %s (frozen build: %s, Python %s, %s), data folder %s", __version__,
             command or "window", is_frozen(), sys.version.split()[0], sys.platform, data_dir())


def _import_before_qt() -> None:
    """The window's non-Qt modules, imported before PySide6: once it is loaded, PySide6 reads the
    source of every module imported after it (looking for `__feature__`), ~0.2 ms each at start-up."""
    from . import instance_lock  # noqa: F401
    from .services import office  # noqa: F401


def window_only_arguments(argv: list[str]) -> SimpleNamespace | None:
    """`[--db FILE]` alone (how the window is started) parsed without building the whole command line
    and importing every command's module; anything else (a command, --help, a mistake) → None."""
    if not argv:
        return SimpleNamespace(command=None, db=None)
    if len(argv) == 2 and argv[0] == "--db" and argv[1] and not argv[1].startswith("-"):
        return SimpleNamespace(command=None, db=Path(argv[1]))
    if len(argv) == 1 and argv[0].startswith("--db=") and len(argv[0]) > len("--db="):
        return SimpleNamespace(command=None, db=Path(argv[0][len("--db="):]))
    return None


def parse_arguments(argv: list[str] | None) -> argparse.Namespace | SimpleNamespace:
    arguments = sys.argv[1:] if argv is None else list(argv)
    window = window_only_arguments(arguments)
    if window is not None:
        return window
    from .cli import build_parser

    return build_parser().parse_args(arguments)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    # Start-up allocates a great deal (Qt's enums, every module) and frees almost nothing, so the cyclic
    # garbage collector only costs time here (~20 ms of a start). It is switched back on once the
    # window has painted (ui/application.py, ui/smoke.py), before a command runs, and at the latest
    # when main returns.
    gc.disable()
    try:
        return _main(argv, started)
    finally:
        gc.enable()


def _main(argv: list[str] | None, started: float) -> int:
    # A windowed build has no stdout/stderr: their text (even argparse's errors) goes to the log file.
    windowed = ensure_std_streams()
    log_file = setup_logging(log_dir(), console=False) if windowed else None
    args = parse_arguments(argv)
    if not windowed:
        log_file = setup_logging(log_dir(), console=not args.command)
    _log_start(args.command)
    if args.command == "smoke":
        from .ui.shell.smoke import run_smoke  # Qt is imported only when the window is wanted

        return run_smoke(args.db, today=args.today, timeout_s=args.timeout, offscreen=args.offscreen,
                         started=started)
    if args.command:
        from .cli import run_command

        gc.enable()
        return run_command(cast("argparse.Namespace", args))  # only the full command line gives a command
    _import_before_qt()
    from .ui.shell.application import run_gui  # Qt is imported only when the window is wanted

    return run_gui(args.db or default_database_path(), log_file=log_file)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
