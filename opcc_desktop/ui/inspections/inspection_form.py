"""`InspectionEditorView`: the layout and public widgets of the inspection editor (no behaviour)."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from ...domain.vocabulary import S55_APPLIES_LABELS, S55_APPLIES_VALUES
from ..common.date_field import DateField
from ..common.error_label import ErrorLabel
from ..findings.finding_editor import buddy_label, plain_text_box
from ..findings.findings_panel import FindingsPanel
from .s55_panel import S55Panel
from ..common.screen_fit import ReflowRow

S55_PANEL_WIDTH = 340
REFLOW_BELOW = 760  # narrower than this (a small laptop), the deadline panel goes under the details
LONG_TEXT_HEIGHT = 170


def _with_error(field: QWidget) -> tuple[QWidget, ErrorLabel]:
    """The field with a red message line under it."""
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(field)
    error = ErrorLabel()
    column.addWidget(error)
    return holder, error


def _plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class InspectionEditorView(QWidget):
    """A title bar with the page's buttons over a scrolling form. `field_errors` maps each
    inspection field name (as `FieldError.field` spells it) to the label under that field."""

    def __init__(self, today_provider: Callable[[], date], parent: QWidget | None = None):
        super().__init__(parent)
        self._build_fields(today_provider)
        self._build_buttons()
        self.findings_panel = FindingsPanel(today_provider)
        self.s55_panel = S55Panel()  # beside the form where there is room, under it on a narrow window

        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self._build_page())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_title_bar())
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        outer.addWidget(rule)
        outer.addWidget(self.scroll_area, 1)
        self._set_tab_order()

    # Widgets ---------------------------------------------------------------------------------------
    def _build_fields(self, today_provider: Callable[[], date]) -> None:
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText("e.g. 29536")
        self.reference_edit.setMaxLength(100)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("The report's title, as published")
        self.type_combo = QComboBox()
        self.type_combo.setEditable(True)
        self.type_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.type_combo.setPlaceholderText("Choose or type the kind of report")
        self.published_field = DateField(today_provider=today_provider)
        self.forces_edit = QLineEdit()
        self.forces_edit.setPlaceholderText("Separate several with ;  e.g. Cumbria; Lancashire")
        self.s55_combo = QComboBox()
        for value in S55_APPLIES_VALUES:
            self.s55_combo.addItem(S55_APPLIES_LABELS[value], value)
        self.response_field = DateField(optional=True, today_provider=today_provider)
        self.key_findings_edit = plain_text_box(LONG_TEXT_HEIGHT, "HMICFRS's main conclusions, for reference")
        self.comments_edit = plain_text_box(
            LONG_TEXT_HEIGHT, "The body of the letter to the Home Secretary. Leave a blank line between paragraphs."
        )
        self.field_errors: dict[str, ErrorLabel] = {
            "published": self.published_field.error_label,
            "response_published": self.response_field.error_label,
        }

    def _build_buttons(self) -> None:
        self.save_button = QPushButton("Save")
        self.save_button.setToolTip("Save the inspection and its findings (Ctrl+S)")
        self.save_button.setDefault(False)
        self.revert_button = QPushButton("Revert")
        self.revert_button.setToolTip("Throw away unsaved changes and show the saved record again")
        self.preview_button = QPushButton("Preview letter")
        self.preview_button.setToolTip("Show the s.55 letter to the Home Secretary as it will print")
        self.print_button = QPushButton("Print letter…")
        self.print_button.setToolTip("Print the s.55 letter")
        self.save_pdf_button = QPushButton("Save letter as PDF…")
        self.save_pdf_button.setToolTip("Save the s.55 letter as a PDF file")
        self.letters_button = QPushButton("Letters and sign-off…")
        self.letters_button.setToolTip("Edit the letter or published response, sign, issue and see issued letters")

    def _build_title_bar(self) -> QWidget:
        self.heading_label = _plain_label()
        self.heading_label.setWordWrap(True)
        font = self.heading_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading_label.setFont(font)
        self.heading_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label = _plain_label()
        self.status_label.setStyleSheet("color: palette(placeholder-text);")
        self.problems_label = ErrorLabel()
        self.problems_label.setWordWrap(False)
        bar = QWidget()
        grid = QGridLayout(bar)
        grid.setContentsMargins(12, 10, 12, 8)
        heading_row = QHBoxLayout()
        heading_row.addWidget(self.heading_label, 1)
        heading_row.addWidget(self.letters_button, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(heading_row, 0, 0, 1, 2)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addSpacing(18)
        for button in (self.preview_button, self.print_button, self.save_pdf_button):
            buttons.addWidget(button)
        buttons.addSpacing(12)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.problems_label)
        buttons.addStretch(1)
        grid.addLayout(buttons, 1, 0, 1, 2)
        return bar

    def _build_page(self) -> QWidget:
        details = QGroupBox("Inspection")
        form = QFormLayout(details)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        rows = [
            ("reference", "HMICFRS &reference", self.reference_edit),
            ("title", "&Title *", self.title_edit),
            ("type", "T&ype *", self.type_combo),
            ("published", "&Published *", self.published_field),
            ("forces", "For&ces covered", self.forces_edit),
            ("s55_applies", "s.&55 applies", self.s55_combo),
            ("response_published", "Response published", self.response_field),
        ]
        for name, text, widget in rows:
            buddy = widget.line_edit if isinstance(widget, DateField) else widget
            if isinstance(widget, DateField):
                form.addRow(buddy_label(text, buddy), widget)
            else:
                holder, error = _with_error(widget)
                self.field_errors[name] = error
                form.addRow(buddy_label(text, buddy), holder)
        required_note = _plain_label("* required")
        required_note.setStyleSheet("color: palette(placeholder-text);")
        form.addRow("", required_note)
        self.published_field.line_edit.setAccessibleName("Published")
        self.response_field.line_edit.setAccessibleName("Response published")

        texts = QGroupBox("Report and response")
        grid = QGridLayout(texts)
        key_holder, self.field_errors["key_findings"] = _with_error(self.key_findings_edit)
        comments_holder, self.field_errors["pcc_comments"] = _with_error(self.comments_edit)
        grid.addWidget(buddy_label("&Key findings", self.key_findings_edit), 0, 0)
        grid.addWidget(buddy_label("Co&mmissioner's comments (the body of the letter)", self.comments_edit), 0, 1)
        grid.addWidget(key_holder, 1, 0)
        grid.addWidget(comments_holder, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)

        self.top_row = ReflowRow([details, self.s55_panel], REFLOW_BELOW, S55_PANEL_WIDTH, (1, 0))
        page = QWidget()
        column = self.page_column = QVBoxLayout(page)  # the inspection editor adds its panels to it
        column.setContentsMargins(12, 10, 12, 12)
        column.setSpacing(10)
        column.addWidget(self.top_row)
        column.addWidget(texts)
        column.addWidget(self.findings_panel)
        column.addStretch(1)
        return page

    def _set_tab_order(self) -> None:
        editor = self.findings_panel.finding_editor
        order: list[QWidget] = [
            self.save_button, self.revert_button, self.preview_button, self.print_button, self.save_pdf_button,
            self.letters_button, self.reference_edit, self.title_edit, self.type_combo, self.published_field.line_edit,
            self.forces_edit, self.s55_combo, self.response_field.line_edit, self.key_findings_edit,
            self.comments_edit, self.findings_panel.table, self.findings_panel.add_button,
            self.findings_panel.remove_button, self.findings_panel.move_up_button,
            self.findings_panel.move_down_button, editor.kind_combo,
        ]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def field_widget(self, name: str) -> QWidget | None:
        """The input for an inspection field name, to move the focus to it."""
        return {
            "reference": self.reference_edit, "title": self.title_edit, "type": self.type_combo,
            "published": self.published_field.line_edit, "forces": self.forces_edit,
            "s55_applies": self.s55_combo, "response_published": self.response_field.line_edit,
            "key_findings": self.key_findings_edit, "pcc_comments": self.comments_edit,
        }.get(name)
