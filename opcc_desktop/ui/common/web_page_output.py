"""Web pages from the window: "Save as web page…" and "Copy as HTML" for the published response (letter
editor), "Agenda/Minutes web page…" for board papers. The HTML itself comes from services/web_pages.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from ...domain.letter_records import PUBLISHED_RESPONSE
from .error_dialogs import show_info
from .file_dialogs import remember_folder, suggested_path
from .operations import Failed, run_op

HTML_FILTER = "Web pages (*.html)"


def ask_html_path(parent: QWidget | None, default_name: str, caption: str) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, caption, suggested_path(default_name), HTML_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in {".html", ".htm"}:
        path = path.with_name(path.name + ".html")
    remember_folder(path)  # Documents at first, then the last folder used (as every file dialog)
    return path


def save_web_page(parent: QWidget | None, caption: str, default_name: str, make_page: Callable[[], str]) -> Path | None:
    """Ask where, build the page, write it (all or nothing); say where it went. None when cancelled or failed."""
    from ...services.web_pages import write_web_page

    path = ask_html_path(parent, default_name, caption)
    if path is None:
        return None
    def told(error: Exception) -> str:
        return f"The web page could not be written to {path}.\n\n{getattr(error, 'strerror', None) or error}"

    if isinstance(run_op(parent, caption, lambda: write_web_page(make_page(), path), disk=True, message=told), Failed):
        return None
    show_info(parent, caption, f"The web page was saved as {path}.")
    return path


def save_board_paper_page(parent: QWidget | None, office, meeting_id: int, held_on: date, kind: str) -> Path | None:
    """The agenda or minutes of a saved meeting as a web page."""
    from ...services.web_pages import board_paper_page

    caption = "Save agenda as web page" if kind == "agenda" else "Save minutes as web page"
    return save_web_page(parent, caption, f"{kind}-{held_on.isoformat()}.html",
                         lambda: board_paper_page(office.boards, meeting_id, kind))


def copy_html(html: str) -> QMimeData:
    """Put `html` on the clipboard as text/html, with its plain-text reading as text/plain."""
    document = QTextDocument()
    document.setHtml(html)
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(document.toPlainText())
    QGuiApplication.clipboard().setMimeData(mime)
    return mime


class LetterWebActions:
    """The letter editor's two web buttons, enabled while the published response is shown."""

    def __init__(self, editor) -> None:
        self.editor = editor
        self.save_button = QPushButton("Save as web pa&ge…", editor)
        self.copy_button = QPushButton("Copy as &HTML", editor)
        self.save_button.setToolTip("The published response as an accessible web page (.html) for the website")
        self.copy_button.setToolTip("Copy the published response as HTML, to paste into the website's editor")
        self.buttons = (self.save_button, self.copy_button)
        for button in self.buttons:
            button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.copy_button.clicked.connect(self.copy)
        editor.kind_combo.currentIndexChanged.connect(lambda _i: self.update())
        self.update()

    def update(self) -> None:
        enabled = self.editor.kind() == PUBLISHED_RESPONSE
        for button in self.buttons:
            button.setEnabled(enabled)

    def save(self) -> Path | None:
        from ...services.web_pages import published_response_page

        when = self.editor.letter_date()
        if when is None:
            return None
        editor = self.editor
        return save_web_page(
            editor, "Save as web page", editor.default_name(".html"),
            lambda: published_response_page(editor.office.letter_desk, editor.inspection_id, when,
                                            editor.body_edit.toPlainText()))

    def copy(self) -> QMimeData | None:
        from ...services.web_pages import published_response_fragment

        when = self.editor.letter_date()
        if when is None:
            return None
        editor = self.editor
        html = run_op(editor, "Copy as HTML", lambda: published_response_fragment(
            editor.office.letter_desk, editor.inspection_id, when, editor.body_edit.toPlainText()))
        return None if isinstance(html, Failed) else copy_html(html)
