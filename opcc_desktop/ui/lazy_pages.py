"""The main window's pages in a stack, each built the first time it is shown or asked for.

Start-up builds only the page that is shown first (the dashboard), so the window paints without
importing and constructing the editors and lists behind the other pages; after the first paint
`warm_up_next` builds the rest one at a time while the user reads the dashboard.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

PageFactory = Callable[[], QWidget]


class LazyPages:
    def __init__(self, stack: QStackedWidget, factories: Sequence[PageFactory],
                 on_built: Callable[[int, QWidget], None]):
        self.stack = stack
        self._factories = list(factories)
        self._on_built = on_built
        self._pages: dict[int, QWidget] = {}
        for _ in self._factories:
            stack.addWidget(QWidget(stack))  # a placeholder until the page is built

    def is_built(self, number: int) -> bool:
        return number in self._pages

    def built(self) -> list[QWidget]:
        return [self._pages[n] for n in sorted(self._pages)]

    def page(self, number: int) -> QWidget:
        """The page, built now if it was not yet."""
        if number not in self._pages:
            page = self._factories[number]()
            was_current = self.stack.currentIndex() == number
            placeholder = self.stack.widget(number)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(number, page)
            if was_current:
                self.stack.setCurrentIndex(number)
            self._pages[number] = page
            self._on_built(number, page)
        return self._pages[number]

    def warm_up_next(self) -> bool:
        """Build the first page not yet built; False when every page exists."""
        waiting = [n for n in range(len(self._factories)) if n not in self._pages]
        if waiting:
            self.page(waiting[0])
        return len(waiting) > 1
