"""Deleting an inspection in the window: confirm, Undo, Recently deleted; the change history dialog."""

from dataclasses import replace

from opcc_desktop.ui.shell.application import build_main_window
from opcc_desktop.ui.inspections.audit_history_dialog import AuditHistoryDialog
from opcc_desktop.ui.shell.main_window import INSPECTIONS
from opcc_desktop.ui.inspections.recently_deleted_dialog import RecentlyDeletedDialog


def _select(page, reference):
    for row in range(page.model.rowCount()):
        if page.model.row_at(row).reference == reference:
            page.table.selectRow(row)
            return page.model.row_at(row).id
    raise AssertionError(reference)


def test_delete_confirm_undo_and_recently_deleted(qtbot, demo_office, bus, today_provider, tmp_path, monkeypatch,
                                                  answer_message_boxes):
    monkeypatch.setenv("OPCC_DESKTOP_DATA_DIR", str(tmp_path / "state"))
    window = build_main_window(demo_office, today_provider, bus)
    qtbot.addWidget(window)
    window.show_page(INSPECTIONS)
    page = window.inspections
    shown = answer_message_boxes()  # Yes to "Delete inspection"
    inspection_id = _select(page, "29536")
    total = page.model.rowCount()
    page.delete_selected()
    assert shown[0][0] == "Delete inspection" and "undo" in shown[0][1]
    assert page.model.rowCount() == total - 1 and page.undo_bar.isVisibleTo(page)
    page.undo_bar.undo_button.click()
    assert page.model.rowCount() == total and not page.undo_bar.isVisibleTo(page)

    _select(page, "29536")
    page.delete_selected()
    dialog = RecentlyDeletedDialog(demo_office, bus, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 0).data() == "29536"
    assert dialog.restore_selected()
    assert page.model.rowCount() == total and dialog.model.rowCount() == 0
    assert demo_office.inspections.get(inspection_id).reference == "29536"
    window.close()


def test_change_history_shows_markup_literally(qtbot, demo_office, today_provider):
    inspection = demo_office.inspections.find("29536")
    demo_office.inspections.save(replace(inspection, title="<b>Bold</b> & title"))
    dialog = AuditHistoryDialog(demo_office, inspection.id, "<b>Bold</b> & title")
    qtbot.addWidget(dialog)
    assert dialog.model.index(0, 2).data() == "Inspection update"
    assert "<b>Bold</b> & title" in dialog.model.index(0, 3).data()
    assert "<b>Bold</b> & title" in dialog.detail.toPlainText()
