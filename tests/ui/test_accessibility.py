"""Every field has a name a screen reader announces (its label's buddy or an accessible name), and
every action has a keyboard path (a menu mnemonic, often a shortcut too)."""

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.shell.main_window import EDITOR
from opcc_desktop.ui.office.settings_dialog import SettingsDialog
from opcc_desktop.ui.shell.welcome_wizard import WelcomeWizard

from .conftest import TODAY

FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QAbstractButton)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface else ""


def _inside_popup(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QMenu, QCalendarWidget)):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_fields(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, FIELDS) or isinstance(widget.parent(), FIELDS + (QAbstractItemView,)):
            continue  # a combo box's own line edit, a spin box's, an item view's editor: named by their owner
        if widget.parent() is not None and isinstance(widget.parent().parent(), QAbstractItemView):
            continue  # item views' viewport children (cell editors, corner buttons)
        if widget.objectName().startswith("qt_") or _inside_popup(widget):
            continue  # Qt's own parts: calendar pop-ups, combo-box lists, the menu bar's overflow button
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return missing


@pytest.fixture
def window(qtbot, demo_office, bus, today_provider):
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.open_inspection(demo_office.inspections.find("29536").id)
    assert window.current_page() == EDITOR
    yield window
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_main_window_fields_are_named(window):
    assert unnamed_fields(window) == []


def test_settings_dialog_fields_are_named(qtbot, office, bus):
    dialog = SettingsDialog(office, bus)
    qtbot.addWidget(dialog)
    assert unnamed_fields(dialog) == []


def test_welcome_fields_are_named(qtbot, office):
    wizard = WelcomeWizard(office, None, lambda: TODAY)
    qtbot.addWidget(wizard)
    assert unnamed_fields(wizard) == []


def test_every_menu_and_action_has_a_keyboard_path(window):
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), f"menu {menu_action.text()!r} has no Alt mnemonic"
        for action in menu_action.menu().actions():
            if action.isSeparator():
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), f"{action.text()!r} unreachable by keyboard"


def test_label_to_name():
    from opcc_desktop.ui.common.accessibility import label_to_name

    assert label_to_name("HMICFRS &reference") == "HMICFRS reference"
    assert label_to_name("&Title *") == "Title (required)"
    assert label_to_name("Vetting && counter-corruption:") == "Vetting & counter-corruption"


def test_help_about_shows_the_version_and_database_path(window, answer_message_boxes):
    from opcc_desktop import __version__

    shown = answer_message_boxes()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert window.menu_actions.about in help_menu.actions()
    window.menu_actions.about.trigger()
    title, text = shown[-1]
    assert title == "About OPCC Desktop"
    assert f"OPCC Desktop {__version__}" in text and f"Database: {window.office.path}" in text
    assert "Data folder" in text


def test_the_application_uses_fusion_and_the_icon(qapp):
    from opcc_desktop.ui.shell.application import create_application

    app = create_application()
    assert app.style().name().lower() == "fusion"
    assert not app.windowIcon().isNull()
