"""One of two processes working on the same database file at once (tests/concurrency).

    python -m tests.concurrency.actor ROLE DB SECONDS FILES_DIR

Roles: `window` (holds the writer's lock like the window, saves one inspection over and over and,
between saves, opens and closes a second `Office` on the same file as the window's import, export,
progress report and reminder check do), `import`, `export`, `due`, `backup`, `restore` (the command
line, in a loop). Prints one JSON line: the role, how many operations succeeded, how many were
refused in plain words, every other error, and (for `window`) the number of the last save reported.
"""

from __future__ import annotations

import io
import json
import sys
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from opcc_desktop.cli import build_parser, run_command

TODAY = date(2026, 11, 22)
REFUSALS = ("This database is open", "is being changed", "another program is holding")


def _open_window(db: Path):
    """As the window starts: the writer's lock for as long as it is open, then the office."""
    from opcc_desktop.instance_lock import DatabaseInUseError, WriterLock, current_owner
    from opcc_desktop.services.office import Office

    try:
        lock = WriterLock.acquire(db, current_owner(datetime.now()))
    except DatabaseInUseError:  # a second window: told who has the file, as the real one is
        return None
    return lock, Office.open(db)


def _window(db: Path, until: float, opened) -> dict:
    from opcc_desktop.services.office import Office

    if opened is None:
        return {"ok": 0, "refused": 1, "errors": [], "last": 0, "reference": ""}
    lock, office = opened
    ok, errors, last = 0, [], 0
    reference = next(i.reference for i in office.inspections.all() if i.reference)
    try:
        while ok == 0 or time.time() < until:  # at least once, however slow the machine
            inspection = office.inspections.find(reference)
            try:
                office.inspections.save(replace(inspection, pcc_comments=f"window save {ok + 1}"))
            except Exception as exc:  # noqa: BLE001 - reported to the test
                errors.append(f"{type(exc).__name__}: {exc}")
                break
            ok += 1
            last = ok
            helper = Office.open(db)  # the window's second connection (worker pattern)
            helper.due(TODAY)
            helper.close()
    finally:
        office.close()
        lock.release()
    return {"ok": ok, "refused": 0, "errors": errors, "last": last, "reference": reference}


def _command(role: str, db: Path, files: Path) -> list[str]:
    return {
        "import": ["--db", str(db), "import", str(files / "office.json")],
        "export": ["--db", str(db), "export", str(files / f"export-{time.time_ns()}.json")],
        "due": ["--db", str(db), "due", "--today", TODAY.isoformat()],
        "backup": ["--db", str(db), "backup", str(files / "backups")],
        "restore": ["--db", str(db), "restore", str(files / "known-good.sqlite3")],
    }[role]


def _cli(role: str, db: Path, until: float, files: Path) -> dict:
    ok, refused, errors = 0, 0, []
    while ok + refused == 0 or time.time() < until:  # at least once, however slow the machine
        out, err = io.StringIO(), io.StringIO()
        code = run_command(build_parser().parse_args(_command(role, db, files)), out, err)
        if code == 0:
            ok += 1
        elif any(r in err.getvalue() for r in REFUSALS):
            refused += 1
            time.sleep(0.01)
        else:
            errors.append(err.getvalue().strip())
            if len(errors) > 3:
                break
    return {"ok": ok, "refused": refused, "errors": errors}


def main(argv: list[str]) -> None:
    role, db, seconds, files = argv[0], Path(argv[1]), float(argv[2]), Path(argv[3])
    opened = _open_window(db) if role == "window" else None
    print("ready", flush=True)
    start_at = float(sys.stdin.readline())  # both partners start at the same instant
    while time.time() < start_at:
        time.sleep(0.001)
    until = start_at + seconds
    result = _window(db, until, opened) if role == "window" else _cli(role, db, until, files)
    print(json.dumps({"role": role, **result}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
