"""How long the GUI thread waits on a write, each kind of write the window makes through the operation
runner (`run_op`), on the generated office: `python -m bench.measure_writes [--scale 10] [--repeat N]`.

Each write runs as the window runs it, on the GUI thread (long whole-office work, import, export,
backup and restore, runs on a worker and is not counted here). Prints the median and the slowest of
`repeat` runs per kind, and whether the slowest stays within 50 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed, as the docstring promises

TODAY = date(2026, 11, 22)
LIMIT_MS = 50.0


def timed(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    action()  # warm-up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def measure_writes(database: Path, repeat: int) -> dict[str, tuple[float, float]]:
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication, QWidget

    from opcc_desktop.domain.tracker import StatusChange
    from opcc_desktop.services.office import Office
    from opcc_desktop.ui.common.event_bus import EventBus
    from opcc_desktop.ui.common.operations import run_op
    from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor

    QApplication.instance() or QApplication([])
    office = Office.open(database)
    bus, parent = EventBus(), QWidget()
    busiest = max(office.inspections.summaries(limit=200), key=lambda s: s.finding_count)
    editor = InspectionEditor(office, bus, lambda: TODAY)
    editor.load(busiest.id)
    counter = iter(range(10**9))
    found: dict[str, tuple[float, float]] = {}

    def save_inspection() -> None:  # Ctrl+S in the editor: validate, write, show the saved record
        editor.view.comments_edit.setPlainText(f"Commissioner's comments, revision {next(counter)}")
        if not editor.save():
            raise RuntimeError("the benchmark's edit did not save")

    found["save an inspection (editor, busiest report)"] = timed(save_inspection, repeat)
    stored = office.inspections.get(busiest.id)

    def write_inspection() -> None:  # the write alone: the rest of the editor's save is reading it back
        nonlocal stored
        candidate = replace(stored, pcc_comments=f"Commissioner's comments, revision {next(counter)}")
        run_op(parent, "Save inspection", lambda: office.inspections.save(candidate), bus)
        stored = office.inspections.get(busiest.id)

    found["  of which the write and re-read alone"] = timed(write_inspection, repeat)
    finding = office.inspections.get(busiest.id).findings[0]
    statuses = ["Open – in progress", "Open – not started"]

    def change_status() -> None:
        status = statuses[next(counter) % 2]
        run_op(parent, "Change status", lambda: office.tracker.change_status(finding.id, StatusChange(  # type: ignore[arg-type]
            new_status=status, changed_on=TODAY, author="Bench", narrative="Progress seen at the meeting")), bus)

    found["change a finding's status"] = timed(change_status, repeat)
    things = office.reminders.current(TODAY, include_silenced=True)

    def acknowledge() -> None:
        thing = things[next(counter) % len(things)].thing
        run_op(parent, "Acknowledge", lambda: office.reminders.acknowledge(thing, TODAY), bus)
        run_op(parent, "Restore", lambda: office.reminders.restore(thing), bus)

    if things:
        found["acknowledge and restore a reminder"] = timed(acknowledge, repeat)
    workflow = office.s55_workflow.get(busiest.id)

    def save_checklist() -> None:
        day = TODAY - timedelta(days=next(counter) % 30)
        current = office.s55_workflow.get(busiest.id)
        run_op(parent, "Save checklist", lambda: office.s55_workflow.save(
            busiest.id, replace(workflow, cc_invited_on=day), expected=current), bus)

    found["save an s.55 checklist"] = timed(save_checklist, repeat)
    meetings = [m for b in office.boards.boards() for m in office.boards.meetings(b.id or 0)]
    if meetings:
        meeting = office.boards.get_meeting(meetings[0].id)

        def save_meeting() -> None:
            run_op(parent, "Save meeting", lambda: office.boards.save_meeting(
                replace(meeting, venue=f"Room {next(counter)}")), bus)

        found["save a board meeting with its agenda"] = timed(save_meeting, repeat)
    editor.close()
    office.close()
    return found


def main(argv: list[str] | None = None) -> int:
    from .generate import counts, office_document

    parser = argparse.ArgumentParser(prog="python -m bench.measure_writes", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args(argv)
    from opcc_desktop.services.office import Office

    folder = Path(tempfile.mkdtemp(prefix="opcc-bench-writes-"))
    document = office_document(args.scale)
    source = folder / "office.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    database = folder / "bench.sqlite3"
    office = Office.open(database)
    office.import_json(source)
    office.close()
    print(f"Scale {args.scale:g}: " + ", ".join(f"{v:,} {k}" for k, v in counts(document).items()))
    print("| write (GUI thread, through the runner) | median | slowest | ≤ 50 ms |\n|---|---|---|---|")
    worst = 0.0
    for name, (median, slowest) in measure_writes(database, args.repeat).items():
        worst = max(worst, slowest)
        print(f"| {name} | {median:.1f} ms | {slowest:.1f} ms | {'ok' if slowest <= LIMIT_MS else 'MISSED'} |")
    return 0 if worst <= LIMIT_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
