"""The letter editor: pre-filled body, live preview (worker thread), drafts, Word copy, sign-off and archive."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QFileDialog

from opcc_desktop.domain.letter_records import HOME_SECRETARY, PUBLISHED_RESPONSE
from opcc_desktop.services.demo_letters import DEMO_PASSPHRASE
from opcc_desktop.ui.letters.letter_editor import LetterEditorDialog
from opcc_desktop.ui.letters.letter_signoff import SignOffDialog

NOW = datetime(2026, 11, 22, 10, 15, 0)


@pytest.fixture
def editor(qtbot, demo_office, bus, today_provider):
    inspection_id = demo_office.inspections.find("29536").id
    dialog = LetterEditorDialog(demo_office, bus, inspection_id, today_provider, lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy and dialog.pane.page_count() > 0, timeout=15000)
    return dialog


def wait_for_preview(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.timer.isActive() and not dialog.busy, timeout=15000)


def test_body_is_prefilled_and_the_preview_pages_and_zooms(qtbot, editor):
    assert editor.body_edit.toPlainText().startswith("I welcome the inspection")
    assert "Appendix" in editor.body_edit.toPlainText()
    assert editor.pane.page_count() >= 2 and "DRAFT preview" in editor.preview_state.text()
    editor.pane.fit_width()
    before = editor.pane.effective_zoom()
    editor.pane.zoom_in_button.click()
    assert editor.pane.effective_zoom() > before
    assert editor.pane.page_label.text().startswith("Page 1 of")


def test_switching_to_the_published_response_renders_the_template(qtbot, editor):
    editor.kind_combo.setCurrentIndex(editor.kind_combo.findData(PUBLISHED_RESPONSE))
    wait_for_preview(qtbot, editor)
    assert "From discussions with Chief Constable" in editor.body_edit.toPlainText()
    assert "£400,000" not in editor.body_edit.toPlainText()  # the force's answer is printed beside its AFI
    assert editor.last_rendered is not None and b"%PDF" in editor.last_rendered.data[:8]


def test_edited_body_is_previewed_and_saved_as_a_draft(qtbot, editor, demo_office):
    editor.body_edit.setPlainText("A new first paragraph with <b>tags</b> & ampersands.")
    assert editor.draft_label.text() == "Unsaved changes"
    wait_for_preview(qtbot, editor)
    editor.save_draft_button.click()
    assert demo_office.letter_desk.body(editor.inspection_id, HOME_SECRETARY).startswith("A new first paragraph")
    editor.reset_button.click()
    assert editor.body_edit.toPlainText().startswith("I welcome the inspection")


def test_word_copy_is_exported(qtbot, editor, tmp_path, monkeypatch, answer_message_boxes):
    shown = answer_message_boxes()
    target = tmp_path / "letter"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    path = editor.export_word()
    assert path == Path(str(target) + ".docx") and path.exists()
    assert any("Dear Home Secretary" in p.text for p in Document(str(path)).paragraphs)
    assert shown and shown[-1][0] == "Export Word copy"


def test_wrong_passphrase_gives_a_clear_message_and_no_signature(qtbot, editor, demo_office):
    signer = demo_office.signatories.list()[0]
    dialog = SignOffDialog(demo_office, "Letter", lambda sid, pw, reason: demo_office.letter_desk.approve(
        editor.inspection_id, HOME_SECRETARY, NOW.date(), None, sid, pw, anyway_reason=reason),
        lambda sid: demo_office.letter_desk.readiness(editor.inspection_id, HOME_SECRETARY, NOW.date(),
                                                      today=NOW.date(), signatory_id=sid))
    qtbot.addWidget(dialog)
    dialog.signatory_combo.setCurrentIndex(dialog.signatory_combo.findData(signer.id))
    dialog.passphrase_edit.setText("not the passphrase")
    assert "Home Secretary's name" in dialog.readiness_label.text()  # the demo's Home Secretary is unconfirmed
    assert not dialog.ok_button.isEnabled()
    dialog.anyway_check.setChecked(True)
    dialog.reason_edit.setText("Demonstration")
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    assert dialog.approval is None and "passphrase is not right" in dialog.error_label.text()
    assert dialog.passphrase_edit.text() == ""
    assert demo_office.letter_desk.archived(editor.inspection_id) == []


def test_signing_issues_and_archives_a_new_version(qtbot, editor, demo_office, answer_message_boxes):
    shown = answer_message_boxes()
    signer = demo_office.signatories.list()[0]
    for expected_version in (1, 2):
        approval = demo_office.letter_desk.approve(editor.inspection_id, HOME_SECRETARY, NOW.date(),
                                                   editor.body_edit.toPlainText(), signer.id, DEMO_PASSPHRASE,
                                                   anyway_reason="Demonstration")
        editor.issue(approval)
        qtbot.waitUntil(lambda v=expected_version: editor.archive_panel.model.rowCount() == v, timeout=15000)
    records = demo_office.letter_desk.archived(editor.inspection_id)
    assert [r.version for r in records] == [2, 1] and records[0].issued_at == NOW
    assert shown[-1][0] == "Letter issued"
    editor.archive_panel.table.selectRow(0)
    assert editor.archive_panel.verify_selected() is True


def test_issued_letter_opens_and_saves_a_byte_exact_copy(qtbot, editor, demo_office, tmp_path, monkeypatch,
                                                          answer_message_boxes):
    answer_message_boxes()
    signer = demo_office.signatories.list()[0]
    record, changes = demo_office.letter_desk.issue(editor.inspection_id, HOME_SECRETARY, NOW.date(), None,
                                                    signer.id, DEMO_PASSPHRASE, NOW, anyway_reason="Demonstration")
    editor.bus.publish(changes)
    panel = editor.archive_panel
    assert panel.model.rowCount() == 1 and panel.selected().id == record.id
    panel.open_selected()
    assert panel.preview is not None and panel.preview.page_count() == record.pages
    panel.preview.close()
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    assert panel.save_selected() == target
    assert target.read_bytes() == demo_office.letter_desk.archived_pdf(record.id)[1]


def test_the_letter_menu_opens_the_editor_for_the_open_inspection(qtbot, demo_office, bus, today_provider):
    from opcc_desktop.ui.shell.application import build_main_window

    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show()
    inspection_id = demo_office.inspections.find("29536").id
    window.open_inspection(inspection_id)
    assert window.menu_actions.letters.isEnabled() and window.editor.view.letters_button.isEnabled()
    window.menu_actions.letters.trigger()
    dialog = window.editor.letter_editor
    assert dialog.isVisible() and dialog.inspection_id == inspection_id
    qtbot.waitUntil(lambda: not dialog.busy and dialog.pane.page_count() > 0, timeout=15000)
    dialog.close()


def test_sign_off_refuses_while_a_recommendation_is_unanswered(qtbot, editor, demo_office):
    from dataclasses import replace

    from opcc_desktop.domain import vocabulary as vocab
    from opcc_desktop.domain.models import Finding

    inspection = demo_office.inspections.get(editor.inspection_id)
    demo_office.inspections.save(replace(inspection, findings=(
        *inspection.findings, Finding(kind=vocab.RECOMMENDATION, reference="R9", text="Unanswered."))))
    dialog = SignOffDialog(demo_office, "Letter", lambda *a: None,  # never called: signing is refused
                           lambda sid: demo_office.letter_desk.readiness(editor.inspection_id, HOME_SECRETARY,
                                                                         NOW.date(), today=NOW.date(),
                                                                         signatory_id=sid))
    qtbot.addWidget(dialog)
    assert "This cannot be signed yet:" in dialog.readiness_label.text()
    assert "Recommendation R9 has no response" in dialog.readiness_label.text()
    dialog.anyway_check.setChecked(True)
    dialog.reason_edit.setText("Please")
    assert not dialog.ok_button.isEnabled()


def test_the_editor_keeps_the_readiness_check_in_view(qtbot, editor):
    wait_for_preview(qtbot, editor)
    text = editor.readiness_label.text()
    assert text.startswith("Ready to sign with a reason:") and "Home Secretary's name" in text  # demo: unconfirmed
    editor.date_field.set_value(__import__("datetime").date(2023, 11, 1))  # before #29536 was published
    qtbot.waitUntil(lambda: editor.readiness_label.text().startswith("Cannot be signed yet:"), timeout=15000)
    assert "before the report was published on 10/11/2023" in editor.readiness_label.text()
