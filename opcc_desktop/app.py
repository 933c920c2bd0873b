"""The composition root: parse the command line, set up logging, then run a command or the window."""

from __future__ import annotations

import sys
import time

from .cli import build_parser, run_command
from .logging_setup import setup_logging
from .paths import default_database_path, log_dir


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "smoke":
        setup_logging(log_dir(), console=False)
        from .ui.smoke import run_smoke  # Qt is imported only when the window is wanted

        return run_smoke(args.db, today=args.today, timeout_s=args.timeout, offscreen=args.offscreen,
                         started=started)
    if args.command:
        setup_logging(log_dir(), console=False)
        return run_command(args)
    log_file = setup_logging(log_dir())
    from .ui.application import run_gui  # Qt is imported only when the window is wanted

    return run_gui(args.db or default_database_path(), log_file=log_file)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
