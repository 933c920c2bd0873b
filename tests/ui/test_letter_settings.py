"""Office settings for letters: logo stored in the database, social handles, signatories set up in the window."""

from __future__ import annotations

from opcc_desktop.ui.office.settings_dialog import SettingsDialog
from opcc_desktop.ui.office.signatory_dialogs import AddSignatoryDialog

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def test_logo_and_new_settings_are_saved(qtbot, office, bus):
    dialog = SettingsDialog(office, bus)
    qtbot.addWidget(dialog)
    dialog.fields["office_social"].setPlainText("Twitter: @PCCCambs\nFacebook: CambsPCC")
    dialog.fields["commissioner_short_title"].setText("PFCC")
    dialog.logo_field.set_png(PNG)
    assert dialog.save()
    assert office.signatories.logo() == PNG
    settings = office.settings.all()
    assert settings["office_social"].endswith("Facebook: CambsPCC") and settings["commissioner_short_title"] == "PFCC"
    again = SettingsDialog(office, bus)
    qtbot.addWidget(again)
    assert again.logo_field.png == PNG and again.logo_field.remove_button.isEnabled()
    again.logo_field.remove_button.click()
    assert again.save() and office.signatories.logo() is None


def test_signatory_is_set_up_with_field_messages_for_a_weak_passphrase(qtbot, office, bus):
    dialog = AddSignatoryDialog(office, "Police and Crime Commissioner")
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("Jo Bloggs")
    dialog.set_signature(PNG)
    dialog.passphrase_edit.setText("short")
    dialog.confirm_edit.setText("short")
    dialog.accept()
    assert dialog.new_id is None and "at least 10 characters" in dialog.errors["passphrase"].text()
    dialog.passphrase_edit.setText("correct horse battery")
    dialog.confirm_edit.setText("correct horse battery")
    dialog.accept()
    assert dialog.new_id is not None
    assert [s.name for s in office.signatories.list()] == ["Jo Bloggs"]
    assert office.signatories.signature(dialog.new_id, "correct horse battery") == PNG
    settings = SettingsDialog(office, bus)
    qtbot.addWidget(settings)
    assert settings.signatories_panel.model.rowCount() == 1


def test_change_passphrase_needs_the_current_one(qtbot, office):
    from opcc_desktop.ui.office.signatory_dialogs import ChangePassphraseDialog

    new_id, _ = office.signatories.add("Jo Bloggs", "PCC", PNG, "first passphrase", "first passphrase")
    dialog = ChangePassphraseDialog(office, new_id, "Jo Bloggs")
    qtbot.addWidget(dialog)
    dialog.old_edit.setText("wrong passphrase")
    dialog.passphrase_edit.setText("second passphrase")
    dialog.confirm_edit.setText("second passphrase")
    dialog.accept()
    assert dialog.changes is None and "passphrase is not right" in dialog.errors["general"].text()
    dialog.old_edit.setText("first passphrase")
    dialog.accept()
    assert dialog.changes is not None
    assert office.signatories.signature(new_id, "second passphrase") == PNG


def test_a_signatory_can_be_marked_as_signing_for_the_commissioner(qtbot, office, bus, answer_message_boxes):
    from tests.signing.helpers import PASSPHRASE, PNG

    answer_message_boxes()  # "Yes"
    office.signatories.add("Jane Deputy", "Chief Executive", PNG, PASSPHRASE, PASSPHRASE)
    settings = SettingsDialog(office, bus)
    qtbot.addWidget(settings)
    panel = settings.signatories_panel
    panel.table.selectRow(0)
    assert panel.toggle_authority() is True
    assert office.signatories.list()[0].authorised_for_commissioner
    assert panel.model.index(0, 2).data() == "Yes (authorised)"
    assert panel.toggle_authority() is False and not office.signatories.list()[0].authorised_for_commissioner


def test_changing_the_home_secretarys_name_confirms_it_today(qtbot, office, bus):
    from datetime import date

    settings = SettingsDialog(office, bus)
    qtbot.addWidget(settings)
    settings.fields["home_secretary_name"].setText("Shabana Mahmood")
    assert settings.save()
    assert office.settings.all()["home_secretary_confirmed_on"] == date.today().isoformat()
