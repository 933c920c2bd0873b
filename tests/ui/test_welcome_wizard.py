"""First run: the welcome wizard asks for the office's details and how to start; never a blank window."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWizard

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.dashboard_page import EMPTY_OFFICE_TEXT
from opcc_desktop.ui.shell.welcome_wizard import DEMO, EMPTY, IMPORT_JSON, IMPORT_SPREADSHEET, WelcomeWizard, welcome_if_empty

from .conftest import TODAY


def make(qtbot, office, bus=None):
    wizard = WelcomeWizard(office, bus, lambda: TODAY)
    qtbot.addWidget(wizard)
    return wizard


def type_details(wizard):
    fields = wizard.office_page.fields
    fields["office_name"].setText("Office of the PCC for Kent <& Medway>")
    fields["office_address"].setPlainText("Kent Police HQ\nSutton Road\nMaidstone ME15 9BZ")
    fields["commissioner_name"].setText("Matthew Scott")
    fields["commissioner_title"].setText("Kent Police and Crime Commissioner")


def test_every_field_has_a_label_a_screen_reader_announces(qtbot, office):
    wizard = make(qtbot, office)
    for key, editor in wizard.office_page.fields.items():
        assert editor.accessibleName(), key
        buddies = [label for label in wizard.office_page.findChildren(QLabel) if label.buddy() is editor]
        assert len(buddies) == 1 and "&" in buddies[0].text(), f"{key} needs a label with an Alt shortcut"
    for button in wizard.start_page.buttons.values():
        assert "&" in button.text() and button.accessibleDescription()


def test_demonstration_start_keeps_the_typed_details(qtbot, office, bus, answer_message_boxes):
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    wizard = make(qtbot, office, bus)
    type_details(wizard)
    with qtbot.waitSignal(bus.changed):
        result = wizard.finish(DEMO)
    assert result.start == DEMO and office.inspections.count() == 5
    settings = office.settings.all()
    assert settings["office_name"] == "Office of the PCC for Kent <& Medway>"  # typed wins over the demo's
    assert settings["office_address"] == "Kent Police HQ\nSutton Road\nMaidstone ME15 9BZ"
    assert settings["commissioner_name"] == "Matthew Scott"
    assert settings["commissioner_title"] == "Kent Police and Crime Commissioner"
    assert shown[-1][0] == "Ready" and "Imported 5 inspections" in shown[-1][1]


def test_json_import_start(qtbot, office, monkeypatch, answer_message_boxes, demo_office_file):
    answer_message_boxes(QMessageBox.StandardButton.Ok)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(demo_office_file), ""))
    wizard = make(qtbot, office)
    assert wizard.finish(IMPORT_JSON).start == IMPORT_JSON
    assert office.inspections.count() == 5


def test_a_bad_file_changes_nothing_and_keeps_the_wizard_open(qtbot, office, tmp_path, monkeypatch,
                                                              answer_message_boxes):
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "opcc-desktop", "version": 1, "inspections": [{"title": "x"}]}', encoding="utf-8")
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(bad), ""))
    wizard = make(qtbot, office)
    type_details(wizard)
    assert wizard.finish(IMPORT_JSON) is None
    assert shown[-1][0] == "Could not start that way"
    assert office.is_empty() and office.settings.all()["commissioner_name"] == ""


def test_cancelling_the_file_dialog_keeps_the_wizard_open(qtbot, office, monkeypatch):
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: ("", ""))
    assert make(qtbot, office).finish(IMPORT_JSON) is None


def test_empty_start_saves_details_and_the_dashboard_explains_what_to_do(qtbot, office, bus, today_provider):
    wizard = make(qtbot, office)
    type_details(wizard)
    assert wizard.finish(EMPTY).start == EMPTY
    assert office.is_empty() and office.settings.all()["commissioner_name"] == "Matthew Scott"
    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    label = window.dashboard.empty_label
    assert label.text() == EMPTY_OFFICE_TEXT and not label.isHidden()
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_starting_from_a_tracker_spreadsheet_imports_it(qtbot, office, monkeypatch, tmp_path, answer_message_boxes):
    tracker = tmp_path / "tracker.csv"
    tracker.write_text("Report,Date published,Ref,Recommendation,Due date\n"
                       "Custody thematic,01/02/2022,R1,The force should review custody,31/03/2023\n", encoding="utf-8")
    answer_message_boxes(QMessageBox.StandardButton.Ok)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(tracker), ""))
    wizard = make(qtbot, office)
    assert IMPORT_SPREADSHEET in wizard.start_page.buttons
    assert wizard.finish(IMPORT_SPREADSHEET).start == IMPORT_SPREADSHEET
    assert [f.reference for f in office.inspections.find("Custody thematic").findings] == ["R1"]


def test_next_then_start_runs_the_chosen_start_and_closes(qtbot, office, answer_message_boxes):
    answer_message_boxes(QMessageBox.StandardButton.Ok)
    wizard = make(qtbot, office)
    wizard.show()
    qtbot.waitExposed(wizard)
    type_details(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.start_page
    wizard.start_page.buttons[EMPTY].setChecked(True)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result_.start == EMPTY and not wizard.isVisible()


def test_welcome_only_for_an_empty_database(qtbot, demo_office, today_provider):
    assert welcome_if_empty(demo_office, today_provider) is None  # no dialog: the test would fail on a modal
