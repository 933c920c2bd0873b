"""Text columns stretch; short columns shrink first.

On a small screen a list's text column (a finding's text, a report's title) must not collapse to
"By …" while Kind, Owner and Status keep their widths. `TextColumnFirst` watches the stretching text
column: when it would fall under its share of the table, the short columns give up width in
proportion (never below a floor that still shows a few letters); with room again, they return to
their natural widths (the user's own widths, when they dragged a column).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

TEXT_SHARE = 0.4  # of the table's width, kept for the text column
MIN_TEXT = 160
FLOOR = 32  # a sliver: the header's first letters (the user can widen it; the text column has priority)


def widest_first_cap(widths: list[int], room: int) -> int:
    """The largest cap such that the widths, each cut down to the cap, fit in `room` (the widest
    columns give way first; narrow ones keep their width as long as possible)."""
    ordered = sorted(widths)
    used = 0
    for number, width in enumerate(ordered):
        left = len(ordered) - number  # this one and the wider ones share what remains
        if used + width * left > room:
            return max(FLOOR, (room - used) // left)
        used += width
    return max(ordered, default=FLOOR)


class TextColumnFirst(QObject):
    def __init__(self, table: QTableView, text_column: int, share: float = TEXT_SHARE, keep: tuple[int, ...] = ()):
        super().__init__(table)
        self.table = table
        self.text_column = text_column
        self.keep = keep  # columns (dates) that keep their width: the others give way
        self.share = share
        self.natural: dict[int, int] = {}
        self._fitting = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(text_column, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(self._resized)
        table.installEventFilter(self)  # the table's own resizes and shows (not its viewport's paints)
        self.remember()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            QTimer.singleShot(0, self.refit)  # once the viewport has its new width
        return False

    def _others(self) -> list[int]:
        header = self.table.horizontalHeader()
        return [c for c in range(header.count()) if c != self.text_column and not header.isSectionHidden(c)]

    def remember(self) -> None:
        """Take the columns' present widths as their natural ones (after sizing them to their text)."""
        header = self.table.horizontalHeader()
        self.natural = {c: header.sectionSize(c) for c in self._others()}
        self.refit()

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._fitting:
            return
        if column != self.text_column and column in self.natural:
            self.natural[column] = new  # the user dragged it: that is its width now
        self.refit()

    def widths(self, available: int) -> dict[int, int]:
        """The short columns' widths for a table `available` pixels wide."""
        wanted = sum(self.natural.values())
        room = available - max(MIN_TEXT, round(available * self.share))
        if wanted <= room or not wanted:
            return dict(self.natural)
        # The widest give way first: a date column keeps its width while a long "What" shrinks.
        kept = {c: w for c, w in self.natural.items() if c in self.keep}
        giving = {c: w for c, w in self.natural.items() if c not in self.keep}
        cap = widest_first_cap(list(giving.values()), max(room - sum(kept.values()), 0))
        return kept | {c: max(min(FLOOR, w), min(w, cap)) for c, w in giving.items()}

    def refit(self) -> None:
        header = self.table.horizontalHeader()
        available = self.table.viewport().width()
        if available <= 0 or not self.natural or not self.table.isVisible():  # laid out once shown
            return
        self._fitting = True
        try:
            for column, width in self.widths(available).items():
                if column < header.count() and header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False
