"""Save as web page… and Copy as HTML in the letter editor; Agenda/Minutes web page… in the meeting editor."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog

from opcc_desktop.domain.letter_records import PUBLISHED_RESPONSE

from . import test_letter_editor

editor = test_letter_editor.editor  # the letter editor's fixture: the demonstration office's #29536
wait_for_preview = test_letter_editor.wait_for_preview


def test_web_buttons_follow_the_published_response(qtbot, editor):
    assert not editor.web_actions.save_button.isEnabled() and not editor.web_actions.copy_button.isEnabled()
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(PUBLISHED_RESPONSE))
    wait_for_preview(qtbot, editor)
    assert editor.web_actions.save_button.isEnabled() and editor.web_actions.copy_button.isEnabled()


def test_save_as_web_page_writes_the_edited_response(qtbot, editor, tmp_path, monkeypatch, answer_message_boxes):
    shown = answer_message_boxes()
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(PUBLISHED_RESPONSE))
    wait_for_preview(qtbot, editor)
    editor.body_edit.setPlainText("Typed just now: <script>alert(1)</script> & more.")
    wait_for_preview(qtbot, editor)
    target = tmp_path / "response"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    path = editor.web_actions.save_button.click() or Path(str(target) + ".html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en-GB">' in page
    assert "Typed just now: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in page
    assert "<h4>Force response</h4>" in page
    assert shown and shown[-1][0] == "Save as web page"


def test_copy_as_html_puts_html_and_plain_text_on_the_clipboard(qtbot, editor):
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(PUBLISHED_RESPONSE))
    wait_for_preview(qtbot, editor)
    editor.web_actions.copy_button.click()
    clipboard = QGuiApplication.clipboard()
    mime = clipboard.mimeData()
    html, plain = mime.html(), mime.text()
    formats = set(mime.formats())
    del mime
    clipboard.clear()  # the clipboard owns the data: emptied here, not while Qt shuts down
    assert {"text/html", "text/plain"} <= formats
    assert html.startswith('<p class="notice">DEMONSTRATION')  # pasted demo text says what it is
    assert "<h1" in html and "<h3" in html and "<img" not in html
    assert "Force response" in plain and "<h" not in plain
    assert "Area for improvement #29550" in plain


def test_board_menu_and_buttons_save_agenda_and_minutes_web_pages(qtbot, demo_office, today_provider, tmp_path,
                                                                  monkeypatch, answer_message_boxes):
    from .test_boards_window import _window

    shown = answer_message_boxes()
    window = _window(qtbot, demo_office, today_provider)
    committee = demo_office.boards.find_board("Cumbria Police Authority Audit and Performance Committee")
    window.open_meeting(demo_office.boards.meetings(committee.id)[0].id)
    view = window.meeting_editor.view
    for kind, trigger in (("agenda", window.menu_actions.agenda_web.trigger), ("minutes", view.minutes_web_button.click)):
        target = tmp_path / kind
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target, **k: (str(t), "")))
        trigger()
        page = (tmp_path / f"{kind}.html").read_text(encoding="utf-8")
        assert "Collaboration project with Lancashire Constabulary" in page
        assert ('<h2 id="action-log">' in page) == (kind == "minutes")
    assert [title for title, *_ in shown[-2:]] == ["Save agenda as web page", "Save minutes as web page"]
