"""A process that takes the writer's lock (as a window or `import` would) and reports what happened.

    python lock_holder.py DB [--hold SECONDS] [--start-at EPOCH] [--user NAME]

Prints "got" (then holds the lock) or "refused: <message>". Used by tests/concurrency."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import datetime
from pathlib import Path
from dataclasses import replace

from opcc_desktop.instance_lock import DatabaseInUseError, WriterLock, current_owner


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", type=Path)
    parser.add_argument("--hold", type=float, default=0.0)
    parser.add_argument("--start-at", type=float, default=0.0)
    parser.add_argument("--user", default="")
    args = parser.parse_args()
    owner = current_owner(datetime(2026, 11, 22, 9, 5))
    if args.user:
        owner = replace(owner, user=args.user)
    while time.time() < args.start_at:  # every starter leaves the same instant
        pass
    try:
        lock = WriterLock.acquire(args.db, owner)
    except DatabaseInUseError as exc:
        print(f"refused: {exc}", flush=True)
        return 1
    print("got", flush=True)
    time.sleep(args.hold)
    lock.release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
