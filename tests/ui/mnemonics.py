"""Alt+letter mnemonics visible at the same time in one window, and the clashes between them."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QMainWindow, QTabWidget, QWidget

MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def visible_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """letter → the texts that use it, among the widgets the user can see in `window` now."""
    used: dict[str, list[str]] = defaultdict(list)

    def add(text: str) -> None:
        letter = mnemonic(text)
        if letter:
            used[letter].append(text)

    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text())
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text())
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title())
        elif isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(widget.tabText(index))
    return dict(used)


def clashes(window: QWidget) -> dict[str, list[str]]:
    return {letter: texts for letter, texts in visible_mnemonics(window).items() if len(texts) > 1}


def clashes_on_every_tab(window: QWidget) -> dict[str, list[str]]:
    """The clashes with each tab of each tab widget shown in turn (hidden tabs' letters do not fire)."""
    found = dict(clashes(window))
    for tabs in window.findChildren(QTabWidget):
        if tabs.window() is not window:
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            for letter, texts in clashes(window).items():
                found[f"{letter} (tab {tabs.tabText(index)!r})"] = texts
        tabs.setCurrentIndex(current)
    return found
