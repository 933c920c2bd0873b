"""The main window's menu bar: File, Edit, View, Letter, Board and Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from .main_window import MainWindow


def _action(window: MainWindow, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_menus(window: MainWindow) -> None:
    """The menu bar and every action on it (as `window.action_…`); page actions build their page on use."""
    window.action_new = _action(window, "&New inspection", window.new_inspection, QKeySequence.StandardKey.New)
    window.action_save = _action(window, "&Save", window.save_inspection, QKeySequence.StandardKey.Save)
    window.action_import = _action(window, "&Import JSON…", lambda: window.office_actions.import_json())
    window.action_export = _action(window, "&Export JSON…", lambda: window.office_actions.export_json())
    window.action_import_sheet = _action(window, "Import tracker s&preadsheet (.xlsx, .csv)…",
                                         window.import_tracker_spreadsheet)
    window.action_demo = _action(window, "Load &demonstration data…", lambda: window.office_actions.load_demo())
    window.action_settings = _action(window, "Office se&ttings…", lambda: window.office_actions.edit_settings())
    window.action_calendar = _action(window, "Export deadlines to &calendar (.ics)…", window.export_calendar)
    window.action_backup = _action(window, "&Back up now", lambda: window.backup_actions.back_up_now())
    window.action_restore = _action(window, "&Restore from backup…", lambda: window.backup_actions.restore())
    window.action_backup_folder = _action(window, "Backup &folder…", lambda: window.backup_actions.choose_folder())
    window.action_quit = _action(window, "&Quit", window.close, "Ctrl+Q")
    window.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
    window.action_find = _action(window, "&Find…", window.find, QKeySequence.StandardKey.Find)
    window.action_search = _action(window, "&Search everything…", window.search_everything, "Ctrl+Shift+F")
    window.action_deleted = _action(window, "Recently &deleted…", window.recently_deleted)
    window.action_audit = _action(window, "Change &history of this inspection…",
                                  lambda: window.editor.show_change_history(), "Ctrl+Shift+H")
    window.action_preview = _action(window, "&Preview letter", lambda: window.editor.preview_letter(), "Ctrl+Shift+P")
    window.action_print = _action(window, "P&rint letter…", lambda: window.editor.print_letter(), "Ctrl+P")
    window.action_save_pdf = _action(window, "Save letter as P&DF…", lambda: window.editor.save_letter_as())
    window.action_letters = _action(window, "Letters and &sign-off…", lambda: window.editor.open_letter_editor(), "Ctrl+L")
    window.action_about = _action(window, "&About OPCC Desktop", lambda: window.office_actions.about())
    window.action_pages = [
        _action(window, f"&{number + 1} {name}", lambda n=number: window.show_page(n), f"Ctrl+{number + 1}")
        for number, name in enumerate(["Dashboard", "Inspections", "Inspection", "Boards", "Meeting", "Reminders", "Findings"])
    ]
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([window.action_new, window.action_save])
    file_menu.addSeparator()
    file_menu.addActions([window.action_import, window.action_export, window.action_import_sheet, window.action_calendar,
                          window.action_demo])
    file_menu.addSeparator()
    file_menu.addAction(window.action_settings)
    file_menu.addActions([window.action_backup, window.action_restore, window.action_backup_folder])
    file_menu.addSeparator()
    file_menu.addAction(window.action_quit)
    bar.addMenu("&Edit").addActions([window.action_find, window.action_search, window.action_deleted, window.action_audit])
    bar.addMenu("&View").addActions(window.action_pages)
    bar.addMenu("&Letter").addActions([window.action_preview, window.action_print, window.action_save_pdf,
                                       window.action_letters])
    window.action_agenda_pdf = _action(window, "Save &agenda as PDF…", lambda: window.meeting_editor.save_paper("agenda"))
    window.action_minutes_pdf = _action(window, "Save &minutes as PDF…", lambda: window.meeting_editor.save_paper("minutes"))
    window.action_progress_report = _action(window, "HMICFRS &progress report for a board paper…",
                                            window.save_progress_report)
    bar.addMenu("&Board").addActions([window.action_agenda_pdf, window.action_minutes_pdf, window.action_progress_report])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(window.action_about)
    from .help_actions import add_help_actions

    window.action_guide, window.action_shortcuts, window.action_tour = add_help_actions(window, help_menu)
