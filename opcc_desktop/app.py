"""The composition root: parse the command line, set up logging, then run a command or the window."""

from __future__ import annotations

import logging
import platform
import sys
import time

from . import __version__
from .cli import build_parser, run_command
from .logging_setup import ensure_std_streams, setup_logging
from .paths import data_dir, default_database_path, log_dir
from .resources import is_frozen

log = logging.getLogger(__name__)


def _log_start(command: str | None) -> None:
    log.info("OPCC Desktop %s %s (frozen build: %s, Python %s, %s), data folder %s", __version__,
             command or "window", is_frozen(), platform.python_version(), platform.platform(), data_dir())


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    # A windowed build has no stdout/stderr: their text (even argparse's errors) goes to the log file.
    windowed = ensure_std_streams()
    log_file = setup_logging(log_dir(), console=False) if windowed else None
    args = build_parser().parse_args(argv)
    if not windowed:
        log_file = setup_logging(log_dir(), console=not args.command)
    _log_start(args.command)
    if args.command == "smoke":
        from .ui.smoke import run_smoke  # Qt is imported only when the window is wanted

        return run_smoke(args.db, today=args.today, timeout_s=args.timeout, offscreen=args.offscreen,
                         started=started)
    if args.command:
        return run_command(args)
    from .ui.application import run_gui  # Qt is imported only when the window is wanted

    return run_gui(args.db or default_database_path(), log_file=log_file)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
