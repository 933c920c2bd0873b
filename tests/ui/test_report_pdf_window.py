"""File → New inspection from report PDF… and a dropped PDF: read on a worker, review, save, PDF attached."""

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.findings.paste_findings_dialog import DUPLICATE, PasteFindingsDialog, to_finding
from opcc_desktop.ui.common.workers import pending_tasks
from tests.report_pdf.make_report import AFI_1, write_report


def _window(qtbot, office, bus, today_provider, tmp_path, monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(office, today_provider, bus)
    qtbot.addWidget(window)
    return window


def test_new_inspection_from_a_report_pdf(qtbot, office, bus, today_provider, tmp_path, monkeypatch):
    pdf = tmp_path / "peel.pdf"
    write_report(pdf)
    window = _window(qtbot, office, bus, today_provider, tmp_path, monkeypatch)
    reviewed = []

    def review(dialog: PasteFindingsDialog):
        reviewed.append(dialog.model.rowCount())
        assert dialog.windowTitle().endswith("review findings") and "Warwickshire" in dialog.text_edit.toPlainText()
        dialog.model.setData(dialog.model.index(5, 0), 0, 10)  # untick the last
        dialog.grab().save(str(tmp_path / "review.png"))
        return 1

    monkeypatch.setattr(PasteFindingsDialog, "exec", review)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
    window.menu_actions.from_pdf.trigger()
    qtbot.waitUntil(lambda: bool(reviewed) and pending_tasks() == 0, timeout=10_000)
    assert reviewed == [6]
    view = window.editor.view
    assert view.title_edit.text() == "PEEL 2023–2025 An inspection of Warwickshire Police"
    assert view.forces_edit.text() == "Warwickshire" and view.type_combo.currentText() == "PEEL force inspection"
    assert view.findings_panel.findings()[0].text == AFI_1
    assert len(view.findings_panel.findings()) == 5
    assert window.editor.save()
    saved = office.inspections.get(window.editor.current_id())
    assert saved.published.isoformat() == "2024-10-14" and len(saved.findings) == 5
    [attachment] = office.attachments.for_inspection(saved.id)
    assert office.attachments.absolute_path(attachment).read_bytes() == pdf.read_bytes()
    window.close()


def test_a_dropped_pdf_starts_the_same_route_and_duplicates_are_unticked(qtbot, office, bus, today_provider,
                                                                        tmp_path, monkeypatch):
    pdf = tmp_path / "dropped.pdf"
    write_report(pdf)
    window = _window(qtbot, office, bus, today_provider, tmp_path, monkeypatch)
    reviewed = []
    monkeypatch.setattr(PasteFindingsDialog, "exec", lambda dialog: reviewed.append(dialog) or 0)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(pdf))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(reviewed) and pending_tasks() == 0, timeout=10_000)
    assert reviewed[0].model.rowCount() == 6 and not any(reviewed[0].model.duplicate)
    assert window.editor.view.title_edit.text().endswith("Warwickshire Police")  # the form is filled all the same
    dialog = PasteFindingsDialog(window, existing=[to_finding(reviewed[0].model.items[0])],
                                 proposed=reviewed[0].model.items)
    assert dialog.model.duplicate[0] and not dialog.model.included[0] and all(dialog.model.included[1:])
    assert dialog.model.data(dialog.model.index(0, 0)) == DUPLICATE
    window.editor.load_new()
    window.close()


def test_the_review_corrects_kind_reference_date_addressees_and_text(qtbot):
    from datetime import date

    from opcc_desktop.domain.paste_parse import parse_findings

    dialog = PasteFindingsDialog(None, proposed=parse_findings("Recommendations\n\n1. The force should act.\n"))
    qtbot.addWidget(dialog)
    model, edit = dialog.model, 2  # Qt.EditRole
    assert model.setData(model.index(0, 1), "Area for improvement", edit)
    assert model.setData(model.index(0, 2), "AFI 7", edit) and model.setData(model.index(0, 4), "31/03/2025", edit)
    assert model.setData(model.index(0, 5), "Kent Police; College of Policing", edit)
    assert model.setData(model.index(0, 6), "The force should act now.", edit)
    assert not model.setData(model.index(0, 4), "31/02/2025", edit) and not model.setData(model.index(0, 1), "x", edit)
    [finding] = dialog.findings()
    assert (finding.kind, finding.reference, finding.target_date, finding.addressees, finding.text) == (
        "area for improvement", "AFI 7", date(2025, 3, 31), ("Kent Police", "College of Policing"),
        "The force should act now.")
