"""The main window: navigation on the left, the pages in a stack, menus, shortcuts and status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from functools import cached_property, partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, QStringListModel, Qt, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ...services.changes import Changes
from ...services.office import Office
from ..common import ui_state
from ..common.accessibility import name_fields
from ..common.event_bus import EventBus
from .lazy_pages import LazyPages
from .navigation import build_navigation
from .main_menus import build_menus
from .dashboard_page import DashboardPage
from ..common.screen_fit import keep_on_screen, screen_share
from ..common.table_base import Tone, tone_foreground
from ..common.operations import Failed, run_op

NEW_HEADING = "New inspection"  # the editor's heading for a record not yet saved (forms.inspection_editor)

if TYPE_CHECKING:  # every page but the dashboard is imported when first built (see lazy_pages.py)
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent

    from ..office.backup_actions import BackupActions
    from ..boards.boards_page import BoardsPage
    from ..boards.meeting_editor import MeetingEditor
    from ..inspections.inspection_editor import InspectionEditor
    from ..office.office_actions import OfficeActions
    from ..findings.findings_page import FindingsPage
    from ..inspections.inspections_page import InspectionsPage
    from ..reminders.reminders_page import RemindersPage
    from .search_dialog import SearchDialog
    from ..findings.spreadsheet_import_dialog import SpreadsheetImportDialog

APP_TITLE = "OPCC Desktop"
DASHBOARD, INSPECTIONS, EDITOR, BOARDS, MEETING, REMINDERS, FINDINGS = range(7)
PAGE_NAMES = ["Dashboard", "Inspections", "Inspection", "Boards", "Meeting", "Reminders", "Findings"]
NEW_INSPECTION_ROW = len(PAGE_NAMES)  # the sidebar's last entry: always starts a new inspection, never a page
NEW_INSPECTION_LABEL = "+ New inspection"
NEW_RECORD_LABEL = "Inspection (new)"  # the editor's entry while it holds a record not yet saved
WINDOW_STATE_KEY = "main_window"
SPLITTER_STATE_KEY = "main_window/splitter"
DAY_CHECK_MS = 60_000
WARM_UP_AFTER_MS = 1500  # build the other pages once the dashboard has painted and settled
WARM_UP_IMPORTS = {  # each page's heavier modules (under opcc_desktop.ui), imported one per step before the page
    INSPECTIONS: ("inspections.inspections_page",),
    EDITOR: ("findings.findings_panel", "inspections.inspection_form", "letters.letter_preview",
             "letters.letter_editor", "letters.letter_actions", "boards.discussed_at", "inspections.inspection_editor"),
    BOARDS: ("boards.boards_page",),
    MEETING: ("boards.meeting_editor",),
    REMINDERS: ("reminders.reminders_page",),
    FINDINGS: ("findings.findings_page",),
}
def literal_window_title(text: str) -> str:
    """Qt treats "[*]" in a window title as the modified marker; doubling it shows it literally."""
    return text.replace("[*]", "[*][*]")


class MainWindow(QMainWindow):
    tour: QWidget | None = None  # the first-run tour's bubble while it is on show
    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.today_provider = today_provider
        self._last_today = today_provider()
        self.dashboard = DashboardPage(office, bus, today_provider, self)
        self.stack = QStackedWidget(self)
        self.pages = LazyPages(self.stack, [
            lambda: self.dashboard, self._build_inspections, self._build_editor, self._build_boards,
            self._build_meeting_editor, self._build_reminders, self._build_findings,
        ], self._on_page_built, self._warm_up_preparations())
        self.pages.page(DASHBOARD)
        self.nav_model = QStringListModel([*PAGE_NAMES, NEW_INSPECTION_LABEL], self)
        self.nav = self._build_nav()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1000])
        self.setCentralWidget(self.splitter)
        self._discarding = False
        self.spreadsheet_import_dialog: SpreadsheetImportDialog | None = None  # the one open, if any
        self.demo_window: MainWindow | None = None  # the demonstration office's own window, once opened
        self.menu_actions = build_menus(self, self)
        self.setAcceptDrops(True)  # a report PDF dropped on the window starts a new inspection from it
        self._build_status_bar()
        self._connect()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_new_day)
        self._day_timer.start()
        self._warm_up_timer = QTimer(self)
        self._warm_up_timer.setSingleShot(True)
        self._warm_up_timer.timeout.connect(self._warm_up)
        self._warm_up_timer.start(WARM_UP_AFTER_MS)  # counted from now: the window shows straight after
        self.resize(screen_share(self, 0.95, 0.95, QSize(1200, 760)))  # a share of the screen, not fixed pixels
        self.restore_state()
        keep_on_screen(self)  # a size saved on a larger monitor shrinks to this one
        self.show_page(DASHBOARD)
        self._update_status()

    # The pages: built when first shown or used ------------------------------------------------
    inspections = property(lambda self: self.pages.page(INSPECTIONS))
    editor = property(lambda self: self.pages.page(EDITOR))
    boards = property(lambda self: self.pages.page(BOARDS))
    meeting_editor = property(lambda self: self.pages.page(MEETING))
    reminders = property(lambda self: self.pages.page(REMINDERS))
    findings = property(lambda self: self.pages.page(FINDINGS))

    def _build_inspections(self) -> InspectionsPage:
        from ..inspections.inspections_page import InspectionsPage

        page = InspectionsPage(self.office, self.bus, self.today_provider, self)
        page.open_requested.connect(self.open_inspection)
        page.new_requested.connect(self.new_inspection)
        page.restore_state()
        return page

    def _build_editor(self) -> InspectionEditor:
        from ..inspections.inspection_editor import InspectionEditor

        editor = InspectionEditor(self.office, self.bus, self.today_provider, self)
        editor.heading_changed.connect(self._on_heading_changed)
        editor.dirty_changed.connect(self.setWindowModified)
        editor.saved.connect(lambda _id: self._update_actions())
        editor.discussed_at.open_meeting_requested.connect(self.open_meeting)
        editor.load_new()
        return editor

    def _build_boards(self) -> BoardsPage:
        from ..boards.boards_page import BoardsPage

        page = BoardsPage(self.office, self.bus, self.today_provider, self)
        page.open_meeting_requested.connect(self.open_meeting)
        return page

    def _build_meeting_editor(self) -> MeetingEditor:
        from ..boards.meeting_editor import MeetingEditor

        editor = MeetingEditor(self.office, self.bus, self.today_provider, self)
        editor.back_requested.connect(lambda: self.show_page(BOARDS))
        editor.heading_changed.connect(
            lambda text: self.nav_model.setData(self.nav_model.index(MEETING), text or PAGE_NAMES[MEETING]))
        return editor

    def _build_reminders(self) -> RemindersPage:
        from ..reminders.reminders_page import RemindersPage

        page = RemindersPage(self.office, self.bus, self.today_provider, self)
        page.open_inspection_requested.connect(self.open_inspection)
        page.open_meeting_requested.connect(self.open_meeting)
        page.export_calendar_requested.connect(self.menu_actions.calendar.trigger)  # the reminders' own entry
        return page

    def _build_findings(self) -> FindingsPage:
        from ..findings.findings_page import FindingsPage

        page = FindingsPage(self.office, self.bus, self.today_provider, self)
        page.open_requested.connect(self.open_inspection_at)
        page.restore_state()
        return page

    def _warm_up_preparations(self) -> dict[int, list[Callable[[], object]]]:
        """Before each page is built in the background, its modules are imported one per step."""
        preparations: dict[int, list[Callable[[], object]]] = {
            number: [partial(importlib.import_module, f"opcc_desktop.ui.{name}") for name in names]
            for number, names in WARM_UP_IMPORTS.items()}
        preparations[INSPECTIONS].insert(0, lambda: self.office.inspections)  # sqlite-utils and the service
        preparations[EDITOR] += [lambda: self.office.settings, lambda: self.office.tracker]  # (and boards)
        return preparations

    def _on_page_built(self, _number: int, page) -> None:
        name_fields(page)  # screen-reader names from the visible labels

    def _warm_up(self) -> None:
        """One page per turn of the event loop, so the window stays responsive while they are built."""
        if not self.office.closed and self.pages.warm_up_next():
            self._warm_up_timer.start(0)

    @cached_property
    def office_actions(self) -> OfficeActions:
        from ..office.office_actions import OfficeActions

        return OfficeActions(self)

    @cached_property
    def backup_actions(self) -> BackupActions:
        from ..office.backup_actions import BackupActions

        return BackupActions(self)

    # Construction ------------------------------------------------------------------------------
    def _build_nav(self) -> QListView:
        return build_navigation(self.nav_model, self)

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(f"Database: {self.office.path}", self)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.overdue_label = QLabel(self)
        self.overdue_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.overdue_label)

    def _connect(self) -> None:
        self.nav.selectionModel().currentChanged.connect(self._on_nav_changed)
        self.dashboard.open_requested.connect(self.open_inspection)
        self.dashboard.new_requested.connect(self.new_inspection)
        self.dashboard.show_all_requested.connect(lambda: self.show_page(INSPECTIONS))
        self.dashboard.reminders_requested.connect(lambda: self.show_page(REMINDERS))
        self.bus.changed.connect(self._on_changes)

    # Navigation --------------------------------------------------------------------------------
    def current_page(self) -> int:
        return self.stack.currentIndex()

    def show_page(self, page: int) -> None:
        self.nav.selectionModel().setCurrentIndex(
            self.nav_model.index(page), QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self._on_nav_changed(self.nav_model.index(page), QModelIndex())

    def _on_nav_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() == NEW_INSPECTION_ROW:  # after this selection change has settled
            QTimer.singleShot(0, self._new_inspection_from_sidebar)
            return
        if current.isValid() and current.row() != self.stack.currentIndex():
            self.pages.page(current.row())
            self.stack.setCurrentIndex(current.row())
            if current.row() == INSPECTIONS:
                self.inspections.table.setFocus()
            if current.row() == REMINDERS:
                self.reminders.ensure_current()
        self._update_title()
        self._update_actions()

    def open_inspection(self, inspection_id: int) -> None:
        if self.editor.current_id() != inspection_id:
            if not self.editor.can_close():
                return
            if isinstance(run_op(self, "Cannot open the inspection", lambda: self.editor.load(inspection_id)), Failed):
                self.inspections.refresh()
                self.dashboard.refresh()
                return
        self.show_page(EDITOR)

    def open_meeting(self, meeting_id: int) -> None:
        if self.meeting_editor.current_id() != meeting_id:
            if not self.meeting_editor.can_close():
                return
            if isinstance(run_op(self, "Cannot open the meeting", lambda: self.meeting_editor.load(meeting_id)), Failed):
                return
        self.show_page(MEETING)

    def new_inspection_from_pdf(self, path: Path | None = None) -> None:
        from ..inspections.report_pdf_action import new_inspection_from_pdf

        new_inspection_from_pdf(self, path)

    def dragEnterEvent(self, event) -> None:
        from ..inspections.report_pdf_action import accept_pdf_drag

        accept_pdf_drag(event)

    def dropEvent(self, event) -> None:
        from ..inspections.report_pdf_action import drop_pdf

        drop_pdf(self, event)

    def show_change_history(self) -> None:
        self.editor.show_change_history()

    def letter_host(self) -> InspectionEditor:  # what the Letter menu acts on
        return self.editor

    def paper_host(self) -> MeetingEditor:  # what the Board menu's papers act on
        return self.meeting_editor

    def save_progress_report(self) -> None:
        from ..letters.progress_report_action import save_progress_report

        save_progress_report(self, self.office, self.today_provider)

    def search_everything(self) -> SearchDialog:
        from .search_dialog import SearchDialog

        dialog = SearchDialog(self.office, self.open_inspection_at, self, self.open_meeting, self.open_board)
        dialog.open()
        return dialog

    def open_board(self, board_id: int) -> None:
        self.show_page(BOARDS)
        self.boards.select_board(board_id)

    def open_inspection_at(self, inspection_id: int, finding_id: int | None = None) -> None:
        """Open the inspection and, for a finding, select it in the findings panel."""
        self.open_inspection(inspection_id)
        if finding_id is not None and self.editor.current_id() == inspection_id:
            panel = self.editor.view.findings_panel
            row = next((n for n, f in enumerate(panel.findings()) if f.id == finding_id), None)
            if row is not None:
                panel.select_row(row)

    def _new_inspection_from_sidebar(self) -> None:
        self.new_inspection()
        if self.nav.currentIndex().row() == NEW_INSPECTION_ROW:  # the user kept the unsaved record: stay
            self.show_page(self.current_page())

    def new_inspection(self) -> None:
        if self.editor.is_dirty() and not self.editor.can_close():
            return
        self.editor.load_new()
        self.show_page(EDITOR)

    def save_inspection(self) -> None:
        if self.current_page() == EDITOR:
            self.editor.save()
        elif self.current_page() == MEETING:
            self.meeting_editor.save()

    def recently_deleted(self) -> None:
        from ..inspections.recently_deleted_dialog import RecentlyDeletedDialog

        self.recently_deleted_dialog = RecentlyDeletedDialog(self.office, self.bus, self)
        self.recently_deleted_dialog.exec()

    def find_in_page(self) -> None:
        self.show_page(INSPECTIONS)
        self.inspections.focus_filter()

    # State -------------------------------------------------------------------------------------
    def restore_state(self) -> None:
        ui_state.restore_widget_state(WINDOW_STATE_KEY, self)
        ui_state.restore_widget_state(SPLITTER_STATE_KEY, self.splitter)  # lists restore theirs when built

    def save_state(self) -> None:
        ui_state.save_widget_state(WINDOW_STATE_KEY, self)
        ui_state.save_widget_state(SPLITTER_STATE_KEY, self.splitter)
        if self.pages.is_built(INSPECTIONS):
            self.inspections.save_state()
        if self.pages.is_built(FINDINGS):
            self.findings.save_state()
        self.dashboard.stop_pending()

    def discard_without_asking(self) -> None:
        """Close after the office was replaced underneath (restore): nothing here is worth keeping."""
        self._discarding = True
        self.close()

    def has_unsaved_changes(self) -> bool:
        return ((self.pages.is_built(EDITOR) and self.editor.is_dirty())
                or (self.pages.is_built(MEETING) and self.meeting_editor.is_dirty()))

    def stop_pending(self) -> None:
        self.dashboard.stop_pending()

    def reopened(self, office: Office) -> MainWindow:
        """A new window over `office` (after a restore), shown; this one is then discarded."""
        replacement = MainWindow(office, EventBus(), self.today_provider)
        replacement.show()
        return replacement

    def editors_can_close(self) -> bool:
        """Unsaved work in the inspection or meeting editor saved or discarded (asks the user)."""
        return ((not self.pages.is_built(EDITOR) or self.editor.can_close())
                and (not self.pages.is_built(MEETING) or self.meeting_editor.can_close()))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._discarding:
            self._day_timer.stop()
            self._warm_up_timer.stop()
            self.dashboard.stop_pending()
            event.accept()
            return
        if not self.editors_can_close():
            event.ignore()
            return
        self.save_state()
        self._day_timer.stop()
        self._warm_up_timer.stop()
        event.accept()

    # Updates -----------------------------------------------------------------------------------
    def _on_heading_changed(self, heading: str) -> None:
        shown = NEW_RECORD_LABEL if heading in ("", NEW_HEADING) else heading
        self.nav_model.setData(self.nav_model.index(EDITOR), shown)
        self._update_title()
        self._update_actions()

    def _on_changes(self, _changes: Changes) -> None:
        """The editor reloads or detaches its own record; the window refreshes its status and menus."""
        self._update_status()
        self._update_actions()

    def _check_new_day(self) -> None:
        today = self.today_provider()
        if today != self._last_today:
            self._last_today = today
            self.dashboard.refresh()
            if self.pages.is_built(INSPECTIONS):
                self.inspections.refresh()
            self._update_status()

    def _update_title(self) -> None:
        heading = self.nav_model.index(self.current_page()).data() or ""
        # "Dashboard — OPCC Desktop": ending with the application's display name, Qt adds it no second time.
        marking = "DEMONSTRATION — " if self.office.is_demonstration else ""
        self.setWindowTitle(f"{marking}{literal_window_title(heading)}[*] — {APP_TITLE}")

    def _update_actions(self) -> None:
        on_editor = self.current_page() == EDITOR
        letter_ready = on_editor and self.editor.current_id() is not None
        on_meeting = self.current_page() == MEETING
        actions = self.menu_actions
        actions.save.setEnabled(on_editor or on_meeting)
        for action in (actions.agenda_pdf, actions.minutes_pdf):
            action.setEnabled(on_meeting and self.meeting_editor.current_id() is not None)
        for action in (actions.preview, actions.print, actions.save_pdf, actions.letters):
            action.setEnabled(letter_ready)

    def _update_status(self) -> None:
        overdue = sum(1 for item in self.dashboard.items() if item.overdue)  # refreshed before this runs
        text = f"{overdue} overdue s.55 response{'s' if overdue != 1 else ''}" if overdue else "No overdue s.55 responses"
        self.overdue_label.setText(text)
        # A palette and a bold font, not a style sheet: a style sheet re-styles the label on every start.
        palette = self.statusBar().palette()
        if overdue:
            palette.setColor(self.overdue_label.foregroundRole(), tone_foreground(Tone.OVERDUE))
        self.overdue_label.setPalette(palette)
        font = self.overdue_label.font()
        font.setBold(bool(overdue))
        self.overdue_label.setFont(font)
