"""The second process of the crash test: reads and writes the same file while the writer is killed.

Run as `python -m tests.crash.partner DB STOPFILE`. It saves its own records (`SIDE-N`, printing
`saved ID N` after each save returns), and between saves reads as the window and the commands do
(the deadlines, a search, the inspections list), until STOPFILE exists. Every error is printed as
`error ...` and ends it: the test fails on any.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from opcc_desktop.services.office import Office
from tests.crash.writer import record_for


def side_record(n: int):
    return replace(record_for(n), reference=f"SIDE-{n}", title=f"Side record {n}")


def main(argv: list[str]) -> None:
    path, stop = argv[0], Path(argv[1])
    office = Office.open(path)
    print("ready", flush=True)
    n = 0
    try:
        while not stop.exists():
            new_id, _ = office.inspections.save(side_record(n))
            print(f"saved {new_id} {n}", flush=True)
            n += 1
            office.due(date(2026, 11, 22))
            office.search("Crash-test")
            office.inspections.count()
            time.sleep(0.005)  # a person or a scheduled command, not a tight loop starving the writer
    except Exception as exc:  # noqa: BLE001 - reported to the test
        print(f"error {type(exc).__name__}: {exc}", flush=True)
    finally:
        office.close()
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
