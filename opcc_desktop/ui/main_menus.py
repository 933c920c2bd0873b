"""The main window's menu bar: File, Edit, View, Letter, Board and Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from .help_actions import help_actions

if TYPE_CHECKING:
    from .main_window import MainWindow

VIEW_MENU_PAGES = ["Dashboard", "Inspections", "Inspection", "Boards", "Meeting", "Reminders", "Findings"]


@dataclass(frozen=True)
class MenuActions:
    """Every action on the menu bar, for the window to enable and tests to trigger (`window.menu_actions.save`)."""

    new: QAction
    save: QAction
    import_json: QAction
    export_json: QAction
    from_pdf: QAction
    import_sheet: QAction
    demo: QAction
    remove_demo: QAction
    settings: QAction
    calendar: QAction
    backup: QAction
    restore: QAction
    backup_folder: QAction
    quit: QAction
    find: QAction
    search: QAction
    deleted: QAction
    audit: QAction
    preview: QAction
    print: QAction
    save_pdf: QAction
    letters: QAction
    agenda_pdf: QAction
    minutes_pdf: QAction
    agenda_web: QAction
    minutes_web: QAction
    progress_report: QAction
    about: QAction
    pages: tuple[QAction, ...]
    guide: QAction  # Help → User guide (F1)
    shortcuts: QAction  # Help → Keyboard shortcuts
    tour: QAction  # Help → Show the tour again


def _action(window: MainWindow, text: str, slot: Callable[[], object],
            shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _show_page(window: MainWindow, number: int) -> Callable[[], object]:
    return lambda: window.show_page(number)


def build_menus(window: MainWindow) -> MenuActions:
    """The menu bar and every action on it; page actions build their page on use."""
    w = window
    actions = MenuActions(
        new=_action(w, "&New inspection", w.new_inspection, QKeySequence.StandardKey.New),
        save=_action(w, "&Save", w.save_inspection, QKeySequence.StandardKey.Save),
        import_json=_action(w, "&Import JSON…", lambda: w.office_actions.import_json()),
        export_json=_action(w, "&Export JSON…", lambda: w.office_actions.export_json()),
        from_pdf=_action(w, "New inspection from report P&DF…", w.new_inspection_from_pdf),
        import_sheet=_action(w, "Import tracker s&preadsheet (.xlsx, .csv)…", w.import_tracker_spreadsheet),
        demo=_action(w, "Open the &demonstration office", lambda: w.office_actions.open_demo_office()),
        remove_demo=_action(w, "Remo&ve demonstration data from this office…",
                            lambda: w.office_actions.remove_demo_data()),
        settings=_action(w, "Office se&ttings…", lambda: w.office_actions.edit_settings()),
        calendar=_action(w, "Export deadlines to &calendar (.ics)…", w.export_calendar),
        backup=_action(w, "&Back up now", lambda: w.backup_actions.back_up_now()),
        restore=_action(w, "&Restore from backup…", lambda: w.backup_actions.restore()),
        backup_folder=_action(w, "Backup &folder…", lambda: w.backup_actions.choose_folder()),
        quit=_action(w, "&Quit", w.close, "Ctrl+Q"),
        find=_action(w, "&Find…", w.find_in_page, QKeySequence.StandardKey.Find),
        search=_action(w, "&Search everything…", w.search_everything, "Ctrl+Shift+F"),
        deleted=_action(w, "Recently &deleted…", w.recently_deleted),
        audit=_action(w, "Change &history of this inspection…", lambda: w.editor.show_change_history(),
                      "Ctrl+Shift+H"),
        preview=_action(w, "&Preview letter", lambda: w.editor.preview_letter(), "Ctrl+Shift+P"),
        print=_action(w, "P&rint letter…", lambda: w.editor.print_letter(), "Ctrl+P"),
        save_pdf=_action(w, "Save letter as P&DF…", lambda: w.editor.save_letter_as()),
        letters=_action(w, "Letters and &sign-off…", lambda: w.editor.open_letter_editor(), "Ctrl+L"),
        agenda_pdf=_action(w, "Save &agenda as PDF…", lambda: w.meeting_editor.save_paper("agenda")),
        minutes_pdf=_action(w, "Save &minutes as PDF…", lambda: w.meeting_editor.save_paper("minutes")),
        agenda_web=_action(w, "Save a&genda as web page…", lambda: w.meeting_editor.save_paper_web_page("agenda")),
        minutes_web=_action(w, "Save m&inutes as web page…", lambda: w.meeting_editor.save_paper_web_page("minutes")),
        progress_report=_action(w, "HMICFRS &progress report for a board paper…", w.save_progress_report),
        about=_action(w, "&About OPCC Desktop", lambda: w.office_actions.about()),
        pages=tuple(_action(w, f"&{number + 1} {name}", _show_page(w, number), f"Ctrl+{number + 1}")
                    for number, name in enumerate(VIEW_MENU_PAGES)),
        **help_actions(w),
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    a = actions
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new, a.from_pdf, a.save])
    file_menu.addSeparator()
    file_menu.addActions([a.import_json, a.export_json, a.import_sheet, a.calendar, a.demo, a.remove_demo])
    file_menu.addSeparator()
    file_menu.addAction(a.settings)
    file_menu.addActions([a.backup, a.restore, a.backup_folder])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)
    bar.addMenu("&Edit").addActions([a.find, a.search, a.deleted, a.audit])
    bar.addMenu("&View").addActions(list(a.pages))
    bar.addMenu("&Letter").addActions([a.preview, a.print, a.save_pdf, a.letters])
    bar.addMenu("&Board").addActions([a.agenda_pdf, a.minutes_pdf, a.agenda_web, a.minutes_web,
                                      a.progress_report])
    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.guide, a.shortcuts, a.tour])
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    return actions
