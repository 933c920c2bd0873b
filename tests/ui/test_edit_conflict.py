"""The inspection editor when the record changed elsewhere since it was loaded: both versions, user chooses."""

from dataclasses import replace

import pytest

from opcc_desktop.services.office import Office
from opcc_desktop.ui.inspections import conflict_dialog
from opcc_desktop.ui.inspections.conflict_dialog import ConflictDialog
from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor


@pytest.fixture
def editor(qtbot, demo_office, bus, today_provider):
    editor = InspectionEditor(demo_office, bus, today_provider)
    qtbot.addWidget(editor)
    editor.show()
    editor.load(demo_office.inspections.find("29536").id)
    return editor


def _edit_elsewhere(office: Office) -> None:
    other = Office.open(office.path)  # a second window or a command on the same file
    try:
        stored = other.inspections.find("29536")
        other.inspections.save(replace(stored, pcc_comments="Changed at the front desk"))
    finally:
        other.close()


@pytest.mark.parametrize("choice", [conflict_dialog.KEEP_MINE, conflict_dialog.TAKE_THEIRS, None])
def test_a_stale_save_asks_which_version_to_keep(qtbot, editor, demo_office, monkeypatch, choice):
    asked = []
    monkeypatch.setattr(conflict_dialog, "ask_which_version",
                        lambda parent, message, mine, theirs: asked.append((message, mine, theirs)) or choice)
    _edit_elsewhere(demo_office)
    editor.view.title_edit.setText("Title typed in the window")
    assert editor.save() is (choice is not None)
    [(message, mine, theirs)] = asked
    assert "changed elsewhere" in message
    assert mine.title == "Title typed in the window" and theirs.pcc_comments == "Changed at the front desk"
    stored = demo_office.inspections.find("29536")
    if choice == conflict_dialog.KEEP_MINE:
        assert stored.title == "Title typed in the window" and editor.view.title_edit.text() == stored.title
    elif choice == conflict_dialog.TAKE_THEIRS:
        assert stored.pcc_comments == "Changed at the front desk" and stored.title != "Title typed in the window"
        assert editor.view.comments_edit.toPlainText() == "Changed at the front desk" and not editor.is_dirty()
    else:  # cancelled: nothing written, the form keeps the user's typing
        assert stored.title != "Title typed in the window" and editor.is_dirty()


def test_the_dialog_shows_both_versions_marking_what_differs(qtbot, demo_office, tmp_path):
    stored = demo_office.inspections.find("29536")
    mine = replace(stored, title="Mine <b>bold</b>")
    dialog = ConflictDialog("“x” was changed elsewhere.", mine, replace(stored, pcc_comments="Theirs"))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [w.toPlainText() for w in dialog.findChildren(conflict_dialog.QPlainTextEdit)]
    assert "▶ Title: Mine <b>bold</b>" in texts[0] and "▶ Commissioner's comments: Theirs" in texts[1]
    dialog.grab().save(str(tmp_path / "conflict.png"))
    qtbot.mouseClick(dialog.take_button, conflict_dialog.Qt.MouseButton.LeftButton)
    assert dialog.choice == conflict_dialog.TAKE_THEIRS
