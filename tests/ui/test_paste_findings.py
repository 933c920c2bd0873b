"""Paste findings… in the inspection editor: paste, review, untick one, add, save."""

from opcc_desktop.ui.findings.paste_findings_dialog import PasteFindingsDialog

from .test_inspection_editor import editor, fill_required  # noqa: F401 - fixtures

PASTED = ("Areas for improvement:\n\nAFI LEVEL 3 #29550 - The force should do A.\n\n"
          "AFI LEVEL 3 #29551 - The force should improve its 4P plans <b>now</b>.\n\n"
          "AFI LEVEL 2 #29552 - The force should do C.\n")


def test_pasted_findings_are_reviewed_added_and_saved(qtbot, editor, monkeypatch):  # noqa: F811
    fill_required(qtbot, editor)
    panel = editor.view.findings_panel

    def review(dialog: PasteFindingsDialog):
        dialog.text_edit.setPlainText(PASTED)
        dialog.find_button.click()
        assert dialog.model.rowCount() == 3
        dialog.model.setData(dialog.model.index(0, 0), 0, 10)  # untick the first (CheckStateRole = 10)
        assert dialog.add_button.text() == "Add 2 findings"
        return 1

    monkeypatch.setattr(PasteFindingsDialog, "exec", review)
    before = len(panel.findings())
    assert panel.paste_findings() == 2
    assert [f.reference for f in panel.findings()[before:]] == ["29551", "29552"]
    assert editor.save()
    saved = editor.office.inspections.get(editor.current_id())
    assert [f.text for f in saved.findings if f.reference == "29551"] == [
        "The force should improve its 4P plans <b>now</b>."]
