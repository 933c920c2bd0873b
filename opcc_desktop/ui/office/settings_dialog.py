"""Office settings: the letterhead and letter details, plus the editable inspection types and statuses.

The form is generated from `vocabulary.SETTING_SPECS`; saving goes through `office.settings` and
the resulting `Changes` are published. Validation errors appear beside the field, in plain text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.models import FieldError
from ...domain.vocabulary import DATE_STYLES, FINDING_STATUS_LOOKUP, INSPECTION_TYPE_LOOKUP, SETTING_SPECS
from ...errors import ValidationError
from ...services.changes import Changes
from ...services.office import Office
from ..common.accessibility import name_fields
from ..common.event_bus import EventBus
from .logo_field import LogoField
from .signatories_panel import SignatoriesPanel
from ..common.screen_fit import fit_to_screen
from ..common.operations import Failed, publish, run_op

DATE_STYLE_LABELS = {"ordinal": "Ordinal – 11th September 2020", "plain": "Plain – 11 September 2020"}
LOOKUP_TABS = ((INSPECTION_TYPE_LOOKUP, "Inspection types"), (FINDING_STATUS_LOOKUP, "Finding statuses"))
ERROR_STYLE = "color: #b3261e;"


def _error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


class SettingsDialog(QDialog):
    """Modal settings form. `save()` returns True when everything was written."""

    def __init__(self, office: Office, bus: EventBus, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Office settings")
        self._office = office
        self._bus = bus
        self.fields: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self.lookup_edits: dict[str, QPlainTextEdit] = {}
        self._original_lookups: dict[str, list[str]] = {}
        tabs = QTabWidget(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._settings_tab(office.settings.all()))
        tabs.addTab(scroll, "Office and letter")
        self.signatories_panel = SignatoriesPanel(office, bus, self)
        tabs.addTab(self.signatories_panel, "Signatories")
        for lookup, title in LOOKUP_TABS:
            tabs.addTab(self._lookup_tab(lookup), title)
        self.general_error = _error_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 0.85, 0.92, QSize(720, 680))
        name_fields(self)

    # Construction ------------------------------------------------------------------------------
    def _settings_tab(self, values: dict[str, str]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels above: no sideways scrolling
        for spec in SETTING_SPECS:
            value = values.get(spec.key, spec.default)
            editor: QLineEdit | QPlainTextEdit | QComboBox
            if spec.key == "date_style":
                editor = QComboBox(page)
                for style in DATE_STYLES:
                    editor.addItem(DATE_STYLE_LABELS.get(style, style), style)
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif spec.multiline:
                editor = QPlainTextEdit(page)
                editor.setPlainText(value)
                editor.setTabChangesFocus(True)
                editor.setFixedHeight(editor.fontMetrics().lineSpacing() * 5 + 12)
            else:
                editor = QLineEdit(value, page)
                editor.setCursorPosition(0)  # show the start of long values
            editor.setObjectName(f"setting_{spec.key}")
            self.fields[spec.key] = editor
            self.errors[spec.key] = _error_label(page)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(editor)
            column.addWidget(self.errors[spec.key])
            label = QLabel(spec.label, page)
            label.setBuddy(editor)
            form.addRow(label, column)
            if spec.key == "office_social":
                self.logo_field = LogoField(self._office.signatories.logo(), page)
                self.errors["logo"] = _error_label(page)
                logo_column = QVBoxLayout()
                logo_column.addWidget(self.logo_field)
                logo_column.addWidget(self.errors["logo"])
                form.addRow(QLabel("Logo (letterhead)", page), logo_column)
        return page

    def _lookup_tab(self, lookup: str) -> QWidget:
        page = QWidget(self)
        values = self._office.settings.lookup(lookup)
        self._original_lookups[lookup] = values
        hint = QLabel("One per line, in the order the drop-down list should show them. Removing a value here "
                      "does not change records that already use it.", page)
        hint.setWordWrap(True)
        edit = QPlainTextEdit(page)
        edit.setObjectName(f"lookup_{lookup}")
        edit.setAccessibleName(dict(LOOKUP_TABS)[lookup])
        edit.setPlainText("\n".join(values))
        edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.lookup_edits[lookup] = edit
        self.errors[lookup] = _error_label(page)
        layout = QVBoxLayout(page)
        layout.addWidget(hint)
        layout.addWidget(edit, 1)
        layout.addWidget(self.errors[lookup])
        return page

    # Values ------------------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for key, editor in self.fields.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                result[key] = editor.toPlainText()
            else:
                result[key] = editor.text()
        return result

    def lookup_values(self, lookup: str) -> list[str]:
        lines = (line.strip() for line in self.lookup_edits[lookup].toPlainText().splitlines())
        return list(dict.fromkeys(line for line in lines if line))

    # Saving ------------------------------------------------------------------------------------
    def save(self) -> bool:
        self._show_errors([])
        missing = [FieldError(lookup, "needs at least one value") for lookup, _ in LOOKUP_TABS
                   if not self.lookup_values(lookup)]
        if missing:
            self._show_errors(missing)
            return False
        changes = Changes()  # what was written, published even when a later step fails
        values = self.values()
        stored = self._office.settings.all()
        if values.get("home_secretary_name", "") != stored.get("home_secretary_name", "") and \
                values.get("home_secretary_confirmed_on", "") == stored.get("home_secretary_confirmed_on", ""):
            values["home_secretary_confirmed_on"] = date.today().isoformat()  # a name typed now is checked now

        def write_all() -> None:
            nonlocal changes
            changes |= self._office.settings.update(values)
            if self.logo_field.changed():
                changes |= self._office.signatories.set_logo(self.logo_field.png)
                self.logo_field.mark_saved()
            for lookup, _title in LOOKUP_TABS:
                wanted = self.lookup_values(lookup)
                if wanted != self._original_lookups[lookup]:
                    changes |= self._office.settings.replace_lookup(lookup, wanted)
                    self._original_lookups[lookup] = wanted

        def not_saved(error: Exception) -> bool:  # at the fields, or in the line under them
            if isinstance(error, ValidationError):
                self._show_errors(error.errors)
            else:
                self.general_error.setText(str(error))
                self.general_error.show()
            return True

        try:
            return not isinstance(run_op(self, "Office settings", write_all, failure=not_saved), Failed)
        finally:
            publish(self._bus, changes)

    def accept(self) -> None:
        if self.save():
            super().accept()

    def _show_errors(self, errors: list[FieldError]) -> None:
        for label in [*self.errors.values(), self.general_error]:
            label.clear()
            label.hide()
        unplaced: list[str] = []
        for error in errors:
            field_label = self.errors.get(error.field)
            if field_label is None:
                unplaced.append(str(error))
            else:
                field_label.setText(error.message[:1].upper() + error.message[1:])
                field_label.show()
        if unplaced:
            self.general_error.setText("\n".join(unplaced))
            self.general_error.show()
