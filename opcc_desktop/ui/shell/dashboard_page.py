"""The dashboard: today's date, three s.55 figures and every open s.55 deadline, soonest first."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.dates import format_uk
from ...services.changes import Changes
from ...services.deadlines import DueItem
from ...services.office import Office
from ..common.event_bus import EventBus
from ..common.workers import run_in_background
from ..common.column_fit import TextColumnFirst
from ..common.record_table import configure_record_table, fit_columns_to_text
from ..common.table_base import RowRole, Tone, tone_foreground
from .due_model import LAST_DAY_COLUMN, DueTableModel
from ..common.page_heading import page_heading

log = logging.getLogger(__name__)

DUE_SOON_DAYS = 28
FIRST_OTHER_DEADLINES_AFTER_MS = 200  # at start-up the s.55 table paints first, undisturbed by the worker
NONE_OPEN_TEXT = "No s.55 responses are open."
EMPTY_OFFICE_TEXT = (
    "There are no inspections yet. Add the first with New inspection (Ctrl+N), bring in records with "
    "File → Import JSON, or try the program with File → Load demonstration data."
)
TITLE_COLUMN = 2


@dataclass(frozen=True)
class OtherDeadlines:
    overdue: int
    next_text: str


def other_deadlines(office: Office, today: date) -> OtherDeadlines:
    """Deadlines other than s.55 that are late, and the soonest still to come (any thread, own office)."""
    from ...domain.reminders import KIND_LABELS, S55

    current = office.reminders.current(today, include_silenced=True)
    overdue = sum(1 for r in current if r.thing.kind != S55 and r.days_left < 0)
    upcoming = sorted((r for r in current if r.days_left >= 0), key=lambda r: (r.thing.due, r.urgency))
    if not upcoming:
        return OtherDeadlines(overdue, "Next: nothing due within the reminder lead time.")
    nxt = upcoming[0]
    what = KIND_LABELS.get(nxt.thing.kind, nxt.thing.kind)
    return OtherDeadlines(overdue, f"Next: {what} {nxt.thing.reference} – {format_uk(nxt.thing.due)} "
                                   f"({nxt.describe()}): {nxt.thing.title}")


class SummaryFigure(QFrame):
    """A big number with a caption underneath."""

    def __init__(self, caption: str, parent=None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0", self)
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.number.setFont(font)
        self.caption = QLabel(caption, self)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.caption)

    def set_value(self, value: int, tone: Tone = Tone.NORMAL) -> None:
        self.number.setText(str(value))
        color = tone_foreground(tone) if value else None
        palette = self.number.palette()
        palette.setColor(self.number.foregroundRole(), color or self.palette().color(self.foregroundRole()))
        self.number.setPalette(palette)


class DashboardPage(QWidget):
    open_requested = Signal(int)
    new_requested = Signal()
    show_all_requested = Signal()
    reminders_requested = Signal()

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date] = date.today, parent=None):
        super().__init__(parent)
        self._office = office
        self._today_provider = today_provider
        self._other_deadlines_asked = 0  # which request the figure on screen answers (newest wins)
        self._other_deadlines_timer = QTimer(self)
        self._other_deadlines_timer.setSingleShot(True)
        self._other_deadlines_timer.setInterval(FIRST_OTHER_DEADLINES_AFTER_MS)  # then 0: see _start_…
        self._other_deadlines_timer.timeout.connect(self._start_other_deadlines)
        self.heading = page_heading("", self)
        self.overdue_figure = SummaryFigure("s.55 responses overdue", self)
        self.soon_figure = SummaryFigure(f"due within {DUE_SOON_DAYS} days", self)
        self.open_figure = SummaryFigure("s.55 responses open", self)
        self.other_figure = SummaryFigure("other overdue", self)
        self.next_label = QLabel(self)  # "Next: …" the soonest deadline of any kind still to come
        self.next_label.setTextFormat(Qt.TextFormat.PlainText)
        self.next_label.setWordWrap(True)
        self.reminders_button = QPushButton("&Reminders", self)
        self.reminders_button.setToolTip("Every deadline: internal targets, chief constable replies, findings, actions")
        self.table_caption = QLabel("Open s.55 responses, by last day", self)
        caption_font = self.table_caption.font()
        caption_font.setBold(True)
        self.table_caption.setFont(caption_font)
        self.empty_label = QLabel(NONE_OPEN_TEXT, self)
        self.empty_label.setTextFormat(Qt.TextFormat.PlainText)
        self.empty_label.setWordWrap(True)
        self.hint_label = QLabel("Double-click a row, or select it and press Enter, to open the inspection.", self)
        self.hint_label.setEnabled(False)  # greyed: a hint, not content
        self.model = DueTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("dueTable")
        self.table.setAccessibleName("Open s.55 responses, by last day")
        self.new_button = QPushButton("&New inspection", self)
        self.all_button = QPushButton("Show &all inspections", self)
        self._setup_table()
        self._layout()
        self.table.activated.connect(self._on_activated)
        self.new_button.clicked.connect(self.new_requested)
        self.all_button.clicked.connect(self.show_all_requested)
        self.reminders_button.clicked.connect(self.reminders_requested)
        bus.changed.connect(self._on_changes)
        self.refresh()

    def _setup_table(self) -> None:
        table = self.table
        header = configure_record_table(table, self.model)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setSortingEnabled(True)
        table.sortByColumn(LAST_DAY_COLUMN, Qt.SortOrder.AscendingOrder)
        self.column_fit = TextColumnFirst(table, TITLE_COLUMN, keep=(LAST_DAY_COLUMN,))  # narrow window: short columns shrink first

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.all_button)
        top.addWidget(self.new_button)
        figures = QHBoxLayout()
        for figure in (self.overdue_figure, self.soon_figure, self.open_figure, self.other_figure):
            figures.addWidget(figure)
        figures.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(figures)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_label, 1)
        next_row.addWidget(self.reminders_button)
        layout.addLayout(next_row)
        layout.addSpacing(8)
        layout.addWidget(self.table_caption)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)  # as tall as its rows (see _fit_table), scrolling beyond that
        layout.addWidget(self.hint_label)
        layout.addStretch(0)

    def _fit_table(self) -> None:
        """Cap the table at the height of its rows so short lists don't leave a blank box."""
        table = self.table
        rows_height = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
        frame = table.frameWidth() * 2
        table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + rows_height + frame + 2)

    # Public ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        today = self._today_provider()
        self.heading.setText(f"Dashboard – {today:%A} {format_uk(today)}")
        items = self._office.due(today, within_days=None)
        header = self.table.horizontalHeader()
        self.model.set_rows(items)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        fit_columns_to_text(self.table, skip=(TITLE_COLUMN,))
        self.column_fit.remember()
        overdue = sum(1 for item in items if item.overdue)
        soon = sum(1 for item in items  # a deadline not known yet is listed, not counted as due soon
                   if item.due is not None and not item.overdue and item.days_left <= DUE_SOON_DAYS)
        self.overdue_figure.set_value(overdue, Tone.OVERDUE)
        self.soon_figure.set_value(soon, Tone.SOON)
        self.open_figure.set_value(len(items))
        self.empty_label.setText(EMPTY_OFFICE_TEXT if not items and self._office.is_empty() else NONE_OPEN_TEXT)
        self.empty_label.setVisible(not items)
        self.table.setVisible(bool(items))
        self.hint_label.setVisible(bool(items))
        self._fit_table()
        # The s.55 table paints first; the other deadlines (thousands of findings in a large office) a
        # moment later, so that start-up is not held up by them.
        self._other_deadlines_timer.start()

    def stop_pending(self) -> None:
        """Closing: the deferred figures must not query a database that is about to close."""
        self._other_deadlines_timer.stop()
        self._other_deadlines_asked += 1  # an answer still on its way is dropped

    def show_other_deadlines_now(self) -> None:
        self.stop_pending()
        self._show_other_deadlines(other_deadlines(self._office, self._today_provider()))

    def _start_other_deadlines(self) -> None:
        """Read the other deadlines on a worker with its own connection (thousands of findings in a
        large office take longer than a frame); the figures fill in when the answer arrives."""
        from ..common.progress_task import run_on_own_connection

        self._other_deadlines_timer.setInterval(0)  # only start-up waits for the first paint
        if self._office.closed:
            return
        self._other_deadlines_asked += 1
        asked, today = self._other_deadlines_asked, self._today_provider()

        def deliver(summary: OtherDeadlines) -> None:
            if asked == self._other_deadlines_asked and not self._office.closed:
                self._show_other_deadlines(summary)

        run_in_background(run_on_own_connection(self._office.path, lambda office: other_deadlines(office, today)),
                          deliver, lambda error: log.warning("Other deadlines not shown: %s", error))

    def _show_other_deadlines(self, summary: OtherDeadlines) -> None:
        """At a glance beyond s.55: how many other deadlines are late, and what comes next."""
        self.other_figure.set_value(summary.overdue, Tone.OVERDUE)
        self.next_label.setText(summary.next_text)

    def items(self) -> list[DueItem]:
        return self.model.rows

    # Slots -------------------------------------------------------------------------------------
    def _on_activated(self, index: QModelIndex) -> None:
        item = index.data(RowRole)
        if item is not None:
            self.open_requested.emit(item.inspection_id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.inspections or changes.deleted_inspections or changes.reminders or changes.boards:
            self.refresh()
