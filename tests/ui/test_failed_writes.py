"""Disk full or read-only folder while saving: a plain message, the edit stays in the form, nothing half-saved."""

import sqlite3

import pytest

from opcc_desktop.storage import inspections as repo
from tests.crash.writer import record_for
from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor
from tests.ui.test_inspection_editor import fill_required


@pytest.fixture
def editor(qtbot, office, bus, today_provider):
    editor = InspectionEditor(office, bus, today_provider)
    qtbot.addWidget(editor)
    editor.resize(1280, 900)
    editor.show()
    return editor


@pytest.mark.parametrize("failure, hint", [
    ("database or disk is full", "The disk is full"),
    ("attempt to write a readonly database", "read-only"),
])
def test_a_failed_save_keeps_the_edit_and_writes_nothing(qtbot, editor, office, answer_message_boxes, monkeypatch,
                                                         failure, hint):
    office.inspections.save(record_for(1))
    shown = answer_message_boxes()
    real_write_findings = repo._write_findings

    def fail_after_the_row_was_written(db, inspection_id, findings):
        real_write_findings(db, inspection_id, findings)
        raise sqlite3.OperationalError(failure)

    monkeypatch.setattr(repo, "_write_findings", fail_after_the_row_was_written)
    fill_required(qtbot, editor, title="Custody & <b>care</b>")
    assert editor.save() is False
    [(title, text)] = shown
    assert title == "Save inspection" and hint in text and "Nothing was saved" in text
    assert office.inspections.count() == 1 and office.health().integrity == "ok"
    assert editor.view.title_edit.text() == "Custody & <b>care</b>" and editor.is_dirty()

    monkeypatch.setattr(repo, "_write_findings", real_write_findings)  # space freed: saving again works
    assert editor.save() is True
    assert office.inspections.count() == 2
