"""Grab the main window offscreen on the demonstration office, for the README and for eyeballing.

    python tools/screenshots.py OUT_DIR [--today YYYY-MM-DD]

Writes dashboard.png, inspections.png, editor.png, boards.png and meeting.png into OUT_DIR. Uses a throwaway database.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from opcc_desktop.services.office import Office
    from opcc_desktop.ui.common.event_bus import EventBus
    from opcc_desktop.ui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        office = Office.open(Path(folder) / "screens.sqlite3")
        office.load_demo(args.today)
        window = MainWindow(office, EventBus(), lambda: args.today)
        window.resize(1280, 800)
        window.show()
        for name, show in _views(window, office):
            show()
            app.processEvents()
            window.grab().save(str(args.out / f"{name}.png"))
            print(args.out / f"{name}.png")
        window.close()
        office.close()
    return 0


def _views(window, office):
    first = office.inspections.find("29536")
    yield "dashboard", lambda: window.show_page(0)
    yield "inspections", lambda: window.show_page(1)
    yield "editor", lambda: window.open_inspection(first.id)
    committee = office.boards.find_board("Cumbria Police Authority Audit and Performance Committee")
    yield "boards", lambda: (window.show_page(3), window.boards.select_board(committee.id))
    meeting_id = office.boards.meetings(committee.id)[0].id
    yield "meeting", lambda: (window.open_meeting(meeting_id), window.meeting_editor.view.tabs.setCurrentIndex(1))
    yield "reminders", lambda: window.show_page(5)


if __name__ == "__main__":
    raise SystemExit(main())
