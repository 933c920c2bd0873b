"""Help → User guide (F1 at the page's section), Help → Keyboard shortcuts, and the first-run tour."""

import re

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication

from opcc_desktop.resources import resource_path
from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.first_run_tour import STEPS, start_tour, tour_dismissed
from opcc_desktop.ui.shell.help_actions import open_user_guide
from opcc_desktop.ui.shell.main_window import BOARDS, DASHBOARD, EDITOR, FINDINGS, INSPECTIONS, MEETING, REMINDERS
from opcc_desktop.ui.shell.user_guide import SECTIONS, ShortcutsDialog, section_for, shortcut_rows

import pytest

HEADINGS = {"dashboard": "2. The dashboard", "record-report": "3. Recording a report", "boards": "7. Boards and",
            "reminders": "8. Reminders", "tracker": "6. The findings tracker"}


@pytest.fixture
def window(qtbot, demo_office, bus, today_provider):
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.inspections._filter_timer.stop()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_guide_is_shipped_with_every_section_and_its_pictures():
    html = resource_path("guide", "guide.html").read_text(encoding="utf-8")
    for section in SECTIONS:
        assert f'<a name="{section}"></a>' in html, section
    for picture in set(re.findall(r'<img src="([^"]+)"', html)):
        assert resource_path("guide", picture).stat().st_size > 5000  # a real screenshot
    for words in ("56 days", "publication date plus 55 days", "Acknowledge", "Signatories", "issued",
                  "s.55 checklist", "Import tracker spreadsheet", "Back up now", "Restore from backup"):
        assert words in html, words


@pytest.mark.parametrize("page, section", [(DASHBOARD, "dashboard"), (INSPECTIONS, "record-report"),
                                          (EDITOR, "record-report"), (BOARDS, "boards"), (MEETING, "boards"),
                                          (REMINDERS, "reminders"), (FINDINGS, "tracker")])
def test_f1_opens_the_guide_at_the_section_of_the_page(window, qtbot, page, section):
    window.show_page(page)
    assert section_for(window) == section
    assert window.menu_actions.guide.shortcut().toString() == "F1"
    assert window.menu_actions.guide.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut  # dialogs too
    window.menu_actions.guide.trigger()
    dialog = window.user_guide_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.current_section == section)
    assert dialog.isVisible() and dialog.browser.source().fileName() == "guide.html"
    heading = dialog.browser.document().find(HEADINGS[section])
    assert not heading.isNull()
    shown = dialog.browser.viewport().rect()
    assert shown.contains(dialog.browser.cursorRect(heading).center())  # the section is in view
    contents = dialog.browser.document().find("1. Day one")
    assert not shown.contains(dialog.browser.cursorRect(contents).center())  # not just the top of the guide
    dialog.close()


def test_f1_in_a_dialog_opens_its_own_section(window, qtbot, demo_office, today_provider):
    from opcc_desktop.ui.findings.status_change_dialog import StatusChangeDialog

    finding_id = demo_office.findings.rows()[0].id
    status = StatusChangeDialog(demo_office, finding_id, today_provider, lambda _c: None, window)
    qtbot.addWidget(status)
    status.show()
    qtbot.waitExposed(status)
    status.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is status)
    dialog = open_user_guide(window)
    qtbot.addWidget(dialog)
    assert dialog.current_section == "tracker"
    dialog.close()


def test_keyboard_shortcuts_lists_every_shortcut_of_the_window(window, qtbot):
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = dialog.model.rows
    listed = {(what, keys) for _where, what, keys in rows}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            assert any(keys == sequence.toString() for _what, keys in listed), action.text()
    shortcuts = window.findChildren(QShortcut)
    assert len(shortcuts) >= 10  # every page was built to list its own
    for shortcut in shortcuts:
        assert shortcut.whatsThis(), f"{shortcut.key().toString()} says nothing about what it does"
        assert (shortcut.whatsThis(), shortcut.key().toString()) in listed
    assert ("User guide", "F1") in listed and ("Search everything", "Ctrl+Shift+F") in listed
    assert any(r == ("Reminders page", "Acknowledge the reminder (hide it until the next reminder date)", "Ctrl+K")
               for r in rows)
    assert rows == shortcut_rows(window)  # generated, not written down


def test_the_tour_points_at_the_main_pages_and_can_be_dismissed_for_good(window, qtbot):
    assert not tour_dismissed()
    tour = start_tour(window)
    assert tour is not None and tour.isVisible()
    headings = []
    for _ in STEPS:
        headings.append(tour.heading.text().split(" (")[0])
        assert window.rect().contains(tour.geometry())  # inside the window, even a small one
        if len(headings) < len(STEPS):
            tour.next_button.click()
    assert headings == ["The dashboard", "Inspections", "Findings", "Reminders"]
    tour.dont_show.setChecked(True)
    tour.next_button.click()  # Done
    assert tour_dismissed() and window.tour is None
    assert start_tour(window) is None  # for good…
    again = start_tour(window, force=True)  # …unless asked for from the Help menu
    assert again is not None
    again.finish()
