"""A short first-run tour: four bubbles pointing at the dashboard, Inspections, Findings and Reminders.

Shown once the window has painted, until the user ticks "Don't show this again" (remembered in the
window-state file, so for good on this PC). Help → Show the tour again brings it back. Not modal: the
window works underneath, and Esc closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..common import ui_state

from typing import Protocol

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QListView


class TourHost(Protocol):
    """The window the tour points into (the main window provides it)."""

    dashboard: QWidget
    nav: QListView
    nav_model: QStringListModel
    tour: QWidget | None  # the bubble on show, one per window

    def window(self) -> QWidget: ...

DISMISSED_KEY = "tour/dismissed"
STEPS: tuple[tuple[str, str, str], ...] = (  # (what it points at, heading, text)
    ("dashboard", "The dashboard",
     ("Every s.55 response still to publish, soonest last day first, with the overdue ones in red. "
      "Start here each morning.")),
    ("Inspections", "Inspections",
     ("Every HMICFRS report the office has recorded. Open one to see its findings, its s.55 checklist "
      "and its letters; New inspection records a report.")),
    ("Findings", "Findings",
     ("The tracker: every recommendation and area for improvement across all reports, with owner, status "
      "and target date. Filter, change a status, export for a board.")),
    ("Reminders", "Reminders",
     ("What is overdue or due soon: s.55 deadlines, targets, board actions. Acknowledge one to hide it "
      "until the next reminder date. Press F1 on any page for its part of the user guide.")),
)


def tour_dismissed() -> bool:
    return ui_state.load_text(DISMISSED_KEY, "") == "yes"


class TourBubble(QFrame):
    def __init__(self, window: TourHost):
        super().__init__(window.window())
        self.window_ = window
        self.frame = window.window()  # the window's own widget, for sizes and positions
        self.setObjectName("tourBubble")
        self.setFrameShape(QFrame.Shape.Box)
        self.setAutoFillBackground(True)
        self.step = 0
        self.heading = QLabel(self)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.dont_show = QCheckBox("Don't show this again", self)
        self.next_button = QPushButton("Next", self)
        self.close_button = QPushButton("Close tour", self)
        self.next_button.clicked.connect(self.next_step)
        self.close_button.clicked.connect(self.finish)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.finish).setWhatsThis("Close the tour")
        buttons = QHBoxLayout()
        buttons.addWidget(self.dont_show)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.show_step(0)

    def target(self, name: str) -> QWidget | None:
        return self.window_.dashboard if name == "dashboard" else self.window_.nav

    def show_step(self, step: int) -> None:
        self.step = step
        name, heading, text = STEPS[step]
        self.heading.setText(f"{heading} ({step + 1} of {len(STEPS)})")
        self.text.setText(text)
        last = step == len(STEPS) - 1
        self.next_button.setText("Done" if last else "Next")  # no Alt+letters: they would clash with the page's
        width = min(420, max(260, self.frame.width() // 3))
        self.setFixedWidth(width)
        self.adjustSize()
        self.move(self._place(name))
        self.raise_()
        self.next_button.setFocus()

    def _place(self, name: str) -> QPoint:
        """Beside the sidebar entry it is about (or over the dashboard), always inside the window."""
        window, frame = self.window_, self.frame
        if name == "dashboard":
            spot = window.dashboard.mapTo(frame, QPoint(40, 60))
        else:
            row = window.nav_model.stringList().index(name)
            rect = window.nav.visualRect(window.nav_model.index(row))
            spot = window.nav.viewport().mapTo(frame, QPoint(rect.right() + 12, rect.top()))
        x = max(4, min(spot.x(), frame.width() - self.width() - 4))
        y = max(4, min(spot.y(), frame.height() - self.height() - 4))
        return QPoint(x, y)

    def next_step(self) -> None:
        if self.step + 1 < len(STEPS):
            self.show_step(self.step + 1)
        else:
            self.finish()

    def finish(self) -> None:
        if self.dont_show.isChecked():
            ui_state.save_text(DISMISSED_KEY, "yes")
        self.hide()
        self.deleteLater()
        self.window_.tour = None


def start_tour(window: TourHost, force: bool = False) -> TourBubble | None:
    """The tour, unless dismissed for good (`force`: Help → Show the tour again)."""
    if not force and tour_dismissed():
        return None
    existing = window.tour
    if isinstance(existing, TourBubble):
        existing.show_step(0)
        return existing
    bubble = TourBubble(window)
    window.tour = bubble  # one tour per window
    bubble.show()
    return bubble
