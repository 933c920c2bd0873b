"""The main window: navigation on the left, the pages in a stack, menus, shortcuts and status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, QSize, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ..errors import UserFacingError
from ..services.changes import Changes
from ..services.office import Office
from . import ui_state
from .accessibility import name_fields
from .boards.boards_page import BoardsPage
from .calendar_actions import export_calendar
from .progress_report_action import save_progress_report
from .spreadsheet_import_dialog import import_tracker_spreadsheet
from .search_dialog import SearchDialog
from .pages.findings_page import FindingsPage
from .pages.reminders_page import RemindersPage
from .boards.meeting_editor import MeetingEditor
from .error_dialogs import show_error
from .event_bus import EventBus
from .forms.inspection_editor import InspectionEditor
from .office_actions import OfficeActions
from .backup_actions import BackupActions
from .pages.dashboard_page import DashboardPage
from .pages.inspections_page import InspectionsPage
from .table_models.base import Tone, tone_foreground

APP_TITLE = "OPCC Desktop"
DASHBOARD, INSPECTIONS, EDITOR, BOARDS, MEETING, REMINDERS, FINDINGS = range(7)
PAGE_NAMES = ["Dashboard", "Inspections", "New inspection", "Boards", "Meeting", "Reminders", "Findings"]
WINDOW_STATE_KEY = "main_window"
SPLITTER_STATE_KEY = "main_window/splitter"
DAY_CHECK_MS = 60_000
NAV_ITEM_PADDING = 10


class OneLineDelegate(QStyledItemDelegate):
    """Navigation items: one line, elided at the list's width, with a little air around them."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return super().sizeHint(option, index) + QSize(0, NAV_ITEM_PADDING)


def literal_window_title(text: str) -> str:
    """Qt treats "[*]" in a window title as the modified marker; doubling it shows it literally."""
    return text.replace("[*]", "[*][*]")


class MainWindow(QMainWindow):
    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.today_provider = today_provider
        self._last_today = today_provider()
        self.dashboard = DashboardPage(office, bus, today_provider, self)
        self.inspections = InspectionsPage(office, bus, today_provider, self)
        self.editor = InspectionEditor(office, bus, today_provider, self)
        self.boards = BoardsPage(office, bus, today_provider, self)
        self.meeting_editor = MeetingEditor(office, bus, today_provider, self)
        self.reminders = RemindersPage(office, bus, today_provider, self)
        self.findings = FindingsPage(office, bus, today_provider, self)
        self.stack = QStackedWidget(self)
        for page in (self.dashboard, self.inspections, self.editor, self.boards, self.meeting_editor, self.reminders, self.findings):
            self.stack.addWidget(page)
        self.nav_model = QStringListModel(PAGE_NAMES, self)
        self.nav = self._build_nav()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1000])
        self.setCentralWidget(self.splitter)
        self.office_actions = OfficeActions(self)
        self.backup_actions = BackupActions(self)
        self._discarding = False
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self._check_new_day)
        self._day_timer.start()
        self.editor.load_new()
        self.resize(1200, 760)
        self.restore_state()
        self.show_page(DASHBOARD)
        self._update_status()
        name_fields(self)  # screen-reader names from the visible labels

    # Construction ------------------------------------------------------------------------------
    def _build_nav(self) -> QListView:
        nav = QListView(self)
        nav.setObjectName("navigation")
        nav.setAccessibleName("Pages")
        nav.setModel(self.nav_model)
        nav.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        nav.setWordWrap(True)  # lays items out at the viewport's width; the delegate keeps them one line
        nav.setTextElideMode(Qt.TextElideMode.ElideRight)
        nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        nav.setItemDelegate(OneLineDelegate(nav))
        nav.setSpacing(2)
        nav.setMinimumWidth(130)
        return nav

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        acts = self.office_actions
        self.action_new = self._action("&New inspection", self.new_inspection, QKeySequence.StandardKey.New)
        self.action_save = self._action("&Save", self.save_inspection, QKeySequence.StandardKey.Save)
        self.action_import = self._action("&Import JSON…", acts.import_json)
        self.action_export = self._action("&Export JSON…", acts.export_json)
        self.action_import_sheet = self._action("Import tracker s&preadsheet (.xlsx, .csv)…",
                                                lambda: import_tracker_spreadsheet(self))
        self.action_demo = self._action("Load &demonstration data…", acts.load_demo)
        self.action_settings = self._action("Office se&ttings…", acts.edit_settings)
        self.action_calendar = self._action("Export deadlines to &calendar (.ics)…", self.export_calendar)
        self.action_backup = self._action("&Back up now", self.backup_actions.back_up_now)
        self.action_restore = self._action("&Restore from backup…", self.backup_actions.restore)
        self.action_backup_folder = self._action("Backup &folder…", self.backup_actions.choose_folder)
        self.action_quit = self._action("&Quit", self.close, "Ctrl+Q")
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.action_find = self._action("&Find…", self.find, QKeySequence.StandardKey.Find)
        self.action_search = self._action("&Search everything…", self.search_everything, "Ctrl+Shift+F")
        self.action_deleted = self._action("Recently &deleted…", self.recently_deleted)
        self.action_audit = self._action("Change &history of this inspection…",
                                         lambda: self.editor.show_change_history(), "Ctrl+Shift+H")
        self.action_preview = self._action("&Preview letter", lambda: self.editor.preview_letter(), "Ctrl+Shift+P")
        self.action_print = self._action("P&rint letter…", lambda: self.editor.print_letter(), "Ctrl+P")
        self.action_save_pdf = self._action("Save letter as P&DF…", lambda: self.editor.save_letter_as())
        self.action_letters = self._action("Letters and &sign-off…", lambda: self.editor.open_letter_editor(), "Ctrl+L")
        self.action_about = self._action("&About OPCC Desktop", acts.about)
        self.action_pages = [
            self._action(f"&{number + 1} {name}", lambda n=number: self.show_page(n), f"Ctrl+{number + 1}")
            for number, name in enumerate(["Dashboard", "Inspections", "Inspection", "Boards", "Meeting", "Reminders", "Findings"])
        ]
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addActions([self.action_new, self.action_save])
        file_menu.addSeparator()
        file_menu.addActions([self.action_import, self.action_export, self.action_import_sheet, self.action_calendar,
                              self.action_demo])
        file_menu.addSeparator()
        file_menu.addAction(self.action_settings)
        file_menu.addActions([self.action_backup, self.action_restore, self.action_backup_folder])
        file_menu.addSeparator()
        file_menu.addAction(self.action_quit)
        bar.addMenu("&Edit").addActions([self.action_find, self.action_search, self.action_deleted, self.action_audit])
        bar.addMenu("&View").addActions(self.action_pages)
        bar.addMenu("&Letter").addActions([self.action_preview, self.action_print, self.action_save_pdf,
                                           self.action_letters])
        self.action_agenda_pdf = self._action("Save &agenda as PDF…", lambda: self.meeting_editor.save_paper("agenda"))
        self.action_minutes_pdf = self._action("Save &minutes as PDF…", lambda: self.meeting_editor.save_paper("minutes"))
        self.action_progress_report = self._action(
            "HMICFRS &progress report for a board paper…", lambda: save_progress_report(self, self.office, self.today_provider))
        bar.addMenu("&Board").addActions([self.action_agenda_pdf, self.action_minutes_pdf, self.action_progress_report])
        bar.addMenu("&Help").addAction(self.action_about)

    def _build_status_bar(self) -> None:
        self.path_label = QLabel(f"Database: {self.office.path}", self)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        self.overdue_label = QLabel(self)
        self.overdue_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.overdue_label)

    def _connect(self) -> None:
        self.nav.selectionModel().currentChanged.connect(self._on_nav_changed)
        for page in (self.dashboard, self.inspections):
            page.open_requested.connect(self.open_inspection)
            page.new_requested.connect(self.new_inspection)
        self.dashboard.show_all_requested.connect(lambda: self.show_page(INSPECTIONS))
        self.dashboard.reminders_requested.connect(lambda: self.show_page(REMINDERS))
        self.editor.heading_changed.connect(self._on_heading_changed)
        self.editor.dirty_changed.connect(self.setWindowModified)
        self.editor.saved.connect(lambda _id: self._update_actions())
        self.boards.open_meeting_requested.connect(self.open_meeting)
        self.reminders.open_inspection_requested.connect(self.open_inspection)
        self.findings.open_requested.connect(self.open_inspection_at)
        self.reminders.open_meeting_requested.connect(self.open_meeting)
        self.reminders.export_calendar_requested.connect(self.export_calendar)
        self.editor.discussed_at.open_meeting_requested.connect(self.open_meeting)
        self.meeting_editor.back_requested.connect(lambda: self.show_page(BOARDS))
        self.meeting_editor.heading_changed.connect(
            lambda text: self.nav_model.setData(self.nav_model.index(MEETING), text or PAGE_NAMES[MEETING]))
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
        if current.isValid() and current.row() != self.stack.currentIndex():
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
            try:
                self.editor.load(inspection_id)
            except UserFacingError as exc:
                show_error(self, "Cannot open the inspection", str(exc))
                self.inspections.refresh()
                self.dashboard.refresh()
                return
        self.show_page(EDITOR)

    def open_meeting(self, meeting_id: int) -> None:
        if self.meeting_editor.current_id() != meeting_id:
            if not self.meeting_editor.can_close():
                return
            try:
                self.meeting_editor.load(meeting_id)
            except UserFacingError as exc:
                show_error(self, "Cannot open the meeting", str(exc))
                return
        self.show_page(MEETING)

    def export_calendar(self) -> None:
        from .office_actions import last_folder

        export_calendar(self, self.office, self.today_provider(), last_folder())

    def search_everything(self) -> SearchDialog:
        dialog = SearchDialog(self.office, self.open_inspection_at, self)
        dialog.open()
        return dialog

    def open_inspection_at(self, inspection_id: int, finding_id: int | None = None) -> None:
        """Open the inspection and, for a finding, select it in the findings panel."""
        self.open_inspection(inspection_id)
        if finding_id is not None and self.editor.current_id() == inspection_id:
            panel = self.editor.view.findings_panel
            row = next((n for n, f in enumerate(panel.findings()) if f.id == finding_id), None)
            if row is not None:
                panel.select_row(row)

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
        from .recently_deleted_dialog import RecentlyDeletedDialog

        self.recently_deleted_dialog = RecentlyDeletedDialog(self.office, self.bus, self)
        self.recently_deleted_dialog.exec()

    def find(self) -> None:
        self.show_page(INSPECTIONS)
        self.inspections.focus_filter()

    # State -------------------------------------------------------------------------------------
    def restore_state(self) -> None:
        ui_state.restore_widget_state(WINDOW_STATE_KEY, self)
        ui_state.restore_widget_state(SPLITTER_STATE_KEY, self.splitter)
        self.inspections.restore_state()
        self.findings.restore_state()

    def save_state(self) -> None:
        ui_state.save_widget_state(WINDOW_STATE_KEY, self)
        ui_state.save_widget_state(SPLITTER_STATE_KEY, self.splitter)
        self.inspections.save_state()
        self.findings.save_state()
        self.dashboard.stop_pending()

    def discard_without_asking(self) -> None:
        """Close after the office was replaced underneath (restore): nothing here is worth keeping."""
        self._discarding = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._discarding:
            self._day_timer.stop()
            self.dashboard.stop_pending()
            event.accept()
            return
        if not self.editor.can_close() or not self.meeting_editor.can_close():
            event.ignore()
            return
        self.save_state()
        self._day_timer.stop()
        event.accept()

    # Updates -----------------------------------------------------------------------------------
    def _on_heading_changed(self, heading: str) -> None:
        self.nav_model.setData(self.nav_model.index(EDITOR), heading or PAGE_NAMES[EDITOR])
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
            self.inspections.refresh()
            self._update_status()

    def _update_title(self) -> None:
        heading = self.nav_model.index(self.current_page()).data() or ""
        self.setWindowTitle(f"{APP_TITLE} — {literal_window_title(heading)}[*]")

    def _update_actions(self) -> None:
        on_editor = self.current_page() == EDITOR
        letter_ready = on_editor and self.editor.current_id() is not None
        self.action_save.setEnabled(on_editor or self.current_page() == MEETING)
        for action in (self.action_agenda_pdf, self.action_minutes_pdf):
            action.setEnabled(self.current_page() == MEETING and self.meeting_editor.current_id() is not None)
        for action in (self.action_preview, self.action_print, self.action_save_pdf, self.action_letters):
            action.setEnabled(letter_ready)

    def _update_status(self) -> None:
        overdue = sum(1 for item in self.office.due(self.today_provider(), within_days=None) if item.overdue)
        if overdue:
            self.overdue_label.setText(f"{overdue} overdue s.55 response{'s' if overdue != 1 else ''}")
            color = tone_foreground(Tone.OVERDUE).color().name()
            self.overdue_label.setStyleSheet(f"color: {color}; font-weight: bold;")
        else:
            self.overdue_label.setText("No overdue s.55 responses")
            self.overdue_label.setStyleSheet("")
