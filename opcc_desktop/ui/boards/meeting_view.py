"""`MeetingView`: the layout of the meeting editor (details and attendance, agenda and minutes, action log)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.board_rules import MAX_ITEM_NUMBER
from ...domain.boards import MEETING_STATUSES
from ..common.date_field import DateField
from ..common.error_label import ErrorLabel
from ..common.page_heading import page_heading
from ..common.screen_fit import scrolling
from ..common.record_table import configure_record_table
from .board_models import ActionsModel, AgendaItemsModel
from .item_form import ItemForm


def _lines_box(placeholder: str, name: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setObjectName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


class MeetingView(QWidget):
    def __init__(self, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self.heading_label = page_heading("Meeting", self)
        self.status_label = QLabel()
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label = ErrorLabel()
        self.save_button = QPushButton("&Save meeting")
        self.revert_button = QPushButton("Revert")
        self.agenda_pdf_button = QPushButton("A&genda PDF…")
        self.minutes_pdf_button = QPushButton("&Minutes PDF…")
        self.agenda_web_button = QPushButton("Agenda web page…")  # (Board menu; no letter left free here)
        self.minutes_web_button = QPushButton("Minutes web page…")
        self.back_button = QPushButton("Bac&k to boards")
        self.back_button.setToolTip("Back to the list of boards and meetings")
        self.tabs = QTabWidget()
        self.tabs.addTab(scrolling(self._details_tab(today_provider)), "&1 Details and attendance")  # short screens
        self.tabs.addTab(self._agenda_tab(), "&2 Agenda and minutes")
        self.tabs.addTab(self._actions_tab(today_provider), "&3 Action log")
        buttons = QHBoxLayout()
        for button in (self.save_button, self.revert_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        papers = QHBoxLayout()  # on a line of their own: the page fits a small laptop's window
        for button in (self.agenda_pdf_button, self.minutes_pdf_button, self.agenda_web_button,
                       self.minutes_web_button):
            papers.addWidget(button)
        papers.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading_label)
        layout.addLayout(buttons)
        layout.addLayout(papers)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

    def _details_tab(self, today_provider: Callable[[], date]) -> QWidget:
        self.date_field = DateField(today_provider=today_provider)
        self.time_edit = QLineEdit()
        self.time_edit.setPlaceholderText("10:00")
        self.time_edit.setMaximumWidth(120)
        self.time_edit.setAccessibleName("Start time")
        self.date_field.line_edit.setAccessibleName("Meeting date")
        self.venue_edit = QLineEdit()
        self.venue_edit.setPlaceholderText("e.g. Police Headquarters, Carleton Hall, Penrith")
        self.virtual_check = QCheckBox("Virtual meeting")
        self.status_combo = QComboBox()
        self.status_combo.addItems(MEETING_STATUSES)
        self.status_combo.setMaximumWidth(240)
        self.first_number_spin = QSpinBox()
        self.first_number_spin.setRange(0, MAX_ITEM_NUMBER)
        self.first_number_spin.setMaximumWidth(100)
        self.first_number_spin.setToolTip("The number of the first agenda item (e.g. 7 for an extract)")
        self.attendees_edit = _lines_box(
            "One per line: Name; role — add (absent) at the end for an absent member", "attendees"
        )
        self.apologies_edit = _lines_box("One apology per line", "apologies")
        self.declarations_edit = _lines_box(
            "One declaration of interest per line (or leave empty for none)", "declarations"
        )
        form = QFormLayout()
        form.addRow("&Date", self.date_field)
        when = QHBoxLayout()
        when.addWidget(self.time_edit)
        when.addWidget(self.virtual_check)
        when.addStretch(1)
        form.addRow("Start time", when)
        form.addRow("Ven&ue", self.venue_edit)
        form.addRow("S&tatus", self.status_combo)
        form.addRow("First item &number", self.first_number_spin)
        form.addRow("&Attendance", self.attendees_edit)
        form.addRow("Ap&ologies", self.apologies_edit)
        form.addRow("Decla&rations", self.declarations_edit)
        page = QWidget()
        page.setLayout(form)
        return page

    def _agenda_tab(self) -> QWidget:
        self.items_model = AgendaItemsModel(self)
        self.items_table = QTableView()
        self.items_table.setAccessibleName("Agenda items")
        self.items_table.setObjectName("agendaTable")
        header = configure_record_table(self.items_table, self.items_model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.add_item_button = QPushButton("Add &item")
        self.remove_item_button = QPushButton("Remove item")
        self.up_button = QPushButton("Move &up")
        self.down_button = QPushButton("Move do&wn")
        self.closure_button = QPushButton("Approve a finding's &closure…")
        self.item_form = ItemForm()
        buttons = QHBoxLayout()
        for button in (self.add_item_button, self.remove_item_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.closure_button)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.items_table, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(scrolling(self.item_form))  # the item's fields scroll on a short screen
        splitter.setSizes([220, 380])
        return splitter

    def _actions_tab(self, today_provider: Callable[[], date]) -> QWidget:
        self.actions_model = ActionsModel(today_provider, self)
        self.actions_table = QTableView()
        self.actions_table.setAccessibleName("Action log")
        self.actions_table.setObjectName("actionsTable")
        header = configure_record_table(self.actions_table, self.actions_model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.new_action_button = QPushButton("&New action…")
        self.edit_action_button = QPushButton("Edit / &update action…")
        self.actions_note = QLabel("Actions carried forward from earlier meetings and actions born at this one.")
        self.actions_note.setTextFormat(Qt.TextFormat.PlainText)
        self.actions_note.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_action_button)
        buttons.addWidget(self.edit_action_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.actions_note)
        layout.addWidget(self.actions_table, 1)
        layout.addLayout(buttons)
        return page
