"""`BoardsPage`: the list of boards (editable beside it) and the meetings of the selected board."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.boards import BOARD_KINDS, Board
from ...services.changes import Changes
from ...services.office import Office
from ..common.error_dialogs import ask_yes_no
from ..common.operations import Failed, at_fields, publish, run_op
from ..common.event_bus import EventBus
from ..common.error_label import ErrorLabel
from ..common.page_heading import page_heading
from ..common.record_table import configure_record_table
from ..common.table_base import RowRole
from .board_models import BoardsModel, MeetingsModel
from .attendance_text import lines_to_text, text_to_lines


class BoardsPage(QWidget):
    open_meeting_requested = Signal(int)

    def __init__(self, office: Office, bus: EventBus, today_provider: Callable[[], date], parent=None):
        super().__init__(parent)
        self.office = office
        self.bus = bus
        self.today_provider = today_provider
        self.ask_new_meeting: Callable[[QDialog], bool] = lambda d: d.exec() == QDialog.DialogCode.Accepted
        self.boards_model = BoardsModel(self)
        self.meetings_model = MeetingsModel(self)
        self.boards_table = QTableView(self)
        self.boards_table.setObjectName("boardsTable")
        self.boards_table.setAccessibleName("Boards")
        self.meetings_table = QTableView(self)
        self.meetings_table.setObjectName("meetingsTable")
        self.meetings_table.setAccessibleName("Meetings of the selected board")
        for table, model in ((self.boards_table, self.boards_model), (self.meetings_table, self.meetings_model)):
            header = configure_record_table(table, model)
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
        boards_header = self.boards_table.horizontalHeader()
        boards_header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        boards_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        boards_header.setStretchLastSection(False)
        for column, width in ((1, 150), (2, 100), (3, 70)):
            self.boards_table.setColumnWidth(column, width)
        # Fixed starting widths: ResizeToContents would measure every meeting of a board on each refresh.
        self.meetings_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, sample in enumerate(("00/00/0000", "00:00", "Police Headquarters", "minutes approved", "Items")):
            width = self.meetings_table.fontMetrics().horizontalAdvance(sample) + 24
            self.meetings_table.setColumnWidth(column, width)
        self.name_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setEditable(True)
        self.kind_combo.addItems(BOARD_KINDS)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind_combo.setMinimumContentsLength(14)
        self.frequency_edit = QLineEdit(self)
        self.frequency_edit.setPlaceholderText("e.g. every six weeks")
        self.members_edit = QPlainTextEdit(self)
        self.members_edit.setPlaceholderText("One member per line")
        self.members_edit.setMaximumHeight(90)
        self.board_error = ErrorLabel(self)
        self.new_board_button = QPushButton("New boa&rd", self)
        self.save_board_button = QPushButton("Save boar&d", self)
        self.delete_board_button = QPushButton("Delete…", self)
        self.new_meeting_button = QPushButton("New &meeting", self)
        self.open_meeting_button = QPushButton("&Open", self)
        self.delete_meeting_button = QPushButton("Delete…", self)
        self.meetings_label = QLabel(self)
        self.meetings_label.setTextFormat(Qt.TextFormat.PlainText)
        self._editing_id: int | None = None
        self._layout()
        self._connect()
        self.refresh()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Kind", self.kind_combo)
        form.addRow("Meets", self.frequency_edit)
        form.addRow("Members", self.members_edit)
        form.addRow("", self.board_error)
        board_buttons = QHBoxLayout()
        for button in (self.new_board_button, self.save_board_button, self.delete_board_button):
            board_buttons.addWidget(button)
        board_buttons.addStretch(1)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.boards_table, 1)
        box = QGroupBox("Board details", left)
        box_layout = QVBoxLayout(box)
        box_layout.addLayout(form)
        box_layout.addLayout(board_buttons)
        left_layout.addWidget(box)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.meetings_label)
        right_layout.addWidget(self.meetings_table, 1)
        meeting_buttons = QHBoxLayout()
        meeting_buttons.addStretch(1)
        for button in (self.new_meeting_button, self.open_meeting_button, self.delete_meeting_button):
            meeting_buttons.addWidget(button)
        right_layout.addLayout(meeting_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([620, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(page_heading("Boards and meetings", self))
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.boards_table.selectionModel().currentRowChanged.connect(lambda *_: self._board_selected())
        self.meetings_table.activated.connect(lambda _index: self.open_selected_meeting())
        self.new_board_button.clicked.connect(self.new_board)
        self.save_board_button.clicked.connect(self.save_board)
        self.delete_board_button.clicked.connect(self.delete_board)
        self.new_meeting_button.clicked.connect(self.new_meeting)
        self.open_meeting_button.clicked.connect(self.open_selected_meeting)
        self.delete_meeting_button.clicked.connect(self.delete_meeting)
        for table, slot, what in ((self.boards_table, self.delete_board, "Delete the board"),
                                  (self.meetings_table, self.delete_meeting, "Delete the meeting")):
            shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.setWhatsThis(what)  # listed by Help → Keyboard shortcuts
            shortcut.activated.connect(slot)
        self.bus.changed.connect(self._on_changes)

    # Boards ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.selected_board_id()
        self.boards_model.set_rows(self.office.boards.boards())
        rows = self.boards_model.rows
        target = next((n for n, b in enumerate(rows) if b.id == keep), 0 if rows else None)
        if target is not None:
            self.boards_table.selectRow(target)
        self._board_selected()

    def selected_board_id(self) -> int | None:
        index = self.boards_table.currentIndex()
        board = index.data(RowRole) if index.isValid() else None
        return board.id if board is not None else None

    def select_board(self, board_id: int) -> None:
        for n, board in enumerate(self.boards_model.rows):
            if board.id == board_id:
                self.boards_table.selectRow(n)

    def _board_selected(self) -> None:
        board_id = self.selected_board_id()
        board = next((b for b in self.boards_model.rows if b.id == board_id), None)
        self._show_board(board)
        meetings = self.office.boards.meetings(board_id) if board_id is not None else []
        self.meetings_model.set_rows(meetings)
        self.meetings_label.setText(f"Meetings of {board.name}" if board else "Choose or add a board")
        if meetings:
            self.meetings_table.selectRow(0)
        for button in (
            self.new_meeting_button,
            self.open_meeting_button,
            self.delete_meeting_button,
            self.delete_board_button,
        ):
            button.setEnabled(board is not None)

    def _show_board(self, board: Board | None) -> None:
        self._editing_id = board.id if board else None
        self.name_edit.setText(board.name if board else "")
        self.kind_combo.setCurrentText(board.kind if board else BOARD_KINDS[0])
        self.frequency_edit.setText(board.frequency if board else "")
        self.members_edit.setPlainText(lines_to_text(board.members) if board else "")
        self.board_error.show_message("")

    def new_board(self) -> None:
        self.boards_table.clearSelection()
        self.boards_table.setCurrentIndex(self.boards_model.index(-1, -1))
        self._show_board(None)
        self.name_edit.setFocus()

    def collect_board(self) -> Board:
        return Board(
            id=self._editing_id,
            name=self.name_edit.text().strip(),
            kind=self.kind_combo.currentText().strip(),
            frequency=self.frequency_edit.text().strip(),
            members=text_to_lines(self.members_edit.toPlainText()),
        )

    def save_board(self) -> int | None:
        saved = run_op(self, "Cannot save the board", lambda: self.office.boards.save_board(self.collect_board()),
                       failure=at_fields(lambda exc: self.board_error.show_message("; ".join(map(str, exc.errors)))))
        if isinstance(saved, Failed):
            return None
        board_id, _changes = saved
        self._editing_id = board_id
        publish(self.bus, saved)
        self.select_board(board_id)
        return board_id

    def delete_board(self) -> None:
        board_id = self.selected_board_id()
        if board_id is None:
            return
        name = self.name_edit.text()
        if not ask_yes_no(self, "Delete board", f"Delete {name} with all its meetings and actions?"):
            return
        self._publish(lambda: self.office.boards.delete_board(board_id), "Cannot delete the board")

    # Meetings ----------------------------------------------------------------------------------
    def selected_meeting_id(self) -> int | None:
        index = self.meetings_table.currentIndex()
        summary = index.data(RowRole) if index.isValid() else None
        return summary.id if summary is not None else None

    def new_meeting(self) -> int | None:
        """Ask the date (warning about a second meeting that day), then create the meeting at once, with
        the board's members as attendance, so that it picks up the board's open actions."""
        from .new_meeting_dialog import NewMeetingDialog

        board_id = self.selected_board_id()
        if board_id is None:
            return None
        dialog = NewMeetingDialog(self.office.boards.get_board(board_id), self.office.boards.meetings(board_id),
                                  self.today_provider, self)
        if not self.ask_new_meeting(dialog) or dialog.held_on() is None:
            return None
        created = run_op(self, "Cannot add the meeting", lambda: self.office.boards.create_meeting(dialog.meeting()),
                         self.bus)
        if isinstance(created, Failed):
            return None
        meeting_id, _changes = created
        self.open_meeting_requested.emit(meeting_id)
        return meeting_id

    def open_selected_meeting(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is not None:
            self.open_meeting_requested.emit(meeting_id)

    def delete_meeting(self) -> None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None or not ask_yes_no(
            self, "Delete meeting", "Delete this meeting and its agenda? Its actions stay on the board's action log."
        ):
            return
        self._publish(lambda: self.office.boards.delete_meeting(meeting_id), "Cannot delete the meeting")

    def _publish(self, write: Callable[[], Changes], title: str) -> None:
        run_op(self, title, write, self.bus)

    def _on_changes(self, changes: Changes) -> None:
        if changes.boards or changes.deleted_inspections:
            self.refresh()
