"""Sizes from the screen, never fixed pixels: windows and dialogs open at a share of the screen's
available area (what the taskbar leaves), never larger than it, and long forms scroll rather than clip.

At 1024×768 with 125% scaling the available area is about 819×580 logical pixels: every window and
dialog must fit that (tests/ui/test_screen_fit.py opens each one on such a screen).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QWidget

MARGIN = 16  # room for the window frame and title bar inside the available area


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The available area of the screen the widget (or its parent window) is on, else the primary one."""
    screen = None
    if widget is not None:
        window = widget.window()
        parent = window.parentWidget()
        screen = (parent.window().screen() if parent is not None else None) or window.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 768)


def largest_size(widget: QWidget | None = None) -> QSize:
    """The largest a top-level window may be on this screen (its frame included)."""
    area = available_geometry(widget)
    return QSize(max(area.width() - MARGIN, 200), max(area.height() - 2 * MARGIN - 24, 150))


def screen_share(widget: QWidget, width_share: float, height_share: float,
                 preferred: QSize | None = None) -> QSize:
    """`preferred` (or the widget's size hint), but at most the given share of the screen and never
    below the widget's minimum size hint where the screen allows."""
    largest = largest_size(widget)
    wanted = preferred or widget.sizeHint()
    width = min(wanted.width(), round(largest.width() * width_share), largest.width())
    height = min(wanted.height(), round(largest.height() * height_share), largest.height())
    return QSize(max(width, 100), max(height, 80))


def fit_to_screen(widget: QWidget, width_share: float = 0.9, height_share: float = 0.9,
                  preferred: QSize | None = None) -> None:
    """Resize the window to a share of its screen (at most `preferred`), and cap its maximum size so
    that nothing (a layout growing later, a restored geometry) makes it larger than the screen."""
    largest = largest_size(widget)
    widget.resize(screen_share(widget, width_share, height_share, preferred))
    widget.setMaximumSize(largest)


def keep_on_screen(widget: QWidget) -> None:
    """After a size was restored from another, larger screen: shrink to this one and move onto it."""
    largest = largest_size(widget)
    if widget.width() > largest.width() or widget.height() > largest.height():
        widget.resize(min(widget.width(), largest.width()), min(widget.height(), largest.height()))
    area = available_geometry(widget)
    frame = widget.frameGeometry()
    if not area.contains(frame.topLeft()) or not area.contains(frame.bottomRight()):
        widget.move(max(area.left(), min(frame.left(), area.right() - frame.width())),
                    max(area.top(), min(frame.top(), area.bottom() - frame.height())))


def scrolling(content: QWidget | QLayout, parent: QWidget | None = None) -> QScrollArea:
    """`content` (a widget, or a layout put in a plain widget) inside a frameless vertical scroll area:
    on a short screen the form scrolls and the dialog's buttons stay in view."""
    if isinstance(content, QLayout):
        holder = QWidget()
        holder.setLayout(content)
        content = holder
    area = QScrollArea(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


class ReflowRow(QWidget):
    """Two (or more) panels side by side while there is room, one above the other on a narrow window.

    `side_panel_width` is the width the last panel keeps while side by side; stacked, it takes the
    whole width. The switch happens at `breakpoint` pixels of the row's own width."""

    def __init__(self, widgets: list[QWidget], breakpoint: int, side_panel_width: int,
                 stretches: tuple[int, ...] = (), parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QBoxLayout

        self.breakpoint = breakpoint
        self.side_panel_width = side_panel_width
        self.panels = widgets
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        for number, widget in enumerate(widgets):
            self.box.addWidget(widget, stretches[number] if number < len(stretches) else 0)
        self._apply(side_by_side=True)

    def is_stacked(self) -> bool:
        from PySide6.QtWidgets import QBoxLayout

        return self.box.direction() == QBoxLayout.Direction.TopToBottom

    def _apply(self, side_by_side: bool) -> None:
        from PySide6.QtWidgets import QBoxLayout

        self.box.setDirection(QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom)
        last = self.panels[-1]
        if side_by_side:
            last.setMinimumWidth(self.side_panel_width)
            last.setMaximumWidth(self.side_panel_width)
        else:
            last.setMinimumWidth(0)
            last.setMaximumWidth(16777215)

    def minimumSizeHint(self) -> QSize:
        return QSize(max(p.minimumSizeHint().width() for p in self.panels), super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        side_by_side = event.size().width() >= self.breakpoint
        if side_by_side == self.is_stacked():
            self._apply(side_by_side)
        super().resizeEvent(event)
