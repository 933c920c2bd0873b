"""Change status…, History… and the Tracking tab, tried in the window as a user would."""

from datetime import date

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.findings.finding_history_dialog import FindingHistoryDialog
from opcc_desktop.ui.findings.status_change_dialog import StatusChangeDialog
from opcc_desktop.ui.shell.main_window import FINDINGS

from .conftest import TODAY


def _finding_id(office, reference):
    return next(r.id for r in office.findings.rows() if r.reference == reference)


def test_closing_needs_basis_and_approver_at_the_field_then_records_history(qtbot, demo_office, bus, today_provider):
    fid = _finding_id(demo_office, "29551")
    published = []
    bus.changed.connect(published.append)
    dialog = StatusChangeDialog(demo_office, fid, today_provider, bus.publish)
    qtbot.addWidget(dialog)
    dialog.status_combo.setEditText("Closed – complete")
    assert not dialog.basis_edit.isHidden() and dialog.superseded_edit.isHidden()
    dialog.narrative_edit.setPlainText("Evidence <b>seen</b> & =SUM(A1) ŵ")
    dialog.accept()
    assert "required" in dialog.errors["closure_basis"].text()
    assert "required" in dialog.errors["closure_approved_by"].text()
    assert demo_office.tracker.get(fid).status != "Closed – complete" and not published
    dialog.basis_edit.setText("Force evidence reviewed")
    dialog.approved_combo.setEditText("Joint Audit and Scrutiny Panel")
    dialog.accept()
    finding = demo_office.tracker.get(fid)
    assert (finding.status, finding.closed_on, finding.closure_approved_by) == (
        "Closed – complete", TODAY, "Joint Audit and Scrutiny Panel")
    assert published and finding.inspection_id in published[0].inspections
    entry = demo_office.tracker.history(fid)[-1]
    assert entry.narrative == "Evidence <b>seen</b> & =SUM(A1) ŵ" and entry.author

    history = FindingHistoryDialog(demo_office, fid, today_provider, bus.publish)
    qtbot.addWidget(history)
    last = history.model.rowCount() - 1
    assert "→ Closed – complete" in history.model.index(last, 1).data()
    assert history.narrative.toPlainText() == "Evidence <b>seen</b> & =SUM(A1) ŵ"  # literal, not rendered


def test_findings_page_change_status_and_history_buttons(qtbot, demo_office, bus, today_provider, tmp_path,
                                                         monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show_page(FINDINGS)
    page = window.findings
    page.text_edit.setText("4P")
    page.apply_filters()
    qtbot.waitUntil(lambda: not page.model.is_loading() and page.model.rowCount() == 1)
    page.table.selectRow(0)
    opened = []

    def record_delay(dialog):
        opened.append(type(dialog).__name__)
        dialog.status_combo.setEditText("Open – delayed")
        dialog.rag_combo.setEditText("Red")
        dialog.narrative_edit.setPlainText("Regional template late")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(StatusChangeDialog, "exec", record_delay)
    page.change_status_button.click()
    assert opened == ["StatusChangeDialog"]
    qtbot.waitUntil(lambda: not page.model.is_loading()
                    and (page.model.row_at(0).status, page.model.row_at(0).rag) == ("Open – delayed", "Red"))
    # the list refreshed from the event bus (on a worker: it has words to search for)
    assert page.selected_finding_id() == page.model.row_at(0).id  # and the finding is still selected
    shown = []
    monkeypatch.setattr(FindingHistoryDialog, "exec", lambda d: shown.append(d.model.rowCount()) or 0)
    page.history_button.click()
    assert shown == [1]
    window.close()


def test_tracking_tab_fields_are_saved_with_the_inspection(qtbot, demo_office, bus, today_provider, tmp_path,
                                                           monkeypatch):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    inspection = demo_office.inspections.find("29536")
    window.open_inspection(inspection.id)
    editor = window.editor
    tracking = editor.view.findings_panel.finding_editor.tracking
    assert tracking.rag_combo.findText("Amber") >= 0
    tracking.rag_combo.setEditText("Amber")
    tracking.delivery_lead_edit.setText("Head of SOC <i>")
    tracking.revised_target_field.line_edit.setText("31/03/2027")
    assert not editor.save()  # a revised date needs its reason: shown, nothing written
    assert demo_office.inspections.find("29536").findings[0].revised_target_date is None
    tracking.revised_reason_edit.setText("Regional template late")
    assert editor.save()
    saved = demo_office.inspections.find("29536").findings[0]
    assert (saved.rag, saved.delivery_lead, saved.revised_target_date) == ("Amber", "Head of SOC <i>", date(2027, 3, 31))
    window.close()
