"""File → New inspection from report PDF… (and a PDF dropped on the window).

The PDF is read on a worker (page by page, with progress), the proposed inspection fills a new inspection
form, and its findings are reviewed in the Paste findings dialog; the user then saves as usual. When the new
inspection is first saved, the PDF is attached to it as evidence.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from ..common.error_dialogs import show_error
from ..common.field_helpers import join_list, set_combo_text
from ..common.operations import publish
from ..common.workers import run_in_background

if TYPE_CHECKING:
    from ...services.office import Office
    from ...services.report_intake import ReportProposal
    from ..common.event_bus import EventBus
    from .inspection_editor import InspectionEditor

TITLE = "New inspection from report PDF"


class _PageProgress(QObject):
    advanced = Signal(int, int)  # emitted on the worker; delivered on the GUI thread


class ReportHost(Protocol):
    """What a new inspection from a report needs of the window (the main window provides it)."""

    office: Office
    bus: EventBus

    @property
    def editor(self) -> InspectionEditor: ...
    def new_inspection(self) -> None: ...
    def window(self) -> QWidget: ...


def dropped_pdf(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The one local .pdf file being dragged, if that is what it is."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return paths[0] if len(paths) == 1 and paths[0].suffix.lower() == ".pdf" else None


def accept_pdf_drag(event: QDragEnterEvent) -> None:
    if dropped_pdf(event) is not None:
        event.acceptProposedAction()


def drop_pdf(window: ReportHost, event: QDropEvent) -> None:
    path = dropped_pdf(event)
    if path is not None:
        event.acceptProposedAction()
        new_inspection_from_pdf(window, path)


def new_inspection_from_pdf(window: ReportHost, path: Path | None = None) -> QProgressDialog | None:
    if window.editor.is_dirty() and not window.editor.can_close():
        return None
    if path is None:
        name, _filter = QFileDialog.getOpenFileName(window.window(), TITLE, "", "PDF files (*.pdf);;All files (*)")
        if not name:
            return None
        path = Path(name)
    from ...services.report_intake import propose_from_pdf

    dialog = QProgressDialog(f"Reading {path.name}…", "", 0, 0, window.window())
    dialog.setWindowTitle(TITLE)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    progress = _PageProgress(dialog)
    def advanced(done: int, total: int) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        dialog.setLabelText(f"Reading {path.name}: page {done} of {total}")

    progress.advanced.connect(advanced)

    def finished(proposal: Any) -> None:
        dialog.close()
        review_proposal(window, proposal, path)

    def failed(error: BaseException) -> None:
        dialog.close()
        show_error(window.window(), TITLE, str(error))

    run_in_background(lambda: propose_from_pdf(path, lambda done, total: progress.advanced.emit(done, total)),
                      finished, failed)
    return dialog


def review_proposal(window: ReportHost, proposal: ReportProposal, pdf: Path | None) -> int:
    """Fill a new inspection form from the proposal, review its findings; how many findings were added."""
    from ..findings.paste_findings_dialog import PasteFindingsDialog

    window.new_inspection()
    editor = window.editor
    if editor.current_id() is not None or editor.is_dirty():
        return 0  # the user kept the inspection that was open
    inspection, view = proposal.inspection, editor.view
    view.title_edit.setText(inspection.title or "")
    view.reference_edit.setText(inspection.reference or "")
    if inspection.type:
        set_combo_text(view.type_combo, inspection.type)
    if inspection.published:
        view.published_field.set_value(inspection.published)
    view.forces_edit.setText(join_list(inspection.forces))
    dialog = PasteFindingsDialog(window.window(), existing=list(view.findings_panel.findings()), proposed=proposal.findings,
                                 source_text=proposal.text, title=f"{TITLE}: review findings",
                                 warnings=proposal.warnings)
    added = view.findings_panel.append_findings(dialog.findings()) if dialog.exec() else 0
    if pdf is not None:
        _attach_when_saved(window, pdf)
    return added


def _attach_when_saved(window: ReportHost, pdf: Path) -> None:
    editor = window.editor
    known = {summary.id for summary in window.office.inspections.summaries()}

    def attach(inspection_id: int) -> None:
        if inspection_id in known:
            return  # another, existing inspection was saved: wait for the new one
        editor.saved.disconnect(attach)
        try:
            _attachment, changes = window.office.attachments.attach(pdf, inspection_id,
                                                                    description="HMICFRS report (PDF)")
        except Exception as error:  # noqa: BLE001 - the inspection is saved; say why the file is not attached
            show_error(window.window(), TITLE, f"The inspection is saved, but the PDF could not be attached: {error}")
            return
        publish(window.bus, changes)

    editor.saved.connect(attach)
