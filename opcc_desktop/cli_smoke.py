"""The `smoke` command's arguments. It opens the window, so `app.py` runs it (`ui/smoke.py`), not `cli.py`."""

from __future__ import annotations

import argparse


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the timeout must be more than 0 seconds")
    return value


def add_smoke_parser(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    from .cli import _iso_date

    p_smoke = sub.add_parser(
        "smoke", parents=[common],
        help="open the main window, wait until it has loaded, print how long that took (for IT and tests)",
        description="Open the main window, wait until the dashboard and the inspections list have loaded, "
        "render one letter, print the times and exit 0; exit 1 with the reason on any failure. Without "
        "--db it uses a temporary demonstration office and changes no data.",
    )
    p_smoke.add_argument("--today", type=_iso_date, default=None, metavar="YYYY-MM-DD")
    p_smoke.add_argument("--timeout", type=_seconds, default=60.0, metavar="SECONDS",
                         help="give up after this long (default 60)")
    p_smoke.add_argument("--offscreen", action="store_true",
                         help="draw without a display (QT_QPA_PLATFORM=offscreen); automatic on Linux with no display")
