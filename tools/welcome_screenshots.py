"""Screenshots of the first-run welcome, for the README: run it under Xvfb to use the real xcb platform.

    xvfb-run -a -s "-screen 0 1400x1000x24" python tools/welcome_screenshots.py docs/ [--today YYYY-MM-DD]

Writes welcome-1-office.png, welcome-2-start.png and welcome-3-empty-office.png (the dashboard of an
office started empty). Uses a throwaway database; message boxes are not shown.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from opcc_desktop.services.office import Office
    from opcc_desktop.ui.shell.application import build_main_window, create_application
    from opcc_desktop.ui.shell.welcome_wizard import EMPTY, WelcomeWizard

    app = create_application([sys.argv[0]])

    def grab(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = args.out / name
        widget.grab().save(str(path))
        print(path)

    with tempfile.TemporaryDirectory() as folder:
        office = Office.open(Path(folder) / "welcome.sqlite3")
        wizard = WelcomeWizard(office, None, lambda: args.today)
        wizard.show()
        fields = wizard.office_page.fields
        fields["office_name"].setText("Office of the Police and Crime Commissioner for Kent")
        fields["office_address"].setPlainText("Kent Police Headquarters\nSutton Road\nMaidstone\nME15 9BZ")
        fields["commissioner_name"].setText("Matthew Scott")
        fields["commissioner_title"].setText("Kent Police and Crime Commissioner")
        fields["home_secretary_name"].setText("Shabana Mahmood")
        grab(wizard, "welcome-1-office.png")
        wizard.next()
        grab(wizard, "welcome-2-start.png")
        wizard.finish(EMPTY)
        wizard.close()
        window = build_main_window(office, lambda: args.today)
        window.resize(1100, 560)
        window.show()
        grab(window, "welcome-3-empty-office.png")
        window.hide()
        office.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
