"""Help → User guide (F1) and Help → Keyboard shortcuts.

The guide is an offline HTML file shipped in `resources/guide/` (with screenshots of the real window,
made by `tools/ui_screenshots.py --guide`). F1 opens it at the section of the page or dialog in front.
The shortcut list is generated from the window's actions and the pages' shortcuts themselves (each
page shortcut says what it does in its `whatsThis`), so it cannot go stale.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...resources import resource_path
from ..common.screen_fit import fit_to_screen
from ..common.table_base import ColumnSpec, RowTableModel

GUIDE = ("guide", "guide.html")
SECTIONS = ("day-one", "dashboard", "record-report", "s55", "letters", "tracker", "boards", "reminders", "backups",
            "keyboard")
PAGE_SECTIONS = ("dashboard", "record-report", "record-report", "boards", "boards", "reminders", "tracker")
DIALOG_SECTIONS = {  # the class name of the window in front → its section
    "WelcomeWizard": "day-one", "SettingsDialog": "day-one", "SpreadsheetImportDialog": "day-one",
    "PasteFindingsDialog": "record-report", "AuditHistoryDialog": "record-report",
    "RecentlyDeletedDialog": "record-report", "SearchDialog": "record-report",
    "LetterEditorDialog": "letters", "SignOffDialog": "letters", "LetterPreviewDialog": "letters",
    "AddSignatoryDialog": "letters", "PassphraseDialog": "letters", "ChangePassphraseDialog": "letters",
    "StatusChangeDialog": "tracker", "FindingHistoryDialog": "tracker", "ProgressReportOptions": "tracker",
    "NewMeetingDialog": "boards", "ActionDialog": "boards", "LinkDialog": "boards", "ClosureDialog": "boards",
    "RestoreDialog": "backups", "ShortcutsDialog": "keyboard",
}


def guide_url(section: str = "") -> QUrl:
    url = QUrl.fromLocalFile(str(resource_path(*GUIDE)))
    if section:
        url.setFragment(section)
    return url


def section_for(window: QWidget | None) -> str:
    """The section for the window in front: a dialog by its kind, the main window by its page."""
    if window is None:
        return ""
    if type(window).__name__ in DIALOG_SECTIONS:
        return DIALOG_SECTIONS[type(window).__name__]
    page = getattr(window, "current_page", None)
    if callable(page):
        number = page()
        return PAGE_SECTIONS[number] if 0 <= number < len(PAGE_SECTIONS) else ""
    return ""


class UserGuideDialog(QDialog):
    """The guide in a plain browser: links between sections work, Back and Contents go where they say."""

    def __init__(self, section: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("User guide")
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("User guide")
        self.browser.setOpenExternalLinks(True)
        self._natural_widths: dict[str, float] = {}
        self.browser.setSource(guide_url())
        self.back_button = QPushButton("&Back", self)
        self.contents_button = QPushButton("&Contents", self)
        self.back_button.clicked.connect(self.browser.backward)
        self.contents_button.clicked.connect(lambda: self.show_section("contents"))
        self.browser.backwardAvailable.connect(self.back_button.setEnabled)
        self.back_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addWidget(self.contents_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addLayout(row)
        fit_to_screen(self, 0.7, 0.9, preferred=self.sizeHint().expandedTo(self.browser.sizeHint()) * 2)
        self.show_section(section)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_pictures)  # once the browser has its new width

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self.fit_pictures)
        QTimer.singleShot(0, lambda: self.show_section(self.current_section))

    def fit_pictures(self) -> None:
        """Scale each picture down to the browser's width (never up), keeping its proportions."""
        room = max(120, self.browser.viewport().width() - 40)
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                char_format = fragment.charFormat()
                if char_format.isImageFormat():
                    image = char_format.toImageFormat()
                    natural = self._natural_widths.setdefault(image.name(), image.width() or room)
                    wanted = min(natural, room)
                    if abs(image.width() - wanted) > 1:
                        picture = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                        size = picture.size() if picture is not None and hasattr(picture, "size") else None
                        image.setWidth(wanted)
                        if size is not None and size.width() > 0:  # the height follows the width
                            image.setHeight(wanted * size.height() / size.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(image)
                iterator += 1
            block = block.next()

    def show_section(self, section: str) -> None:
        if section:
            self.browser.scrollToAnchor(section)
        self.current_section = section


def _key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every menu action with a shortcut, then every page shortcut."""
    rows: list[tuple[str, str, str]] = []
    menu_bar = getattr(window, "menuBar", None)
    seen: set[int] = set()
    if callable(menu_bar):
        for menu_action in menu_bar().actions():
            menu = menu_action.menu()
            if menu is None:
                continue
            where = menu_action.text().replace("&", "") + " menu"
            for action in menu.actions():
                seen.add(id(action))
                for sequence in action.shortcuts():
                    rows.append((where, action.text().replace("&", "").rstrip("…"), _key_text(sequence)))
    for action in window.findChildren(QAction):
        if id(action) not in seen and action.shortcuts() and action.text():
            rows.append(("Window", action.text().replace("&", "").rstrip("…"), _key_text(action.shortcut())))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty():
            where = _page_of(shortcut)
            rows.append((where, shortcut.whatsThis() or "(not described)", _key_text(shortcut.key())))
    unique = list(dict.fromkeys(rows))
    return unique


def _page_of(shortcut: QShortcut) -> str:
    widget = shortcut.parent()
    while isinstance(widget, QWidget):
        name = getattr(widget, "help_page_name", None) or {
            "RemindersPage": "Reminders page", "FindingsPage": "Findings page", "InspectionsPage": "Inspections page",
            "BoardsPage": "Boards page", "MeetingEditor": "Meeting page", "InspectionEditor": "Inspection page",
        }.get(type(widget).__name__)
        if name:
            return name
        widget = widget.parentWidget()
    return "Window"


COLUMNS: tuple[ColumnSpec[tuple[str, str, str]], ...] = (
    ColumnSpec("Keys", lambda r: r[2]),
    ColumnSpec("What it does", lambda r: r[1]),
    ColumnSpec("Where", lambda r: r[0]),
)


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: built from the window's actions and shortcuts when opened."""

    def __init__(self, window: QWidget, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.setWindowTitle("Keyboard shortcuts")
        pages = getattr(window, "pages", None)
        if pages is not None:  # every page's own shortcuts exist once the page is built
            for number in range(len(PAGE_SECTIONS)):
                pages.page(number)
        self.model = RowTableModel(COLUMNS, self)
        self.model.set_rows(shortcut_rows(window))
        self.table = QTableView(self)
        self.table.setAccessibleName("Keyboard shortcuts")
        from ..common.record_table import configure_record_table

        header = configure_record_table(self.table, self.model)
        header.setStretchLastSection(False)
        from PySide6.QtWidgets import QHeaderView

        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        fit_to_screen(self, 0.6, 0.8, preferred=self.sizeHint() * 2)
