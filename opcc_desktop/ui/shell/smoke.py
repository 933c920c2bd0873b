"""`opcc-desktop smoke [--db FILE]`: open the real main window, wait until it has loaded, report the time.

IT runs it after installing (with the console executable `opcc-desktop-cli.exe smoke`), and the
packaging test runs it inside the frozen build. It proves that Qt and its platform plugin load, that
the database opens and migrates, that the dashboard and the inspections list fill from SQLite, and
that the bundled resources (demonstration data, letter fonts) are found and a letter renders.

Without `--db` it works on a throwaway database filled with the demonstration office, so it never
creates or changes anybody's data. Exit 0 when everything loaded; 1 with the reason on stderr.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 60.0
POLL_MS = 20


class SmokeFailure(Exception):
    """A step of the smoke test did not succeed; the message says which and why."""


@dataclass
class SmokeReport:
    """The smoke test's findings, printed as they happen (a watcher can time "window ready" itself)."""

    database: str
    out: TextIO | None = None
    steps: list[tuple[str, float]] = field(default_factory=list)
    inspections: int = 0
    open_s55: int = 0
    memory: list[tuple[str, float]] = field(default_factory=list)

    def __post_init__(self) -> None:
        _write(self.out, f"database: {self.database}")

    def step(self, name: str, seconds: float) -> None:
        self.steps.append((name, seconds))
        _write(self.out, f"{name}: {seconds:.2f} s")

    def peak_memory(self, name: str) -> None:
        mb = peak_memory_mb()
        if mb is not None:
            self.memory.append((name, mb))
            _write(self.out, f"{name}: {mb:.1f} MB")

    def summary(self) -> str:
        return f"loaded {self.inspections} inspection(s), {self.open_s55} open s.55 response(s)"


def _write(stream: TextIO | None, text: str) -> None:
    """Print if there is a console (a windowed build has `sys.stdout`/`sys.stderr` = None)."""
    if stream is None:
        log.info("%s", text)
        return
    print(text, file=stream, flush=True)


def use_offscreen_if_headless(force: bool = False) -> None:
    """Choose Qt's offscreen platform when asked, or on Linux with no display to connect to."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if force or headless:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Process Qt events until `condition()` holds; SmokeFailure after `timeout_s` seconds."""
    from PySide6.QtCore import QEventLoop, QThread
    from PySide6.QtWidgets import QApplication

    deadline = time.perf_counter() + timeout_s
    while not condition():
        if time.perf_counter() > deadline:
            raise SmokeFailure(f"{what} did not finish within {timeout_s:g} s")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, POLL_MS)
        QThread.msleep(1)


def peak_memory_mb() -> float | None:
    """This process's peak resident memory so far (Linux: VmHWM), or None where it cannot be read."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _check_dashboard(window, office, today: date, timeout_s: float, report: SmokeReport) -> None:
    """The dashboard filled from SQLite and painted (the start-up figure IT and the benchmark read)."""
    expected_due = len(office.due(today, within_days=None))
    wait_until(lambda: len(window.dashboard.items()) == expected_due, timeout_s, "loading the dashboard")
    if not window.isVisible():
        raise SmokeFailure("the main window is not visible")
    window.grab()  # one real paint of the whole window
    report.open_s55 = expected_due


def _check_inspections_list(window, office, timeout_s: float, report: SmokeReport) -> None:
    from ...services.inspections import SummaryQuery
    from .main_window import INSPECTIONS
    from ..inspections.inspections_model import BATCH_SIZE

    expected_total = office.inspections.count(SummaryQuery())
    window.show_page(INSPECTIONS)
    wait_until(lambda: window.inspections.model.rowCount() == min(expected_total, BATCH_SIZE), timeout_s,
               "loading the inspections list")
    window.grab()
    report.inspections = expected_total


def _check_letter(office, today: date, folder: Path) -> None:
    """Render the first inspection's letter (ReportLab and the bundled fonts) and read it with QtPdf."""
    from PySide6.QtPdf import QPdfDocument

    from ...services.inspections import SummaryQuery

    first = office.inspections.summaries(SummaryQuery(), limit=1, offset=0)
    if not first:
        return
    out = folder / "smoke-letter.pdf"
    office.write_letter(office.letter(first[0].id, today), out)
    document = QPdfDocument()
    try:
        if document.load(str(out)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            raise SmokeFailure(f"the letter PDF could not be read back ({document.status()})")
    finally:
        document.close()


def _run(db: Path | None, today: date, timeout_s: float, folder: Path, started: float,
         out: TextIO | None) -> SmokeReport:
    from ...errors import UserFacingError
    from ...services.office import Office
    from .application import build_main_window, create_application
    from ..common.workers import wait_for_background_work

    app = create_application()
    report = SmokeReport(str(db) if db else "temporary demonstration office", out)
    try:
        if db is not None:
            if not db.is_file():
                raise SmokeFailure(f"the database file {db} does not exist")
            office = Office.open(db)
        else:
            office = Office.open(folder / "smoke.sqlite3")
            office.load_demo(today)
    except UserFacingError as exc:
        raise SmokeFailure(f"cannot open the database: {exc}") from exc
    try:
        window = build_main_window(office, lambda: today)
        window.show()
        _check_dashboard(window, office, today, timeout_s, report)
        report.step("window ready (from start of main)", time.perf_counter() - started)
        gc.enable()  # as the window does once painted (off during start-up: see app.main)
        report.peak_memory("peak memory at window ready")
        list_started = time.perf_counter()
        _check_inspections_list(window, office, timeout_s, report)
        report.step("inspections list shown", time.perf_counter() - list_started)
        report.peak_memory("peak memory with the list shown")
        letter_started = time.perf_counter()
        _check_letter(office, today, folder)
        report.step("letter rendered", time.perf_counter() - letter_started)
        window.hide()  # not close(): the smoke test must not overwrite the user's saved window layout
        window.dashboard.stop_pending()
        wait_for_background_work()
        window.deleteLater()
        app.processEvents()
    finally:
        office.close()
    return report


def run_smoke(
    db: Path | None,
    *,
    today: date | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    offscreen: bool = False,
    started: float | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the smoke test; 0 and the timings on stdout, or 1 and the reason on stderr.

    `started` is the `time.perf_counter()` reading the "window ready" time counts from (default: now);
    `app.main` passes the moment the program's `main` began.
    """
    started = time.perf_counter() if started is None else started
    out = out if out is not None else sys.stdout
    err = err if err is not None else sys.stderr
    use_offscreen_if_headless(offscreen)
    try:
        with tempfile.TemporaryDirectory(prefix="opcc-smoke-") as folder:
            report = _run(db, today or date.today(), timeout_s, Path(folder), started, out)
    except SmokeFailure as exc:
        log.error("smoke test failed: %s", exc)
        _write(err, f"opcc-desktop: smoke test FAILED: {exc}")
        return 1
    except Exception as exc:
        log.exception("smoke test failed")
        _write(err, f"opcc-desktop: smoke test FAILED: {type(exc).__name__}: {exc}")
        return 1
    _write(out, report.summary())
    _write(out, "smoke test passed")
    return 0
