"""Every page and dialog (issue 19): fits a small laptop's screen, and no two Alt+letters clash.

Built from `window_catalogue`, the same list the screenshot tool walks, so a new dialog added there is
checked here too. The offscreen screen of the test run is 800×600, smaller than 1024×768 at 125%
(819×574 once the taskbar is taken off); the tool is also run at the two laptop sizes themselves.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWizard

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.window_catalogue import dialogs, settle, show_pages

from .conftest import TODAY
from .mnemonics import clashes_on_every_tab

ROOT = Path(__file__).resolve().parents[2]
TITLE_BAR = 31


@pytest.fixture
def window(qtbot, demo_office, bus, today_provider):
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    for editor in (window.editor, window.meeting_editor):
        if editor.is_dirty():
            editor.revert()
    window.inspections._filter_timer.stop()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def fits(widget) -> bool:
    area = widget.screen().availableGeometry()
    frame = widget.frameGeometry()
    return frame.width() <= area.width() and frame.height() + TITLE_BAR <= area.height()


def each_dialog(window, tmp_path):
    for entry in dialogs(window, tmp_path, TODAY):
        dialog = entry.build()
        dialog.show()
        settle()
        yield entry.name, dialog
        dialog.close()
        dialog.deleteLater()
        settle()


def test_no_window_or_dialog_is_larger_than_its_screen(window, tmp_path, answer_message_boxes):
    too_big = []
    for page in show_pages(window):
        if not fits(window):
            too_big.append((f"page {page}", window.frameGeometry().size()))
    for name, dialog in each_dialog(window, tmp_path):
        if not fits(dialog):
            too_big.append((name, dialog.frameGeometry().size()))
    assert too_big == []
    assert window.screen().availableGeometry().width() <= 819  # the test's screen is the small one


def test_mnemonics_are_unique_on_every_page_and_in_every_dialog(window, tmp_path):
    found = {}
    for page in show_pages(window):
        for letter, texts in clashes_on_every_tab(window).items():
            found[f"page {page}: {letter}"] = texts
    for name, dialog in each_dialog(window, tmp_path):
        pages = [dialog.page(i) for i in dialog.pageIds()] if isinstance(dialog, QWizard) else [None]
        for number, _page in enumerate(pages):
            if number:
                dialog.next()
                settle()
            for letter, texts in clashes_on_every_tab(dialog).items():
                found[f"{name}{f' page {number + 1}' if number else ''}: {letter}"] = texts
    assert found == {}


@pytest.mark.parametrize("width, height, scale", [(1024, 768, 1.25), (1366, 768, 1.0)])
def test_every_window_fits_a_laptop_screen_at_its_scaling(width, height, scale):
    """The screenshot tool on an offscreen screen of that size and scaling (as Windows scales it)."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "ui_screenshots.py"), "--width", str(width),
                           "--height", str(height), "--scale", str(scale)],
                          capture_output=True, text=True, timeout=240, cwd=ROOT, check=False)
    report = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert len(report) >= 30, done.stderr[-2000:]
    assert [r for r in report if "error" in r or not r["fits"]] == []
    assert done.returncode == 0
