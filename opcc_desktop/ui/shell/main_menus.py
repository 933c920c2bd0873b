"""The main window's menu bar: File, Edit, View, Letter, Board and Help, with their shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from ..boards.board_menu import PaperHost, board_menu_actions
from ..common.actions import make_action
from ..findings.findings_menu import findings_menu_actions
from ..letters.letter_menu import LetterHost, letter_menu_actions
from ..office.office_menu import office_menu_actions
from ..reminders.reminders_menu import reminders_menu_actions
from .help_actions import help_actions

if TYPE_CHECKING:
    from ..common.window_services import WindowServices
    from ..office.backup_actions import BackupActions
    from ..office.office_actions import OfficeActions

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


class MenuHost(Protocol):
    """What the shell's own entries call on the window (the window provides it; nothing here imports it)."""

    @property
    def office_actions(self) -> OfficeActions: ...
    @property
    def backup_actions(self) -> BackupActions: ...

    def menuBar(self) -> QMenuBar: ...
    def new_inspection(self) -> None: ...
    def save_inspection(self) -> None: ...
    def new_inspection_from_pdf(self) -> None: ...
    def close(self) -> bool: ...
    def find_in_page(self) -> None: ...
    def search_everything(self) -> object: ...
    def recently_deleted(self) -> None: ...
    def show_page(self, page: int) -> None: ...
    def show_change_history(self) -> None: ...
    def letter_host(self) -> LetterHost: ...
    def paper_host(self) -> PaperHost: ...
    def save_progress_report(self) -> None: ...


def _show_page(window: MenuHost, number: int) -> Callable[[], object]:
    return lambda: window.show_page(number)


def build_menus(window: MenuHost, services: WindowServices) -> MenuActions:
    """The menu bar: the shell's own entries, and those each feature builds for itself."""
    w = window
    parent = services.window()
    actions = MenuActions(
        new=make_action(parent, "&New inspection", w.new_inspection, QKeySequence.StandardKey.New),
        save=make_action(parent, "&Save", w.save_inspection, QKeySequence.StandardKey.Save),
        from_pdf=make_action(parent, "New inspection from report P&DF…", w.new_inspection_from_pdf),
        quit=make_action(parent, "&Quit", w.close, "Ctrl+Q"),
        find=make_action(parent, "&Find…", w.find_in_page, QKeySequence.StandardKey.Find),
        search=make_action(parent, "&Search everything…", w.search_everything, "Ctrl+Shift+F"),
        deleted=make_action(parent, "Recently &deleted…", w.recently_deleted),
        audit=make_action(parent, "Change &history of this inspection…", w.show_change_history, "Ctrl+Shift+H"),
        pages=tuple(make_action(parent, f"&{number + 1} {name}", _show_page(w, number), f"Ctrl+{number + 1}")
                    for number, name in enumerate(VIEW_MENU_PAGES)),
        **office_menu_actions(parent, lambda: w.office_actions, lambda: w.backup_actions),
        **findings_menu_actions(parent, services),
        **reminders_menu_actions(parent, services),
        **letter_menu_actions(parent, w.letter_host, w.save_progress_report),
        **board_menu_actions(parent, w.paper_host),
        **help_actions(parent),
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
