"""A dd/mm/yyyy date field that can show "not a real date" (QDateEdit cannot), with a calendar popup."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget, QHBoxLayout, QLineEdit, QMenu, QToolButton, QVBoxLayout, QWidget, QWidgetAction,
)

from ...domain.dates import format_uk, parse_uk_date
from .error_label import ErrorLabel

DATE_PLACEHOLDER = "dd/mm/yyyy"


class DateField(QWidget):
    """A line edit for a UK date plus an inline error line.

    `value()` is the date, or None when the field is empty or the text is not a date; `problem()`
    says what is wrong with the text as typed ("31/02/2024 is not a real date"), if anything.
    """

    changed = Signal()

    def __init__(
        self,
        *,
        optional: bool = False,
        today_provider: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.optional = optional
        self._today_provider = today_provider
        self.line_edit = QLineEdit()
        self.line_edit.setPlaceholderText(DATE_PLACEHOLDER)
        self.line_edit.setToolTip("Leave empty when there is no date yet" if optional else "Required")
        self.line_edit.setMaxLength(20)
        self.line_edit.setClearButtonEnabled(optional)
        self.line_edit.setFixedWidth(self.line_edit.fontMetrics().horizontalAdvance("00/00/00000") + 48)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip("Pick the date from a calendar")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
        self._calendar = QCalendarWidget()
        self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self._calendar.setGridVisible(True)
        menu = QMenu(self.calendar_button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self._calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._prepare_calendar)
        def pick(picked: QDate) -> None:
            self._pick(picked)
            menu.close()

        self._calendar.clicked.connect(pick)
        self.calendar_button.setMenu(menu)
        self.error_label = ErrorLabel()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        row.addWidget(self.line_edit)
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        column.addWidget(self.error_label)
        self.setFocusProxy(self.line_edit)

        self.line_edit.textChanged.connect(self.changed)
        self.line_edit.editingFinished.connect(self._tidy)

    # Value ---------------------------------------------------------------------------------------
    def text(self) -> str:
        return self.line_edit.text()

    def is_empty(self) -> bool:
        return not self.line_edit.text().strip()

    def value(self) -> date | None:
        if self.is_empty():
            return None
        try:
            return parse_uk_date(self.line_edit.text())
        except ValueError:
            return None

    def set_value(self, value: date | None) -> None:
        self.line_edit.setText(format_uk(value))

    def problem(self) -> str:
        """What is wrong with the typed text ("" when it is a date, or empty and optional)."""
        if self.is_empty():
            return "" if self.optional else "is required"
        try:
            parse_uk_date(self.line_edit.text())
        except ValueError as error:
            return str(error)
        return ""

    # Messages ------------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self.error_label.show_message(message)

    def error(self) -> str:
        return self.error_label.message()

    # Internals -----------------------------------------------------------------------------------
    def _tidy(self) -> None:
        """Rewrite a valid date the standard way ("1/2/2024" becomes "01/02/2024")."""
        value = self.value()
        if value is not None and self.line_edit.text() != format_uk(value):
            self.set_value(value)

    def _prepare_calendar(self) -> None:
        current = self.value() or (self._today_provider() if self._today_provider else None)
        if current is not None:
            self._calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _pick(self, picked: QDate) -> None:
        self.set_value(date(picked.year(), picked.month(), picked.day()))
        self.line_edit.setFocus(Qt.FocusReason.OtherFocusReason)
