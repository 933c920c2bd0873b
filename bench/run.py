"""`python -m bench [--scale 1 10] [--repeat N] [--results FILE]`: measure the app against its floors.

For each scale: generate the office (bench/generate.py), then measure in this process (offscreen Qt):
JSON import and export of the whole database, opening the inspections list and filtering it (against
the same SQL replayed on a bare connection), full-text search when it exists, opening an inspection in
the real form and saving a finding, a letter with a 60-finding appendix (against bare ReportLab with
the same text). Then in fresh child processes, each timed from its start to its "window ready" line:
the real window on that database (bench/window_start.py: `opcc-desktop --db FILE`, quit after the first
paint of the dashboard) and the `smoke` command, against a bare PySide6 window showing a table; peak
memory of each at that moment, and of the smoke process with the list shown and a letter rendered.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
from datetime import datetime, UTC
from pathlib import Path

from .floors import BARE_WINDOW_SCRIPT
from .generate import SECTIONS_NOT_YET_SUPPORTED, counts, office_document
from .timing import run_child

PEAK_AT = re.compile(r"^(peak memory [^:]*): ([0-9.]+) MB", re.MULTILINE)
COLD_RUNS = 7  # start-up figures are the median of this many fresh processes, app and floor interleaved


def _peaks(output: str) -> dict[str, float]:
    return {name: float(mb) for name, mb in PEAK_AT.findall(output)}


def _cold_starts(database: str, bare_script: Path, cold_runs: int = COLD_RUNS) -> dict[str, float]:
    """Fresh processes, timed from their start to their first "window ready" line: the bare window,
    the real window (bench/window_start.py runs `opcc-desktop --db FILE`) and the smoke command."""
    runs: dict[str, list] = {"bare": [], "window": [], "smoke": []}
    own_data = {"OPCC_DESKTOP_DATA_DIR": tempfile.mkdtemp(prefix="opcc-bench-data-")}  # logs, layout, backups
    for _ in range(cold_runs):
        runs["bare"].append(run_child([str(bare_script)]))
        runs["window"].append(run_child([str(Path(__file__).with_name("window_start.py")), database], own_data))
        runs["smoke"].append(run_child(["-m", "opcc_desktop", "--db", database, "smoke", "--offscreen"], own_data))
    median = statistics.median
    last = {name: found[-1] for name, found in runs.items()}
    return {
        "bare_ready_s": median(r.ready_s for r in runs["bare"]),
        "window_ready_s": median(r.ready_s for r in runs["window"]),
        "smoke_ready_s": median(r.ready_s for r in runs["smoke"]),
        "smoke_s": median(r.seconds for r in runs["smoke"]),
        "bare_s": median(r.seconds for r in runs["bare"]),
        "bare_peak_ready": median(_peaks(r.output)["peak memory at window ready"] for r in runs["bare"]),
        "window_peak_ready": median(_peaks(r.output)["peak memory at window ready"] for r in runs["window"]),
        "smoke_peak_list": median(_peaks(r.output)["peak memory with the list shown"] for r in runs["smoke"]),
        "smoke_peak": last["smoke"].peak_mb,
    }


def measure_scale(scale: float, repeat: int, cold_runs: int = COLD_RUNS) -> tuple[dict[str, int], list[tuple]]:
    from .measure_app import measure_all

    document = office_document(scale)
    sizes = counts(document)
    folder = Path(tempfile.mkdtemp(prefix="opcc-bench-doc-"))
    document_path = folder / "office.json"
    document_path.write_text(json.dumps(document), encoding="utf-8")
    app = measure_all(document_path, repeat)
    bare_script = folder / "bare_window.py"
    bare_script.write_text(BARE_WINDOW_SCRIPT, encoding="utf-8")
    cold = _cold_starts(str(app["database"]), bare_script, cold_runs)
    from .letter_command import REFERENCE, measure as measure_letter_command

    command = measure_letter_command(Path(str(app["database"])), REFERENCE, cold_runs)
    rows = [
        # (figure, app value, floor value, unit, target text, ratio limit, absolute limit)
        ("cold start to painted dashboard (window)", cold["window_ready_s"], cold["bare_ready_s"],
         "s", "≤ 1.5× bare window", 1.5, None),
        ("smoke command to painted dashboard", cold["smoke_ready_s"], cold["bare_ready_s"], "s", "(context)", None,
         None),
        ("whole smoke process (list, letter, QtPdf)", cold["smoke_s"], cold["bare_s"], "s", "(context)", None, None),
        ("open inspections list", app["list_open_ms"], None, "ms", "≤ 50 ms", None, 50),
        ("filter inspections (median)", app["filter_ms"], app["filter_raw_ms"], "ms", "≤ 50 ms and ≤ 2× raw SQL", 2, 50),
        ("open findings list", app["findings_open_ms"], None, "ms", "≤ 50 ms", None, 50),
        ("filter findings (median)", app["findings_filter_ms"], app["findings_filter_raw_ms"], "ms",
         "≤ 50 ms and ≤ 2× raw SQL", 2, 50),
        ("filter findings (slowest)", app["findings_filter_max_ms"], None, "ms", "(context)", None, None),
        ("full-text search (median)", app["search_ms"], app["search_raw_ms"], "ms", "≤ 50 ms and ≤ 2× raw SQL", 2, 50),
        ("open inspection form", app["form_open_ms"], None, "ms", "≤ 50 ms", None, 50),
        ("save a finding", app["finding_save_ms"], None, "ms", "≤ 50 ms", None, 50),
        (f"letter, {app['letter_findings']}-finding appendix", app["letter_ms"], app["letter_floor_ms"], "ms",
         "≤ 1.5× bare ReportLab", 1.5, None),
        ("letter against the earlier two-column floor", app["letter_ms"], app["letter_two_column_floor_ms"], "ms",
         "(context)", None, None),
        ("letter command, whole process, 60-finding appendix", command["letter_command_s"],
         command["letter_script_s"], "s", "≤ 1.3× bare ReportLab script, four faces", 1.3, None),
        ("import whole database (JSON)", app["import_s"], None, "s", "≤ 30 s at scale 10", None, 30),
        ("export whole database (JSON)", app["export_s"], None, "s", "(context)", None, None),
        (f"read a {int(app['report_pdf_pages'] or 0)}-page report PDF (propose)", app["report_pdf_s"], None, "s",
         "≤ 10 s (on a worker, with progress)", None, 10),
        ("peak memory at first paint (window)", cold["window_peak_ready"], cold["bare_peak_ready"], "MB",
         "≤ 1.5× bare window + data shown", 1.5, None),
        ("peak memory, inspections list shown (smoke)", cold["smoke_peak_list"], cold["bare_peak_ready"], "MB",
         "(context)", None, None),
        ("peak memory, whole smoke (letter + QtPdf)", cold["smoke_peak"], cold["bare_peak_ready"], "MB", "(context)",
         None, None),
    ]
    return sizes, rows


def _verdict(app: float | None, floor: float | None, ratio_limit: float | None, absolute: float | None) -> str:
    if app is None:
        return "n/a (not built yet)"
    if ratio_limit is None and absolute is None:
        return ""
    ok = True
    if ratio_limit is not None and floor:
        ok &= app <= ratio_limit * floor
    if absolute is not None:
        ok &= app <= absolute
    return "ok" if ok else "MISSED"


def format_table(scale: float, sizes: dict[str, int], rows: list[tuple]) -> str:
    lines = [f"### Scale {scale:g}: " + ", ".join(f"{v:,} {k}" for k, v in sizes.items()), "",
             "| Figure | App | Floor | Ratio | Target | Verdict |", "|---|---:|---:|---:|---|---|"]
    for name, app, floor, unit, target, ratio_limit, absolute in rows:
        shown = "n/a" if app is None else f"{app:.{1 if unit != 's' else 2}f} {unit}"
        floor_text = "" if floor is None else f"{floor:.{1 if unit != 's' else 2}f} {unit}"
        ratio = "" if app is None or not floor else f"{app / floor:.2f}×"
        lines.append(f"| {name} | {shown} | {floor_text} | {ratio} | {target} | "
                     f"{_verdict(app, floor, ratio_limit, absolute)} |")
    return "\n".join(lines)


def machine_line() -> str:
    from PySide6 import __version__ as pyside_version

    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    return (f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC · {platform.platform()} · {os.cpu_count()} cores · "
            f"Python {platform.python_version()} · PySide6 {pyside_version} · load average {load[0]:.2f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, nargs="+", default=[1.0, 10.0])
    parser.add_argument("--repeat", type=int, default=15, help="samples per median (default 15)")
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS,
                        help=f"fresh processes per start-up figure (median; default {COLD_RUNS})")
    parser.add_argument("--results", type=Path, help="also append the tables to this Markdown file")
    args = parser.parse_args(argv)
    report = [f"## Run of {machine_line()}", ""]
    print(report[0], flush=True)
    for scale in args.scale:
        sizes, rows = measure_scale(scale, args.repeat, args.cold_runs)
        table = format_table(scale, sizes, rows)
        print("\n" + table, flush=True)
        report += [table, ""]
    if SECTIONS_NOT_YET_SUPPORTED:
        note = "Not generated yet: " + "; ".join(SECTIONS_NOT_YET_SUPPORTED) + "."
        print("\n" + note)
        report.append(note)
    if args.results:
        with args.results.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join(report) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
