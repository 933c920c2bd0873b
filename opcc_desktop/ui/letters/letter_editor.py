"""`LetterEditorDialog`: write, preview, sign, issue and archive the letters of one inspection.

The body is pre-filled from the inspection and its findings and saved as a draft per document
kind; the appendix comes from the findings. The preview is rendered on a worker thread (pure
ReportLab) a moment after typing stops, and shown with Qt's PDF viewer. Signing needs the
signatory's passphrase; the issued PDF is archived (exact bytes and SHA-256) and never overwritten.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSize, QTemporaryDir, QTimer, Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from ...domain.letter_records import DOCUMENT_KIND_LABELS, DOCUMENT_KINDS, HOME_SECRETARY
from ...letters.documents import Document, RenderedPdf, render_pdf
from ...services.changes import Changes
from ...services.letter_desk import Approval
from ...services.office import Office
from ..common.date_field import DateField
from ..common.error_dialogs import ask_yes_no, show_error, show_info
from ..common.event_bus import EventBus
from ..common.operations import Failed, publish, quietly, run_op, shown_in
from ..common.pdf_output import print_pdf, save_pdf_copy
from ..common.pdf_pane import PdfPane
from ..common.screen_fit import fit_to_screen, largest_size
from ..common.web_page_output import LetterWebActions
from ..common.workers import run_in_background
from .letter_archive_panel import LetterArchivePanel
from .letter_signoff import SignOffDialog

log = logging.getLogger(__name__)
PREVIEW_DELAY_MS = 450
SIDE_BY_SIDE_FROM = 900  # narrower screens show the preview under the text


class LetterEditorDialog(QDialog):
    def __init__(self, office: Office, bus: EventBus, inspection_id: int, today_provider: Callable[[], date],
                 now_provider: Callable[[], datetime] = datetime.now, parent: QWidget | None = None):
        super().__init__(parent)
        self.office, self.bus, self.inspection_id = office, bus, inspection_id
        self.now_provider = now_provider
        inspection = office.inspections.get(inspection_id)
        label = f"#{inspection.reference} {inspection.title}" if inspection.reference else inspection.title
        self.setWindowTitle(f"Letters – {label}")
        self.finding_count = len(inspection.findings)
        self.current_pdf: Path | None = None
        self.last_rendered: RenderedPdf | None = None
        self.busy = False
        self._generation = 0
        self._serial = itertools.count(1)
        self._temp = QTemporaryDir()
        self._loading = False
        self._closed = False
        self._saved_body = ""
        self._pending_document: Document | None = None
        self.previewed_document: Document | None = None

        self.kind_combo = QComboBox(self)
        for kind in DOCUMENT_KINDS:
            self.kind_combo.addItem(DOCUMENT_KIND_LABELS[kind], kind)
        self.date_field = DateField(today_provider=today_provider, parent=self)
        self.date_field.set_value(today_provider())
        self.body_edit = QPlainTextEdit(self)
        self.body_edit.setObjectName("letter_body")
        self.body_edit.setPlaceholderText("The body of the letter: paragraphs separated by a blank line.")
        self.reset_button = QPushButton("Start again from the inspection", self)
        self.save_draft_button = QPushButton("Save &draft", self)
        self.draft_label = QLabel(self)
        self.appendix_label = QLabel(self)
        self.appendix_label.setWordWrap(True)
        self.archive_panel = LetterArchivePanel(office, self)
        self.archive_panel.show_inspection(inspection_id)
        self.pane = PdfPane(self)
        self.preview_state = QLabel(self)
        self.readiness_label = QLabel(self)  # the readiness check, kept in view while writing
        self.readiness_label.setObjectName("letter_readiness")
        self.readiness_label.setWordWrap(True)
        self.print_button = QPushButton("&Print draft…", self)
        self.save_pdf_button = QPushButton("Save as PD&F…", self)
        self.word_button = QPushButton("&Word copy…", self)
        self.word_button.setToolTip("Export an editable Word copy of the draft")
        self.save_pdf_button.setToolTip("Save the draft as a PDF")
        self.sign_button = QPushButton("&Approve, sign and issue…", self)
        self.close_button = QPushButton("Close", self)
        self.web_actions = LetterWebActions(self)
        for button in (self.reset_button, self.save_draft_button, self.print_button, self.save_pdf_button,
                       self.word_button, self.sign_button, self.close_button):
            button.setAutoDefault(False)  # Enter in the date field must not press a button
        for widget in (self.draft_label, self.appendix_label, self.preview_state, self.readiness_label):
            widget.setTextFormat(Qt.TextFormat.PlainText)
        self._build_layout()

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY_MS)
        self.timer.timeout.connect(self.refresh_preview)
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._load_body())
        self.date_field.changed.connect(self.timer.start)
        self.body_edit.textChanged.connect(self._body_edited)
        self.reset_button.clicked.connect(self.reset_body)
        self.save_draft_button.clicked.connect(self.save_draft)
        self.print_button.clicked.connect(lambda: self.current_pdf and print_pdf(self.current_pdf, self))
        self.save_pdf_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.export_word)
        self.sign_button.clicked.connect(self.sign_and_issue)
        self.close_button.clicked.connect(self.reject)
        self.bus.changed.connect(self._on_changes)
        self._load_body()
        fit_to_screen(self, 0.96, 0.96, QSize(1280, 860))

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("Document:"))
        top.addWidget(self.kind_combo)
        top.addSpacing(16)
        top.addWidget(QLabel("Letter date:"))
        top.addWidget(self.date_field)
        top.addStretch(1)
        body_page = QWidget(self)
        body_layout = QVBoxLayout(body_page)
        body_layout.addWidget(self.body_edit, 1)
        body_layout.addWidget(self.appendix_label)
        row = QHBoxLayout()
        for widget in (self.save_draft_button, self.reset_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.draft_label)
        body_layout.addLayout(row)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(body_page, "Body")
        self.tabs.addTab(self.archive_panel, "Issued letters")
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.pane, 1)
        right_layout.addWidget(self.preview_state)
        right_layout.addWidget(self.readiness_label)
        splitter = QSplitter(self)
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setSizes([560, 680])
        if largest_size(self.parentWidget()).width() < SIDE_BY_SIDE_FROM:  # a small laptop: preview below
            splitter.setOrientation(Qt.Orientation.Vertical)
            splitter.setSizes([300, 300])
        self.splitter = splitter
        buttons = QHBoxLayout()
        outputs = QHBoxLayout()  # a small laptop: the draft's outputs on a line of their own
        narrow = largest_size(self.parentWidget()).width() < SIDE_BY_SIDE_FROM
        for button in (self.print_button, self.save_pdf_button, self.word_button, *self.web_actions.buttons):
            (outputs if narrow else buttons).addWidget(button)
        outputs.addStretch(1)
        buttons.addWidget(self.sign_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        if narrow:
            layout.addLayout(outputs)
        layout.addLayout(buttons)

    # Body and drafts ---------------------------------------------------------------------------
    def kind(self) -> str:
        return self.kind_combo.currentData() or HOME_SECRETARY

    def _load_body(self) -> None:
        desk = self.office.letter_desk
        self._loading = True
        try:
            body = run_op(self, "Letters", lambda: desk.body(self.inspection_id, self.kind()))
            if not isinstance(body, Failed):
                self._saved_body = body
                self.body_edit.setPlainText(body)
        finally:
            self._loading = False
        has_draft = desk.has_draft(self.inspection_id, self.kind())
        self.draft_label.setText("Saved draft" if has_draft else "Pre-filled from the inspection")
        if self.kind() != HOME_SECRETARY:
            appendix = (f"Each of the {self.finding_count} finding(s) is printed followed by its labelled responses; "
                        "edit them in the inspection editor." if self.finding_count else "No findings to list.")
        else:
            appendix = (f"The appendix lists the {self.finding_count} finding(s) with their responses; edit them in "
                        "the inspection editor." if self.finding_count else "No findings, so no appendix.")
        self.appendix_label.setText(appendix)
        self.refresh_preview()

    def _body_edited(self) -> None:
        if self._loading:
            return
        edited = self.body_edit.toPlainText() != self._saved_body
        self.draft_label.setText("Unsaved changes" if edited else "Saved draft")
        self.timer.start()

    def save_draft(self) -> None:
        body = self.body_edit.toPlainText()
        changes = run_op(self, "Save draft", lambda: self.office.letter_desk.save_draft(self.inspection_id, self.kind(),
                                                                                          body))
        if isinstance(changes, Failed):
            return
        self._saved_body = body
        self.draft_label.setText("Saved draft")
        publish(self.bus, changes)

    def reset_body(self) -> None:
        self.body_edit.setPlainText(self.office.letter_desk.default_body(self.inspection_id, self.kind()))

    def letter_date(self) -> date | None:
        return self.date_field.value()

    # Preview -----------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Gather the words here (database), render on a worker thread, show the newest result only."""
        self.timer.stop()
        if self._closed:  # a change published as the dialog closed must not render (the office may be closed)
            return
        when = self.letter_date()
        if when is None:
            self.preview_state.setText("Enter the letter date to see the preview.")
            return
        body = self.body_edit.toPlainText()
        document = run_op(self, "Preview", lambda: self.office.letter_desk.document(self.inspection_id, self.kind(),
                                                                                    when, body),
                          failure=shown_in(self.preview_state.setText))
        if isinstance(document, Failed):
            return
        self._generation += 1
        generation = self._generation
        self._pending_document = document
        self.busy = True
        self.preview_state.setText("Updating the preview…")
        run_in_background(lambda: render_pdf(document), lambda pdf: self._show_preview(generation, pdf),
                          lambda error: self._preview_failed(generation, error))

    def _show_preview(self, generation: int, pdf: RenderedPdf) -> None:
        if generation != self._generation:
            return  # a newer preview is on its way
        self.busy = False
        path = Path(self._temp.path()) / f"draft-{next(self._serial)}.pdf"
        def show() -> None:
            path.write_bytes(pdf.data)
            self.pane.load(path)

        if isinstance(run_op(self, "Preview", show, disk=True, failure=shown_in(
                lambda text: self.preview_state.setText(f"The preview could not be shown: {text}"))), Failed):
            return
        previous, self.current_pdf, self.last_rendered = self.current_pdf, path, pdf
        self.previewed_document = self._pending_document  # what "Sign" will sign (plus the signature)
        if previous is not None:  # the viewer now holds the new file; keep the folder small
            try:
                previous.unlink(missing_ok=True)
            except OSError:
                pass  # still open somewhere (Windows); the temporary folder goes when the dialog does
        self._show_readiness()
        self.preview_state.setText(f"DRAFT preview, {pdf.pages} page{'s' if pdf.pages != 1 else ''}. "
                                   "The signature is applied only when the letter is approved.")

    def _show_readiness(self) -> None:
        """What would stop signing (or need a reason), for the previewed words; the signatory is checked at sign-off."""
        when = self.letter_date()
        if when is None:
            return
        body, today = self.body_edit.toPlainText(), self.now_provider().date()
        readiness = run_op(self, "Readiness", lambda: self.office.letter_desk.readiness(
            self.inspection_id, self.kind(), when, body, today=today), failure=shown_in(self.readiness_label.setText))
        if isinstance(readiness, Failed):
            return
        if readiness.blocking:
            text = "Cannot be signed yet: " + " ".join(readiness.blocking)
        elif readiness.warnings:
            text = "Ready to sign with a reason: " + " ".join(readiness.warnings)
        else:
            text = "Ready to sign."
        self.readiness_label.setText(text)

    def _preview_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.busy = False
            log.error("Letter preview failed", exc_info=error)
            self.preview_state.setText(f"The preview could not be made: {type(error).__name__}: {error}")

    # Output ------------------------------------------------------------------------------------
    def default_name(self, suffix: str) -> str:
        """"31027 Home Secretary letter 2024-02-20.pdf": reference (else title), document, letter date."""
        from ...domain.file_names import letter_file_name

        inspection = quietly(lambda: self.office.inspections.get(self.inspection_id), None)  # None: deleted
        if inspection is None:
            return letter_file_name("", "Inspection", self.kind(), self.letter_date(), suffix)
        return letter_file_name(inspection.reference, inspection.title, self.kind(), self.letter_date(), suffix)

    def save_pdf(self) -> None:
        if self.current_pdf is not None:
            save_pdf_copy(self.current_pdf, self, self.default_name(".pdf"))

    def export_word(self) -> Path | None:
        when = self.letter_date()
        if when is None:
            return None
        from ..common.file_dialogs import remember_folder, suggested_path

        chosen, _ = QFileDialog.getSaveFileName(self, "Export an editable Word copy",
                                                suggested_path(self.default_name(".docx")), "Word documents (*.docx)")
        if not chosen:
            return None
        remember_folder(chosen)
        path = Path(chosen) if chosen.lower().endswith(".docx") else Path(chosen + ".docx")
        body = self.body_edit.toPlainText()

        def export() -> None:
            document = self.office.letter_desk.document(self.inspection_id, self.kind(), when, body)
            from ...letters.docx_export import export_docx  # lazily: python-docx is slow to import

            export_docx(document, path)

        if isinstance(run_op(self, "Export Word copy", export, disk=True,
                             message=lambda error: f"The Word copy could not be written to {path}.\n\n{error}"), Failed):
            return None
        show_info(self, "Export Word copy", f"The Word copy was saved as {path}.")
        return path

    # Sign-off ----------------------------------------------------------------------------------
    def sign_and_issue(self) -> None:
        when = self.letter_date()
        if when is None:
            show_error(self, "Approve and sign", "Enter the letter date first.")
            return
        if self.busy or self.timer.isActive() or self.previewed_document is None:
            show_error(self, "Approve and sign", "Wait for the preview to catch up: what is signed is what the "
                       "preview shows.")
            return
        kind, body, previewed = self.kind(), self.body_edit.toPlainText(), self.previewed_document
        today = self.now_provider().date()
        desk = self.office.letter_desk
        summary = f"{DOCUMENT_KIND_LABELS[kind]}, dated {when.strftime('%d/%m/%Y')}."
        dialog = SignOffDialog(
            self.office, summary,
            lambda signatory_id, passphrase, reason: desk.approve(
                self.inspection_id, kind, when, body, signatory_id, passphrase, today=today, anyway_reason=reason,
                previewed=previewed),
            lambda signatory_id: desk.readiness(self.inspection_id, kind, when, body, today=today,
                                                signatory_id=signatory_id),
            self)
        if dialog.exec() and dialog.approval is not None:
            self.issue(dialog.approval, mark_published=self._confirm_publication(kind, today))

    def _confirm_publication(self, kind: str, today: date) -> bool:
        """Issuing the published response: record it as published today (stops the s.55 clock) if the user agrees."""
        if kind == HOME_SECRETARY:
            return False
        inspection = quietly(lambda: self.office.inspections.get(self.inspection_id), None)
        if inspection is None or inspection.response_published is not None:  # (None: deleted meanwhile)
            return False
        return ask_yes_no(self, "Response published",
                          f"Record {today.strftime('%d/%m/%Y')} as the date the response was published? This stops "
                          "the section 55 clock and the dashboard stops counting the response as due.",
                          default_yes=True)

    def issue(self, approval: Approval, *, mark_published: bool = False) -> None:
        """Render the signed document off the GUI thread, then archive those exact bytes."""
        issued_at = self.now_provider().replace(microsecond=0)
        self.busy = True
        self.sign_button.setEnabled(False)
        run_in_background(lambda: render_pdf(approval.document),
                          lambda pdf: self._archive(approval, pdf, issued_at, mark_published), self._issue_failed)

    def _archive(self, approval: Approval, pdf: RenderedPdf, issued_at: datetime, mark_published: bool) -> None:
        self.busy = False
        self.sign_button.setEnabled(True)
        archived = run_op(self, "Issue letter", lambda: self.office.letter_desk.archive(
            approval, pdf, issued_at, mark_published=mark_published), self.bus)
        if isinstance(archived, Failed):
            return
        record, _changes = archived
        self.tabs.setCurrentWidget(self.archive_panel)
        show_info(self, "Letter issued",
                  f"Version {record.version} was signed by {record.approver_name} and archived.\n\n"
                  "A tamper-evident copy is kept in the archive: it can be checked at any time that nobody has "
                  "altered it.\n\nOpen it from “Issued letters” to print or save it.")

    def _issue_failed(self, error: BaseException) -> None:
        self.busy = False
        self.sign_button.setEnabled(True)
        log.error("Issuing the letter failed", exc_info=error)
        show_error(self, "Issue letter", f"The letter could not be made, so nothing was issued.\n\n{error}")

    def _on_changes(self, changes: Changes) -> None:
        if self.inspection_id in changes.letters:
            self.archive_panel.refresh()
        if self.inspection_id in changes.inspections or changes.settings:
            inspection = quietly(lambda: self.office.inspections.get(self.inspection_id), None)
            if inspection is None:  # deleted meanwhile
                return
            self.finding_count = len(inspection.findings)
            self.timer.start()

    def done(self, result: int) -> None:
        if not self._closed:
            self._closed = True
            self.timer.stop()
            self.bus.changed.disconnect(self._on_changes)
        super().done(result)
        self.pane.release()
