"""Crash-test writer: saves inspections with findings through the services in a loop, forever.

Run as `python -m tests.crash.writer DB START`. After each save *returns* it prints `saved ID N`;
record N's content is a pure function of N (see `record_for`), so the test can check exactly
what every reported record must contain after the process has been killed at a random moment.
"""

from __future__ import annotations

import sys
from datetime import date

from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.services.office import Office


def record_for(n: int) -> Inspection:
    return Inspection(
        reference=f"CRASH-{n}",
        title=f"Crash-test inspection {n} – Welsh ŵ ŷ, <b>markup</b> & emoji 🚓",
        type="Regional serious and organised crime (PEEL)",
        published=date(2020, 1, 1 + n % 28),
        forces=("Cumbria", "Lancashire")[: 1 + n % 2],
        key_findings="x" * (n % 5000),
        findings=tuple(
            Finding(kind="area for improvement", reference=f"{n}.{k}", text=f"Finding {k} of record {n}")
            for k in range(1 + n % 4)
        ),
    )


def main(argv: list[str]) -> None:
    path, start = argv[0], int(argv[1])
    office = Office.open(path)
    print("ready", flush=True)
    n = start
    while True:
        new_id, _ = office.inspections.save(record_for(n))
        print(f"saved {new_id} {n}", flush=True)
        n += 1


if __name__ == "__main__":
    main(sys.argv[1:])
