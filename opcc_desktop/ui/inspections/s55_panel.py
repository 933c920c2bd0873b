"""The live s.55 deadline summary beside the inspection form."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from ...domain.dates import format_uk
from ...domain.deadlines import S55_PERIOD_DAYS, s55_day_number, s55_state

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# (light scheme, dark scheme) colours: both readable on their own background.
OVERDUE_STYLE = ("#b00020", "#ff8a80")
SOON_STYLE = ("#9a5b00", "#ffd180")
MET_STYLE = ("#1b6e35", "#81c784")
NEUTRAL_STYLE = ("", "")
SOON_DAYS = 7


def day_and_date(value: date) -> str:
    """"Thu 04/01/2024" (English weekday whatever the system locale)."""
    return f"{WEEKDAYS[value.weekday()]} {format_uk(value)}"


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class S55Panel(QGroupBox):
    """Last permissible day, today's day number and where the deadline stands, kept up to date live."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__("s.55 response deadline", parent)
        self.last_day_label = _plain_label()
        self.day_number_label = _plain_label()
        self.response_label = _plain_label()
        self.state_label = _plain_label()
        self.note_label = _plain_label()
        self.note_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # muted in light and dark
        layout = QVBoxLayout(self)
        for label in (self.last_day_label, self.day_number_label, self.response_label, self.state_label):
            layout.addWidget(label)
        layout.addWidget(self.note_label)
        layout.addStretch(1)
        self.note_label.setText(
            "Police Act 1996 s.55: the Commissioner must publish comments within 56 days, "
            "counting the report's publication day as day 1."
        )

    def show_state(self, published: date | None, applies: str, response_published: date | None, today: date) -> None:
        for label in (self.last_day_label, self.day_number_label, self.response_label):
            label.clear()
            label.setVisible(False)
        if applies == "no":
            self._state("s.55 does not apply", NEUTRAL_STYLE)
            return
        if published is None:
            self._state("Enter the publication date to see the deadline.", None)
            return
        state = s55_state(published, today, response_published)
        last_day = state.last_day
        self._line(
            self.last_day_label,
            f"Last day to publish: {day_and_date(last_day)} "
            f"(day {S55_PERIOD_DAYS} = publication day + {S55_PERIOD_DAYS - 1})",
        )
        self._line(self.day_number_label, self._day_text(published, today))
        if response_published is not None:
            self._line(
                self.response_label,
                f"Response published {day_and_date(response_published)} "
                f"(day {s55_day_number(published, response_published)})",
            )
        text = state.describe()
        if applies == "unclear":
            text += " (if s.55 applies)"
        if state.overdue or (state.met and not state.met_in_time):
            style = OVERDUE_STYLE
        elif state.met_in_time:
            style = MET_STYLE
        elif state.days_left <= SOON_DAYS:
            style = SOON_STYLE
        else:
            style = NEUTRAL_STYLE
        self._state(text, style)

    def state_text(self) -> str:
        return self.state_label.text()

    @staticmethod
    def _day_text(published: date, today: date) -> str:
        number = s55_day_number(published, today)
        if number < 1:
            days = 1 - number
            return f"The report is published in {days} day{'s' if days != 1 else ''}"
        if number <= S55_PERIOD_DAYS:
            return f"Today is day {number} of {S55_PERIOD_DAYS}"
        return f"Today is day {number} (the {S55_PERIOD_DAYS}-day period is over)"

    @staticmethod
    def _line(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(True)

    def _state(self, text: str, colours: tuple[str, str] | None) -> None:
        self.state_label.setText(text)
        if colours is None:
            self.state_label.setStyleSheet("")
            return
        dark = self.palette().base().color().lightness() < 128
        colour = colours[1] if dark else colours[0]
        self.state_label.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "font-weight: bold;")
