"""Letters from the editor: rendered off the GUI thread, previewed, saved and printed (dialogs stubbed)."""

from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from opcc_desktop.ui.common import pdf_output
from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor
from opcc_desktop.ui.letters.letter_actions import LetterController
from opcc_desktop.ui.letters.letter_preview import LetterPreviewDialog
from opcc_desktop.ui.common.workers import pending_tasks

TITLE = "An inspection of the north-west regional response to serious and organised crime"
RENDER_TIMEOUT_MS = 30_000


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture
def inspection_id(demo_office):
    return demo_office.inspections.find("29536").id


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


@pytest.fixture
def controller(demo_office, host, today_provider):
    return LetterController(demo_office, host, today_provider)


@pytest.fixture
def save_dialog(monkeypatch, tmp_path):
    """Stub the Save dialog: it returns `tmp_path/name` and remembers what it was offered."""
    offered = []

    def install(name="letter.pdf"):
        def fake(parent, caption, suggested, file_filter):
            offered.append((caption, suggested, file_filter))
            return str(tmp_path / name), file_filter

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
        return offered

    return install


class FakePrintDialog:
    """Accepts at once, pointing the printer at a PDF file instead of paper."""

    output: Path | None = None
    ranges: ClassVar[list[tuple[int, int]]] = []

    def __init__(self, printer: QPrinter, parent=None):
        self.printer = printer

    def setWindowTitle(self, _title): ...

    def setOption(self, *_args): ...

    def setMinMax(self, low, high):
        FakePrintDialog.ranges.append((low, high))

    def exec(self):
        self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        self.printer.setOutputFileName(str(FakePrintDialog.output))
        return QDialog.DialogCode.Accepted


def test_preview_renders_in_the_background_and_shows_every_page(qtbot, controller, inspection_id):
    with qtbot.waitSignal(controller.pdf_ready, timeout=RENDER_TIMEOUT_MS) as ready:
        controller.preview(inspection_id)
        assert controller.is_busy()  # the busy dialog shows while the worker renders
        assert controller._busy.maximum() == 0 and controller._busy.minimum() == 0
    assert not controller.is_busy()
    path = Path(ready.args[0])
    assert path.name == "29536 Home Secretary letter 2026-11-22.pdf"
    assert path.exists()
    assert TITLE in pdf_text(path)
    assert PdfReader(path).metadata.title

    dialog = controller.preview_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    pages = len(PdfReader(path).pages)
    assert dialog.page_count() == pages >= 2
    assert dialog.page_label.text() == f"Page 1 of {pages}"
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    dialog.reject()
    qtbot.waitUntil(lambda: pending_tasks() == 0)


def test_preview_dialog_zooms_and_fits_width(qtbot, tmp_path, demo_office, inspection_id, today_provider):
    path = tmp_path / "letter.pdf"
    pages = demo_office.write_letter(demo_office.letter(inspection_id, today_provider()), path)
    dialog = LetterPreviewDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == pages
    assert dialog.document is dialog.view.document()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    before = dialog.effective_zoom()
    dialog.zoom_in_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(before * 1.25)
    dialog.zoom_out_button.click()
    dialog.zoom_out_button.click()
    assert dialog.view.zoomFactor() < before
    dialog.fit_width_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    assert "letter.pdf" in dialog.windowTitle()


def test_preview_dialog_save_as_copies_the_pdf(
    qtbot, tmp_path, demo_office, inspection_id, today_provider, save_dialog
):
    source = tmp_path / "preview.pdf"
    demo_office.write_letter(demo_office.letter(inspection_id, today_provider()), source)
    offered = save_dialog("copy.pdf")
    dialog = LetterPreviewDialog(source)
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert offered[0][1].endswith("preview.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == source.read_bytes()


def test_a_missing_pdf_is_reported_not_crashed(qtbot, tmp_path, answer_message_boxes):
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    dialog = LetterPreviewDialog(tmp_path / "gone.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == 0
    assert shown and "gone.pdf" in shown[0][1]
    assert not dialog.print_button.isEnabled()


def test_save_as_suggests_the_reference_and_renders_straight_there(
    qtbot, controller, inspection_id, save_dialog, answer_message_boxes, tmp_path
):
    offered = save_dialog("chosen name")  # no .pdf typed: it is added
    shown = answer_message_boxes(QMessageBox.StandardButton.Close)
    with qtbot.waitSignal(controller.pdf_ready, timeout=RENDER_TIMEOUT_MS) as ready:
        controller.save_as(inspection_id)
    assert Path(offered[0][1]).name == "29536 Home Secretary letter 2026-11-22.pdf"
    target = tmp_path / "chosen name.pdf"
    assert Path(ready.args[0]) == target and target.exists()
    assert TITLE in pdf_text(target)
    assert shown == [("Letter saved", f"The letter was saved as {target}.")]
    assert not list(tmp_path.glob("*.part"))


def test_a_letter_that_cannot_be_written_is_reported(qtbot, controller, inspection_id, monkeypatch, tmp_path,
                                                     answer_message_boxes):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(blocker / "letter.pdf"), "PDF files (*.pdf)"))
    )
    shown = answer_message_boxes(QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(controller.failed, timeout=RENDER_TIMEOUT_MS):
        controller.save_as(inspection_id)
    assert shown and shown[0][0] == "Letter"
    assert not controller.is_busy()


def test_print_draws_one_sheet_per_pdf_page(qtbot, controller, inspection_id, monkeypatch, tmp_path):
    FakePrintDialog.output = tmp_path / "printed.pdf"
    FakePrintDialog.ranges = []
    monkeypatch.setattr(pdf_output, "QPrintDialog", FakePrintDialog)
    with qtbot.waitSignal(controller.pdf_ready, timeout=RENDER_TIMEOUT_MS) as ready:
        controller.print_letter(inspection_id)
    pages = len(PdfReader(ready.args[0]).pages)
    assert FakePrintDialog.ranges == [(1, pages)]
    printed = PdfReader(tmp_path / "printed.pdf")
    assert len(printed.pages) == pages
    width, height = float(printed.pages[0].mediabox.width), float(printed.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_the_editor_previews_its_saved_inspection(qtbot, demo_office, bus, today_provider, inspection_id):
    editor = InspectionEditor(demo_office, bus, today_provider)
    qtbot.addWidget(editor)
    editor.load(inspection_id)
    editor.show()
    with qtbot.waitSignal(editor.letters.pdf_ready, timeout=RENDER_TIMEOUT_MS):
        editor.view.preview_button.click()
    qtbot.waitUntil(lambda: editor.letters.preview_dialog is not None)
    dialog = editor.letters.preview_dialog
    qtbot.addWidget(dialog)
    assert dialog.page_count() >= 2
    dialog.close_button.click()
    assert not dialog.isVisible()
