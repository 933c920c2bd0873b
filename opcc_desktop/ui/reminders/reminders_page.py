"""Reminders: everything overdue or coming up within the lead time, grouped by urgency.

Enter opens the record (its inspection, or the meeting an action was born at). Acknowledge hides a
reminder until the next lead-time threshold; Snooze hides it until a date (it comes back at once if
it becomes overdue meanwhile). "Show hidden" lists acknowledged and snoozed ones, which can be restored.

The reminders and the compliance figures are read on a worker with its own connection: a large
office has thousands of dated findings (~0.3 s to gather at ten times a usual office), and the
window must not freeze when the page is shown. The list fills in when they arrive.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.compliance import YearCompliance
from ...domain.reminders import S55, Reminder, Urgency
from ...services.changes import Changes
from ...services.office import Office
from ..common.error_dialogs import ask_yes_no
from ..common.event_bus import EventBus
from ..common.progress_task import run_on_own_connection
from ..common.workers import run_in_background
from ..common.column_fit import TextColumnFirst
from ..common.record_table import configure_record_table
from ..common.table_base import RowRole
from .reminders_model import TITLE_COLUMN, RemindersTableModel
from .compliance_panel import CompliancePanel
from ..common.page_heading import page_heading
from ..common.operations import run_op

log = logging.getLogger(__name__)

DEFAULT_SNOOZE_DAYS = 7
STATUTORY_KINDS = frozenset({S55})  # deadlines set by law (s.55 of the Police Act 1996)
READING_TEXT = "Reading deadlines…"


def reminders_and_compliance(office: Office, today: date, include_silenced: bool
                             ) -> tuple[list[Reminder], list[YearCompliance], frozenset[str]]:
    """What the page shows, read in one go (on a worker, with its own office), with the keys of the
    listed reminders that are hidden (acknowledged or snoozed): they are marked "hidden"."""
    shown = office.reminders.current(today, include_silenced=include_silenced)
    hidden: frozenset[str] = frozenset()
    if include_silenced:
        active = {r.thing.key for r in office.reminders.current(today)}
        hidden = frozenset(r.thing.key for r in shown if r.thing.key not in active)
    return shown, office.reminders.compliance(today), hidden


class RemindersPage(QWidget):
    open_inspection_requested = Signal(int)
    open_meeting_requested = Signal(int)
    export_calendar_requested = Signal()
    loaded = Signal()  # the reminders asked for last have arrived

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.today_provider = today_provider
        self.model = RemindersTableModel(self)
        self.table = QTableView(self)
        self.table.setAccessibleName("Reminders")
        header = configure_record_table(self.table, self.model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # measuring thousands of rows is slow
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("Due within 7 days", "finding open long, no date",
                                         "Public Accountability Conference action 001", "", "00/00/0000",
                                         "2062 days overdue")):
            if sample:
                self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        self.column_fit = TextColumnFirst(self.table, TITLE_COLUMN, keep=(4,))  # narrow window: short columns shrink first
        self.summary_label = QLabel(self)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        self.show_hidden = QCheckBox("Sho&w hidden", self)
        self.open_button = QPushButton("&Open", self)
        self.acknowledge_button = QPushButton("&Acknowledge", self)
        self.snooze_button = QPushButton("&Snooze…", self)
        self.restore_button = QPushButton("&Restore", self)
        self.calendar_button = QPushButton("Export to &calendar…", self)
        self.show_hidden.setToolTip("Also list reminders that were acknowledged or snoozed")
        self.calendar_button.setToolTip("Every open deadline as an .ics file for Outlook")
        self.compliance = CompliancePanel(office, today_provider, self)
        self._layout()
        self._connect()
        self._stale = True  # filled when first shown (or asked): start-up does not pay for it
        self._asked = 0  # which request the list answers; answers to older ones are dropped
        self._loading = False

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(page_heading("Reminders", self), 1)
        top.addWidget(self.calendar_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_hidden)
        buttons.addStretch(1)
        for button in (self.open_button, self.acknowledge_button, self.snooze_button, self.restore_button):
            buttons.addWidget(button)
        listing = QWidget(self)
        listing_layout = QVBoxLayout(listing)
        listing_layout.setContentsMargins(0, 0, 0, 0)
        listing_layout.addWidget(self.table, 1)
        listing_layout.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)  # a short screen: the list keeps most room
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(listing)
        self.splitter.addWidget(self.compliance)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.table.activated.connect(lambda _index: self.open_selected())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.open_button.clicked.connect(self.open_selected)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.snooze_button.clicked.connect(lambda: self.snooze_selected())
        self.restore_button.clicked.connect(self.restore_selected)
        self.show_hidden.toggled.connect(lambda _on: self.refresh())
        self.calendar_button.clicked.connect(self.export_calendar_requested)
        acknowledge = QShortcut(QKeySequence("Ctrl+K"), self.table)
        acknowledge.setContext(Qt.ShortcutContext.WidgetShortcut)
        acknowledge.setWhatsThis("Acknowledge the reminder (hide it until the next reminder date)")
        acknowledge.activated.connect(self.acknowledge_selected)
        self.bus.changed.connect(self._on_changes)

    # Data -----------------------------------------------------------------------------------------
    def is_loading(self) -> bool:
        return self._loading

    def refresh(self) -> None:
        """Read the reminders and compliance figures again, on a worker; shown when they arrive."""
        self._stale = False
        self._asked += 1
        asked, today, hidden = self._asked, self.today_provider(), self.show_hidden.isChecked()
        self._loading = True
        if not self.model.rows:
            self.summary_label.setText(READING_TEXT)

        def failed(error: BaseException) -> None:
            log.warning("Reminders not read: %s", error)
            if asked == self._asked:
                self._loading = False
                self.summary_label.setText(f"The deadlines could not be read: {error}")
                self.loaded.emit()

        run_in_background(run_on_own_connection(self.office.path,
                                                lambda office: reminders_and_compliance(office, today, hidden)),
                          lambda answer: self._show(asked, *answer), failed)

    def _show(self, asked: int, shown: list[Reminder], figures: list[YearCompliance],
              hidden: frozenset[str] = frozenset()) -> None:
        if asked != self._asked or self.office.closed:
            return  # asked again since, or closing
        self._loading = False
        keep = self.selected()
        self.model.hidden_keys = hidden
        self.model.set_rows(shown)
        overdue = sum(1 for r in shown if r.urgency is Urgency.OVERDUE)
        soon = sum(1 for r in shown if r.urgency in (Urgency.TODAY, Urgency.THIS_WEEK))
        self.summary_label.setText(f"{overdue} overdue · {soon} due within 7 days · {len(shown)} in all")
        row = next((n for n, r in enumerate(shown) if keep and r.thing.key == keep.thing.key), 0 if shown else None)
        if row is not None:
            self.table.selectRow(row)
        self._update_buttons()
        self.compliance.show_figures(figures)
        self.loaded.emit()

    def selected(self) -> Reminder | None:
        index = self.table.currentIndex()
        return index.data(RowRole) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        for n, reminder in enumerate(self.model.rows):
            if reminder.thing.key == key:
                self.table.selectRow(n)
                return True
        return False

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        for button in (self.open_button, self.acknowledge_button, self.snooze_button, self.restore_button):
            button.setEnabled(has)

    def _on_changes(self, changes: Changes) -> None:
        if changes.empty:
            return
        if self.isVisibleTo(self.window()):  # the page on show (even if the window is minimised)
            self.refresh()
        else:
            self._stale = True

    # Actions --------------------------------------------------------------------------------------
    def open_selected(self) -> None:
        reminder = self.selected()
        if reminder is None:
            return
        if reminder.thing.inspection_id is not None:
            self.open_inspection_requested.emit(reminder.thing.inspection_id)
        elif reminder.thing.meeting_id is not None:
            self.open_meeting_requested.emit(reminder.thing.meeting_id)

    def acknowledge_selected(self) -> None:
        reminder = self.selected()
        if reminder is not None and self._sure_to_hide(reminder):
            run_op(self, "Acknowledge reminder",
                   lambda: self.office.reminders.acknowledge(reminder.thing, self.today_provider()), self.bus)

    def _sure_to_hide(self, reminder: Reminder) -> bool:
        """An overdue statutory deadline is hidden only when the user says so (Ctrl+K is easy to press)."""
        if reminder.urgency is not Urgency.OVERDUE or reminder.thing.kind not in STATUTORY_KINDS:
            return True
        return ask_yes_no(self, "Hide an overdue statutory deadline?",
                          f"{reminder.thing.reference} {reminder.thing.title}: the s.55 response is "
                          f"{reminder.describe()}.\n\nHide this reminder anyway? It stays listed under "
                          "“Show hidden”, marked hidden, and comes back at the next reminder date.")

    def snooze_selected(self, days: int | None = None) -> None:
        reminder = self.selected()
        if reminder is None or not self._sure_to_hide(reminder):
            return
        if days is None:
            days, ok = QInputDialog.getInt(self, "Snooze reminder", "Hide this reminder for how many days?\n"
                                           "(It comes back at once if it becomes overdue.)",
                                           DEFAULT_SNOOZE_DAYS, 1, 365)
            if not ok:
                return
        today = self.today_provider()
        run_op(self, "Snooze reminder", lambda: self.office.reminders.snooze(reminder.thing, today,
                                                                            today + timedelta(days=days)), self.bus)

    def restore_selected(self) -> None:
        reminder = self.selected()
        if reminder is not None:
            run_op(self, "Restore reminder", lambda: self.office.reminders.restore(reminder.thing), self.bus)

    def showEvent(self, event) -> None:
        self.refresh()
        super().showEvent(event)

    def ensure_current(self) -> None:
        """Read the list again if it has not been since the last change (tests, keyboard paths)."""
        if self._stale:
            self.refresh()

