#!/usr/bin/env python3
"""Screenshots of every page and dialog on a screen of a given size and scaling, and a report of any
window larger than the screen's available area.

    python tools/ui_screenshots.py --width 1024 --height 768 --scale 1.25 --out /tmp/shots
    python tools/ui_screenshots.py --guide        # the user guide's pictures into resources/guide/

Runs on Qt's offscreen platform with a screen of that size (its `configfile` option); with `--scale`
the screen reports the matching DPI, so Qt scales exactly as Windows does at 125% or 150%. The office
is the demonstration one, in a temporary folder, with today fixed. Prints one JSON line per window:
{"name", "width", "height", "available": [w, h], "fits"}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 22)
GUIDE_SHOTS = {  # screenshot name → the guide's picture (taken at 1366×768, 100%)
    "page-dashboard": "dashboard.png", "page-inspection": "inspection.png", "page-findings": "findings.png",
    "page-boards": "boards.png", "page-meeting": "meeting.png", "page-reminders": "reminders.png",
    "dialog-welcome": "welcome.png", "dialog-letters": "letters.png", "dialog-spreadsheet-import": "import.png",
    "dialog-change-status": "change-status.png", "dialog-restore": "restore.png",
}


TASKBAR = 40  # Windows' taskbar (at 100%): the offscreen screen has none, so it is left out of the height
TITLE_BAR = 31  # a window's title bar (the offscreen platform draws no frame): counted in the check


def configure_screen(width: int, height: int, scale: float, folder: Path) -> None:
    config = folder / "screen.json"
    usable = height - round(TASKBAR * scale)
    config.write_text(json.dumps({"synchronousWindowSystemEvents": True, "windowFrameMargins": False, "screens": [
        {"name": "screen", "x": 0, "y": 0, "width": width, "height": usable, "logicalDpi": round(96 * scale),
         "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["OPCC_DESKTOP_DATA_DIR"] = str(folder / "data")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1024)
    parser.add_argument("--height", type=int, default=768)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=None, help="folder for the PNGs (none: only the report)")
    parser.add_argument("--guide", action="store_true", help="write the user guide's pictures")
    args = parser.parse_args(argv)
    if args.guide:
        args.width, args.height, args.scale = 1366, 768, 1.0
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        configure_screen(args.width, args.height, args.scale, scratch)
        return run(args, scratch)


def wait_until_drawn(dialog, seconds: float = 15.0) -> None:
    """A letter's preview is rendered on a worker: wait for its pages (and anything else busy)."""
    import time

    from PySide6.QtWidgets import QApplication

    pane = getattr(dialog, "pane", None)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (getattr(dialog, "busy", False) or (
            pane is not None and pane.page_count() == 0) or getattr(dialog, "timer", None) and dialog.timer.isActive()):
        QApplication.processEvents()
        time.sleep(0.02)
    if pane is not None:  # the PDF view draws its pages on threads of its own
        settled = time.monotonic() + 1.5
        while time.monotonic() < settled:
            QApplication.processEvents()
            time.sleep(0.02)
    QApplication.processEvents()


def run(args: argparse.Namespace, scratch: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from opcc_desktop.services.office import Office
    from opcc_desktop.ui.shell.application import build_main_window, create_application
    from opcc_desktop.ui.shell.window_catalogue import dialogs, settle, show_pages
    from opcc_desktop.ui.common.workers import wait_for_background_work

    app = create_application([])
    app.setStyle("Fusion")  # what Windows uses too: the same widths everywhere
    office = Office.open(scratch / "office.sqlite3")
    office.load_demo(TODAY)
    window = build_main_window(office, lambda: TODAY)
    window.path_label.setText("Database: office.sqlite3")  # no machine path in a picture
    window.show()
    settle()
    available = window.screen().availableGeometry()
    report: list[dict[str, object]] = []
    out: Path | None = ROOT / "resources" / "guide" if args.guide else args.out
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)

    def record(name: str, widget) -> None:
        frame = widget.frameGeometry()
        fits = frame.width() <= available.width() and frame.height() + TITLE_BAR <= available.height()
        report.append({"name": name, "width": frame.width(), "height": frame.height(),
                       "available": [available.width(), available.height()], "fits": fits})
        print(json.dumps(report[-1]), flush=True)
        if out is None:
            return
        if args.guide:
            if name in GUIDE_SHOTS:
                widget.grab().save(str(out / GUIDE_SHOTS[name]))
        else:
            widget.grab().save(str(out / f"{name}.png"))

    for page in show_pages(window):
        record(f"page-{page}", window)
    window.meeting_editor.revert() if window.meeting_editor.is_dirty() else None
    for entry in dialogs(window, scratch, TODAY):
        try:
            dialog = entry.build()
        except Exception as error:  # noqa: BLE001 - a dialog that cannot be built is reported, not hidden
            print(json.dumps({"name": entry.name, "error": f"{type(error).__name__}: {error}"}), flush=True)
            continue
        dialog.show()
        settle()
        wait_until_drawn(dialog)
        record(entry.name, dialog)
        dialog.close()
        dialog.deleteLater()
        settle()
    wait_for_background_work()
    for editor in (window.editor, window.meeting_editor):
        if editor.is_dirty():
            editor.revert()
    window.close()
    office.close()
    QApplication.processEvents()
    return 0 if all(entry.get("fits", True) for entry in report) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
