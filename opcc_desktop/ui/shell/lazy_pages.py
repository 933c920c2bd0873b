"""The main window's pages in a stack, each built the first time it is shown or asked for.

Start-up builds only the page that is shown first (the dashboard), so the window paints without
importing and constructing the editors and lists behind the other pages; after the first paint
`warm_up_next` builds the rest in small steps while the user reads the dashboard: each page's
preparations (importing its modules, opening a service) one per call, then the page, so that the
window never pauses long (a page's modules and widgets together took up to 0.3 s).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

log = logging.getLogger(__name__)

PageFactory = Callable[[], QWidget]
Step = Callable[[], object]


class LazyPages:
    def __init__(self, stack: QStackedWidget, factories: Sequence[PageFactory],
                 on_built: Callable[[int, QWidget], None], preparations: Mapping[int, Sequence[Step]] | None = None):
        self.stack = stack
        self._factories = list(factories)
        self._on_built = on_built
        self._preparations = dict(preparations or {})
        self._warm_up: list[tuple[int, Step | None]] | None = None  # (page, step or None = build it)
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
            if placeholder is not None:
                self.stack.removeWidget(placeholder)
                placeholder.deleteLater()
            self.stack.insertWidget(number, page)
            if was_current:
                self.stack.setCurrentIndex(number)
            self._pages[number] = page
            self._on_built(number, page)
        return self._pages[number]

    def warm_up_next(self) -> bool:
        """Take the next small step towards building every page; False when nothing is left."""
        if self._warm_up is None:
            self._warm_up = [(number, step) for number in range(len(self._factories))
                             for step in (*self._preparations.get(number, ()), None)]
        while self._warm_up:
            number, step = self._warm_up.pop(0)
            if number in self._pages:
                continue  # built meanwhile (the user went there): its preparations are moot
            if step is None:
                self.page(number)
            else:
                try:
                    step()
                except Exception:
                    log.exception("Preparing page %s failed", number)
            return any(number not in self._pages for number, _ in self._warm_up)
        return False
