"""`python bench/window_start.py FILE`: start the real window on FILE, as a user does, and quit after
its first paint, printing "window ready" (the benchmark times that line from outside the process).

It runs `opcc_desktop.app.main(["--db", FILE])` unchanged (lock, integrity-check policy, migrations,
the dashboard) and only wraps `build_main_window` to paint and quit once the event loop is running.
"""

from __future__ import annotations

import sys


def _peak_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return float("nan")


def main(database: str) -> int:
    import gc

    gc.disable()  # as opcc_desktop/__main__.py does before its first import
    from opcc_desktop import app

    app._import_before_qt()  # the order app.main imports in: the non-Qt modules first, then Qt

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from opcc_desktop.ui.shell import application

    build = application.build_main_window

    def build_and_report(*args, **kwargs):
        window = build(*args, **kwargs)

        def painted() -> None:
            window.grab()  # one real paint of the whole window
            print("window ready", flush=True)
            print(f"peak memory at window ready: {_peak_mb():.1f} MB", flush=True)
            QApplication.quit()

        QTimer.singleShot(0, painted)
        return window

    application.build_main_window = build_and_report
    return app.main(["--db", database])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
