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
    fields["home_secretary_name"].setText("Shabana Mahmood")


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
    # The user's office starts from what was typed; the demonstration lives in its own file.
    assert result.start == DEMO and office.inspections.count() == 0 and office.signatories.list() == []
    assert not office.is_demonstration
    settings = office.settings.all()
    assert settings["office_name"] == "Office of the PCC for Kent <& Medway>"
    assert settings["office_address"] == "Kent Police HQ\nSutton Road\nMaidstone ME15 9BZ"
    assert settings["commissioner_name"] == "Matthew Scott"
    assert settings["commissioner_title"] == "Kent Police and Crime Commissioner"
    assert settings["home_secretary_name"] == "Shabana Mahmood"
    assert settings["home_secretary_confirmed_on"] == TODAY.isoformat()
    assert settings["force_name"] == ""  # not the demonstration's Cambridgeshire Constabulary
    assert shown[-1][0] == "Ready" and "demonstration office (5 inspections) opens in its own window" in shown[-1][1]
    from opcc_desktop.paths import demo_database_path
    from opcc_desktop.services.office import Office

    demo = Office.open(demo_database_path())
    assert demo.is_demonstration and demo.inspections.count() == 5
    demo.close()


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


def test_file_menu_opens_the_demonstration_office_in_its_own_marked_window(qtbot, office, today_provider):
    office.settings.update({"office_name": "Cumbria OPFCC"})
    window = build_main_window(office, today_provider)
    qtbot.addWidget(window)
    window.show()
    assert "DEMONSTRATION" not in window.windowTitle()
    demo_window = window.office_actions.open_demo_office()
    qtbot.addWidget(demo_window)
    assert demo_window is not window and demo_window.office.path != office.path
    assert demo_window.windowTitle().startswith("DEMONSTRATION — ")
    assert office.inspections.count() == 0 and office.settings.all()["office_name"] == "Cumbria OPFCC"
    assert window.office_actions.open_demo_office() is demo_window  # one demonstration window
    demo_window.close()


def test_file_menu_removes_demonstration_data_from_a_real_office(qtbot, office, today_provider, answer_message_boxes):
    import sqlite3

    shown = answer_message_boxes(QMessageBox.StandardButton.Yes)
    office.load_demo(TODAY)
    with sqlite3.connect(office.path) as conn:  # as an earlier version left it: demo data in the user's file
        conn.execute("UPDATE office_mark SET demonstration = 0")
    office.__dict__.pop("is_demonstration", None)
    window = build_main_window(office, today_provider)
    qtbot.addWidget(window)
    assert window.menu_actions.remove_demo.text().replace("&", "").startswith("Remove demonstration data")
    summary = window.office_actions.remove_demo_data()
    assert summary and "5 demonstration inspection(s) moved to Edit → Recently deleted" in summary
    assert office.inspections.count() == 0 and office.signatories.list() == []
    assert shown[-1][0] == "Remove demonstration data"
