"""The inspection editor, driven through its widgets on a real SQLite file with today fixed at 22/11/2026."""

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.domain.vocabulary import AREA_FOR_IMPROVEMENT, RECOMMENDATION
from opcc_desktop.ui.common.date_field import DateField
from opcc_desktop.ui.inspections.inspection_editor import NEW_HEADING, InspectionEditor

Button = QMessageBox.StandardButton
AWKWARD_TITLE = "Vetting & counter-corruption <2024>"


@pytest.fixture
def editor(qtbot, office, bus, today_provider):
    editor = InspectionEditor(office, bus, today_provider)
    qtbot.addWidget(editor)
    editor.resize(1280, 900)
    editor.show()
    return editor


def click(qtbot, button):
    assert button.isEnabled(), f"{button.text()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text):
    qtbot.keyClicks(widget.line_edit if isinstance(widget, DateField) else widget, text)


def fill_required(qtbot, editor, *, title="Police custody in Cumbria", published="10/11/2023"):
    v = editor.view
    if title:
        type_into(qtbot, v.title_edit, title)
    v.type_combo.setCurrentText("Police custody inspection")
    if published:
        type_into(qtbot, v.published_field, published)


def saved_inspection(office, editor) -> Inspection:
    return office.inspections.get(editor.current_id())


# Typing a whole inspection ---------------------------------------------------------------------------
AFIS = [
    ("29550", "There isn't enough analytical capacity.", "Head of Intelligence", "31/03/2024"),
    ("29551", "The force should improve its 4P plans.", "Detective Chief Superintendent, Crime", ""),
    ("29552", "The force should have enough resources & <staff>.", "Head of Economic Crime Unit", ""),
]


def test_an_inspection_with_three_afis_typed_by_hand_is_saved_in_order_and_reloads(qtbot, editor, office, bus):
    v = editor.view
    type_into(qtbot, v.reference_edit, "#90001")
    type_into(qtbot, v.title_edit, "An inspection of the north-west regional response")
    v.type_combo.lineEdit().clear()
    type_into(qtbot, v.type_combo.lineEdit(), "Regional serious and organised crime (PEEL)")
    type_into(qtbot, v.published_field, "10/11/2023")
    type_into(qtbot, v.forces_edit, "Cumbria; Lancashire ;")
    type_into(qtbot, v.key_findings_edit, "Analytical capacity is short.")
    type_into(qtbot, v.comments_edit, "I welcome the inspection.")
    qtbot.keyClick(v.comments_edit, Qt.Key.Key_Return)
    qtbot.keyClick(v.comments_edit, Qt.Key.Key_Return)
    type_into(qtbot, v.comments_edit, "The force has a plan.")

    panel = v.findings_panel
    finding_editor = panel.finding_editor
    for number, (reference, text, owner, target) in enumerate(AFIS, start=1):
        click(qtbot, panel.add_button)
        assert panel.selected_row() == number - 1
        assert panel.finding_heading.text() == f"Finding {number} of {number}"
        finding_editor.kind_combo.setCurrentIndex(finding_editor.kind_combo.findData(AREA_FOR_IMPROVEMENT))
        type_into(qtbot, finding_editor.reference_edit, reference)
        type_into(qtbot, finding_editor.level_edit, "LEVEL 3")
        type_into(qtbot, finding_editor.text_edit, text)
        type_into(qtbot, finding_editor.addressees_edit, "Cumbria Constabulary")
        type_into(qtbot, finding_editor.owner_edit, owner)
        type_into(qtbot, finding_editor.target_date_field, target)
        assert panel.model.index(number - 1, 3).data() == text  # the table follows the typing
    assert editor.is_dirty()
    assert office.inspections.count() == 0

    with qtbot.waitSignal(editor.saved) as saved, qtbot.waitSignal(bus.changed) as published:
        click(qtbot, v.save_button)
    new_id = saved.args[0]
    assert published.args[0].inspections == {new_id}
    assert not editor.is_dirty() and not v.save_button.isEnabled()

    stored = office.inspections.get(new_id)
    assert stored.reference == "90001"
    assert stored.title == "An inspection of the north-west regional response"
    assert stored.type == "Regional serious and organised crime (PEEL)"
    assert stored.published == date(2023, 11, 10)
    assert stored.forces == ("Cumbria", "Lancashire")
    assert stored.pcc_comments == "I welcome the inspection.\n\nThe force has a plan."
    assert [(f.kind, f.reference, f.text, f.owner) for f in stored.findings] == [
        (AREA_FOR_IMPROVEMENT, ref, text, owner) for ref, text, owner, _ in AFIS
    ]
    assert stored.findings[0].target_date == date(2024, 3, 31)
    assert stored.findings[1].target_date is None
    assert all(f.level == "LEVEL 3" and f.addressees == ("Cumbria Constabulary",) for f in stored.findings)

    reopened = InspectionEditor(office, bus, lambda: date(2026, 11, 22))
    qtbot.addWidget(reopened)
    reopened.load(new_id)
    r = reopened.view
    assert reopened.current_id() == new_id and not reopened.is_dirty()
    assert r.reference_edit.text() == "90001"
    assert r.title_edit.text() == "An inspection of the north-west regional response"
    assert r.type_combo.currentText() == "Regional serious and organised crime (PEEL)"
    assert r.published_field.text() == "10/11/2023"
    assert r.forces_edit.text() == "Cumbria; Lancashire"
    assert r.comments_edit.toPlainText() == "I welcome the inspection.\n\nThe force has a plan."
    assert r.findings_panel.model.rowCount() == 3
    assert r.findings_panel.finding_editor.target_date_field.text() == "31/03/2024"
    r.findings_panel.select_row(2)
    assert r.findings_panel.finding_editor.text_edit.toPlainText() == AFIS[2][1]
    assert r.heading_label.text() == "#90001 An inspection of the north-west regional response"


# Validation --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, message", [("31/02/2024", "31/02/2024 is not a real date"), ("abc", "Enter the date as dd/mm/yyyy")]
)
def test_a_bad_published_date_is_shown_at_the_field_and_nothing_is_written(qtbot, editor, office, typed, message):
    fill_required(qtbot, editor, published=typed)
    v = editor.view
    assert v.published_field.error() == message
    assert v.published_field.error_label.isVisible()
    assert not v.save_button.isEnabled()
    assert v.problems_label.text() == "1 problem to fix before saving"
    assert v.s55_panel.state_text() == "Enter the publication date to see the deadline."
    assert editor.save() is False
    assert office.inspections.count() == 0
    assert v.published_field.error() == message
    assert editor.current_id() is None

    v.published_field.line_edit.clear()
    type_into(qtbot, v.published_field, "1/2/2024")
    assert v.published_field.error() == ""
    assert v.save_button.isEnabled()


def test_a_missing_title_is_shown_at_the_field_and_nothing_is_written(qtbot, editor, office):
    fill_required(qtbot, editor, title="")
    v = editor.view
    assert v.field_errors["title"].text() == ""  # not nagged before the first try
    assert editor.save() is False
    assert v.field_errors["title"].text() == "Title is required"
    assert v.field_errors["title"].isVisible()
    assert not v.save_button.isEnabled()
    assert editor.focusWidget() is v.title_edit
    assert office.inspections.count() == 0

    type_into(qtbot, v.title_edit, "Custody")
    assert v.field_errors["title"].text() == ""
    assert v.save_button.isEnabled()
    assert editor.save() is True
    assert office.inspections.count() == 1


def test_clearing_the_title_of_a_saved_inspection_shows_the_message_as_you_type(qtbot, editor, demo_office):
    editor.load(demo_office.inspections.find("29536").id)
    editor.view.title_edit.clear()
    assert editor.view.field_errors["title"].text() == "Title is required"
    assert not editor.view.save_button.isEnabled()


def test_a_reference_already_in_use_is_refused_on_save(qtbot, editor, demo_office):
    before = demo_office.inspections.count()
    fill_required(qtbot, editor)
    type_into(qtbot, editor.view.reference_edit, "29536")
    assert editor.save() is False
    assert editor.view.field_errors["reference"].text() == (
        "HMICFRS reference 29536 is already used by another inspection"
    )
    assert demo_office.inspections.count() == before


def test_a_response_before_publication_and_a_finding_without_text_block_saving(qtbot, editor, office):
    fill_required(qtbot, editor)
    v = editor.view
    type_into(qtbot, v.response_field, "01/11/2023")
    assert v.field_errors["response_published"].text() == (
        "Response published date cannot be before the report's publication date"
    )
    click(qtbot, v.findings_panel.add_button)
    assert v.findings_panel.errors_label.text() == "Finding 1: Text is required"
    type_into(qtbot, v.findings_panel.finding_editor.target_date_field, "31/02/2025")
    assert v.findings_panel.errors_label.text() == (
        "Finding 1: Text is required\nFinding 1: 31/02/2025 is not a real date"
    )
    assert v.findings_panel.model.index(0, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert editor.save() is False
    assert office.inspections.count() == 0


# The s.55 panel ------------------------------------------------------------------------------------------
def test_the_s55_panel_follows_the_published_date(qtbot, editor):
    v = editor.view
    panel = v.s55_panel
    assert panel.state_text() == "Enter the publication date to see the deadline."
    type_into(qtbot, v.published_field, "10/11/2023")
    assert panel.last_day_label.text() == "Last day to publish: Thu 04/01/2024 (day 56 = publication day + 55)"
    assert panel.state_text() == "1053 days overdue"
    assert "#b00020" in panel.state_label.styleSheet()

    v.published_field.line_edit.clear()
    type_into(qtbot, v.published_field, "10/11/2026")  # today, 22/11/2026, is day 13
    assert panel.day_number_label.text() == "Today is day 13 of 56"
    assert panel.state_text() == "43 days left"
    assert "#b00020" not in panel.state_label.styleSheet()

    type_into(qtbot, v.response_field, "20/11/2026")
    assert panel.state_text() == "Published in time"

    v.s55_combo.setCurrentIndex(v.s55_combo.findData("no"))
    assert panel.state_text() == "s.55 does not apply"
    assert not panel.last_day_label.isVisible()


# Dirty tracking and leaving ------------------------------------------------------------------------------
@pytest.fixture
def loaded(qtbot, editor, demo_office):
    editor.load(demo_office.inspections.find("29536").id)
    return editor


def test_loading_is_clean_and_an_edit_makes_it_dirty_until_undone(qtbot, loaded):
    assert not loaded.is_dirty()
    assert loaded.can_close() is True  # no question asked (a message box would fail the test)
    original = loaded.view.title_edit.text()
    with qtbot.waitSignal(loaded.dirty_changed) as became:
        type_into(qtbot, loaded.view.title_edit, "!")
    assert became.args == [True]
    assert loaded.view.status_label.text() == "Unsaved changes"
    with qtbot.waitSignal(loaded.dirty_changed) as cleaned:
        loaded.view.title_edit.setText(original)
    assert cleaned.args == [False]


def test_can_close_cancel_keeps_the_edits(qtbot, loaded, answer_message_boxes):
    shown = answer_message_boxes(Button.Cancel)
    type_into(qtbot, loaded.view.title_edit, " (draft)")
    assert loaded.can_close() is False
    assert shown == [("Unsaved changes", f"Save the changes to “{loaded.view.heading_label.text()}”?")]
    assert loaded.is_dirty()
    assert loaded.view.title_edit.text().endswith(" (draft)")


def test_can_close_discard_reverts(qtbot, loaded, demo_office, answer_message_boxes):
    answer_message_boxes(Button.Discard)
    original = loaded.view.title_edit.text()
    type_into(qtbot, loaded.view.title_edit, " (draft)")
    assert loaded.can_close() is True
    assert not loaded.is_dirty()
    assert loaded.view.title_edit.text() == original
    assert demo_office.inspections.get(loaded.current_id()).title == original


def test_can_close_save_writes_the_edits(qtbot, loaded, demo_office, answer_message_boxes):
    answer_message_boxes(Button.Save)
    type_into(qtbot, loaded.view.title_edit, " (revised)")
    assert loaded.can_close() is True
    assert not loaded.is_dirty()
    assert demo_office.inspections.get(loaded.current_id()).title.endswith(" (revised)")


def test_can_close_save_with_errors_stays(qtbot, loaded, demo_office, answer_message_boxes):
    answer_message_boxes(Button.Save)
    loaded.view.title_edit.clear()
    assert loaded.can_close() is False
    assert loaded.is_dirty()
    assert demo_office.inspections.get(loaded.current_id()).title != ""


def test_revert_button_restores_the_saved_values(qtbot, loaded):
    original = loaded.view.comments_edit.toPlainText()
    type_into(qtbot, loaded.view.comments_edit, "More.")
    click(qtbot, loaded.view.revert_button)
    assert loaded.view.comments_edit.toPlainText() == original
    assert not loaded.is_dirty()


# Findings list ------------------------------------------------------------------------------------------
def test_remove_asks_and_move_reorders(qtbot, loaded, demo_office, answer_message_boxes):
    panel = loaded.view.findings_panel
    refs = [f.reference for f in panel.findings()]
    assert refs == ["29550", "29551", "29552"]

    shown = answer_message_boxes(Button.No)
    panel.select_row(1)
    click(qtbot, panel.remove_button)
    assert shown and shown[0][0] == "Remove finding"
    assert [f.reference for f in panel.findings()] == refs

    click(qtbot, panel.move_up_button)
    assert [f.reference for f in panel.findings()] == ["29551", "29550", "29552"]
    assert panel.selected_row() == 0
    assert panel.finding_editor.reference_edit.text() == "29551"

    answer_message_boxes(Button.Yes)
    panel.select_row(2)
    click(qtbot, panel.remove_button)
    assert [f.reference for f in panel.findings()] == ["29551", "29550"]
    assert loaded.is_dirty()
    assert loaded.save() is True
    assert [f.reference for f in demo_office.inspections.get(loaded.current_id()).findings] == ["29551", "29550"]


def test_editing_a_finding_updates_its_row_at_once(qtbot, loaded):
    panel = loaded.view.findings_panel
    panel.select_row(1)
    panel.finding_editor.owner_edit.clear()
    type_into(qtbot, panel.finding_editor.owner_edit, "Chief Inspector")
    assert panel.model.index(1, 4).data() == "Chief Inspector"
    assert loaded.is_dirty()


def test_a_new_finding_follows_the_selected_one_and_copies_its_kind(qtbot, editor):
    panel = editor.view.findings_panel
    click(qtbot, panel.add_button)
    assert panel.findings()[0].kind == RECOMMENDATION
    assert panel.finding_editor.status_combo.currentText() == "Not yet assessed"
    panel.finding_editor.kind_combo.setCurrentIndex(panel.finding_editor.kind_combo.findData(AREA_FOR_IMPROVEMENT))
    click(qtbot, panel.add_button)
    assert [f.kind for f in panel.findings()] == [AREA_FOR_IMPROVEMENT, AREA_FOR_IMPROVEMENT]


# Literal text ------------------------------------------------------------------------------------------
def test_a_title_with_markup_characters_round_trips_literally(qtbot, editor, office, bus):
    headings = []
    editor.heading_changed.connect(headings.append)
    fill_required(qtbot, editor, title=AWKWARD_TITLE)
    type_into(qtbot, editor.view.reference_edit, "777")
    assert editor.save() is True
    assert office.inspections.get(editor.current_id()).title == AWKWARD_TITLE
    assert headings[-1] == f"#777 {AWKWARD_TITLE}"

    reopened = InspectionEditor(office, bus, lambda: date(2026, 11, 22))
    qtbot.addWidget(reopened)
    reopened_headings = []
    reopened.heading_changed.connect(reopened_headings.append)
    reopened.load(editor.current_id())
    assert reopened.view.title_edit.text() == AWKWARD_TITLE
    assert reopened_headings == [f"#777 {AWKWARD_TITLE}"]
    assert reopened.view.heading_label.text() == f"#777 {AWKWARD_TITLE}"
    assert reopened.view.heading_label.textFormat() == Qt.TextFormat.PlainText


def test_a_new_editor_is_headed_new_inspection(editor):
    assert editor.view.heading_label.text() == NEW_HEADING
    assert editor.current_id() is None and not editor.is_dirty()


# Letters need a saved record -------------------------------------------------------------------------
def test_letter_buttons_ask_to_save_first_when_dirty(qtbot, loaded, answer_message_boxes):
    shown = answer_message_boxes(Button.Cancel)
    type_into(qtbot, loaded.view.title_edit, "!")
    click(qtbot, loaded.view.preview_button)
    assert shown == [("Save first", "The letter is made from the saved inspection. Save your changes first?")]
    assert not loaded.letters.is_busy() and loaded.letters.preview_dialog is None


def test_letter_buttons_are_disabled_for_a_new_inspection(editor):
    v = editor.view
    assert not any(b.isEnabled() for b in (v.preview_button, v.print_button, v.save_pdf_button))


def test_external_changes_reload_a_clean_editor(qtbot, loaded, demo_office, bus):
    current = demo_office.inspections.get(loaded.current_id())
    changed = Inspection(**{**current.__dict__, "title": "Renamed elsewhere", "findings": current.findings[:1]})
    _id, changes = demo_office.inspections.save(changed)
    bus.publish(changes)
    assert loaded.view.title_edit.text() == "Renamed elsewhere"
    assert loaded.view.findings_panel.model.rowCount() == 1
    assert isinstance(loaded.view.findings_panel.findings()[0], Finding)
