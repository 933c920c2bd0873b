"""Every page and every dialog of the window, built (never run modally) on an office's records.

Used by `tools/ui_screenshots.py` (screenshots at each screen size, and the user guide's pictures)
and by the tests that check every window fits its screen and that mnemonics are unique. A dialog
that cannot be built on these records is skipped with its reason, never silently.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from .main_window import DASHBOARD, EDITOR, FINDINGS, INSPECTIONS, MEETING, REMINDERS, BOARDS, MainWindow

PAGES: tuple[tuple[str, int], ...] = (
    ("dashboard", DASHBOARD), ("inspections", INSPECTIONS), ("inspection", EDITOR), ("boards", BOARDS),
    ("meeting", MEETING), ("reminders", REMINDERS), ("findings", FINDINGS),
)


@dataclass(frozen=True)
class Entry:
    name: str  # file-name friendly: "dialog-settings"
    build: Callable[[], QWidget]


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def show_pages(window: MainWindow) -> Iterator[str]:
    """Show each page in turn (an inspection with findings and a meeting with items opened first)."""
    office = window.office
    inspection = first_inspection_with_findings(window)
    if inspection is not None:
        window.open_inspection(inspection)
    meeting = first_meeting(window)
    if meeting is not None:
        window.open_meeting(meeting)
    for name, number in PAGES:
        window.show_page(number)
        if number == REMINDERS:
            window.reminders.ensure_current()
        settle()
        wait_for_page(window.pages.page(number))
        yield name
    del office


def wait_for_page(page: QWidget, seconds: float = 10.0) -> None:
    """Lists read on a worker (reminders, findings): wait until they have arrived."""
    import time

    def loading() -> bool:
        model = getattr(page, "model", None)
        return bool(getattr(page, "is_loading", lambda: False)() or getattr(model, "is_loading", lambda: False)())

    deadline = time.monotonic() + seconds
    while loading() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    settle()


def first_inspection_with_findings(window: MainWindow) -> int | None:
    rows = window.office.findings.rows()
    return rows[0].inspection_id if rows else None


def first_meeting(window: MainWindow) -> int | None:
    for board in window.office.boards.boards():
        for meeting in window.office.boards.meetings(board.id or 0):
            if window.office.boards.get_meeting(meeting.id).items:
                return meeting.id
    return None


def dialogs(window: MainWindow, scratch: Path, today: date) -> list[Entry]:
    """Every dialog, each built by its own function (so one that fails does not hide the others)."""
    office, bus = window.office, window.bus
    inspection_id = first_inspection_with_findings(window)
    finding_id = office.findings.rows()[0].id if office.findings.rows() else 0
    meeting_id = first_meeting(window)

    def today_provider() -> date:
        return today

    def settings() -> QWidget:
        from ..office.settings_dialog import SettingsDialog

        return SettingsDialog(office, bus, window)

    def search() -> QWidget:
        from .search_dialog import SearchDialog

        dialog = SearchDialog(office, lambda *_a: None, window)
        dialog.query_edit.setText("custody")
        dialog.run_search()
        return dialog

    def letters() -> QWidget:
        from ..letters.letter_editor import LetterEditorDialog

        return LetterEditorDialog(office, bus, inspection_id or 0, today_provider,
                                  lambda: datetime.combine(today, datetime.min.time()), window)

    def sign_off() -> QWidget:
        from ...domain.letter_records import HOME_SECRETARY
        from ..letters.letter_signoff import SignOffDialog

        def refuse(_signatory: int, _passphrase: str, _reason: str):
            from ...errors import UserFacingError

            raise UserFacingError("The passphrase is not right. Try again; letters are signed only with the "
                                  "signatory's own passphrase.")

        desk = office.letter_desk
        dialog = SignOffDialog(office, "Letter to the Home Secretary", refuse,
                               lambda signatory: desk.readiness(inspection_id or 0, HOME_SECRETARY, today, today=today,
                                                                signatory_id=signatory), window)
        dialog.show()
        dialog.passphrase_edit.setText("wrong")
        dialog.accept()  # shows the message: the dialog must not clip it
        return dialog

    def preview() -> QWidget:
        from ..letters.letter_preview import LetterPreviewDialog

        path = scratch / "preview.pdf"
        office.write_letter(office.letter(inspection_id or 0, today), path)
        return LetterPreviewDialog(path, window)

    def recently_deleted() -> QWidget:
        from ..inspections.recently_deleted_dialog import RecentlyDeletedDialog

        return RecentlyDeletedDialog(office, bus, window)

    def audit() -> QWidget:
        from ..inspections.audit_history_dialog import AuditHistoryDialog

        return AuditHistoryDialog(office, inspection_id or 0, "Change history", window)

    def restore() -> QWidget:
        from ...services.backups import back_up, list_backups
        from ..office.restore_dialog import RestoreDialog

        folder = scratch / "backups"
        if not list_backups(folder):
            back_up(office.path, folder, datetime.combine(today, datetime.min.time()))
        return RestoreDialog(list_backups(folder), str(folder), window)

    def status_change() -> QWidget:
        from ..findings.status_change_dialog import StatusChangeDialog

        return StatusChangeDialog(office, finding_id, today_provider, lambda _c: None, window)

    def finding_history() -> QWidget:
        from ..findings.finding_history_dialog import FindingHistoryDialog

        return FindingHistoryDialog(office, finding_id, today_provider, lambda _c: None, window)

    def paste_findings() -> QWidget:
        from ..findings.paste_findings_dialog import PasteFindingsDialog

        return PasteFindingsDialog(window)

    def new_meeting() -> QWidget:
        from ..boards.new_meeting_dialog import NewMeetingDialog

        board = office.boards.boards()[0]
        return NewMeetingDialog(board, office.boards.meetings(board.id or 0), today_provider, window)

    def action() -> QWidget:
        from ..boards.action_dialog import ActionDialog

        actions = [a for board in office.boards.boards() for a in office.boards.actions(board.id or 0)]
        return ActionDialog(actions[0], [], today_provider, window)

    def link() -> QWidget:
        from ..boards.link_dialogs import LinkDialog

        return LinkDialog(office, window)

    def closure() -> QWidget:
        from ..boards.link_dialogs import ClosureDialog

        links = next((i.links for i in office.boards.get_meeting(meeting_id or 0).items if i.links), ())
        return ClosureDialog(office, links, today, today_provider, window)

    def spreadsheet() -> QWidget:
        from ...services.spreadsheet_import import read_sheet
        from ..findings.spreadsheet_import_dialog import SpreadsheetImportDialog

        path = scratch / "tracker.csv"
        path.write_text("Report,Reference,Type,Finding,Owner,Target date,Status\n"
                        "PEEL 2025,31027,Recommendation,Review custody staffing,Supt A Khan,31/03/2026,Open\n",
                        encoding="utf-8")
        return SpreadsheetImportDialog(window, path, read_sheet(path))

    def progress() -> QWidget:
        from ..letters.progress_report_action import ProgressReportOptions

        return ProgressReportOptions(today, window)

    def welcome() -> QWidget:
        from .welcome_wizard import WelcomeWizard

        return WelcomeWizard(office, bus, today_provider, window)

    def add_signatory() -> QWidget:
        from ..office.signatory_dialogs import AddSignatoryDialog

        return AddSignatoryDialog(office, "", window)

    def passphrase() -> QWidget:
        from ..office.signatory_dialogs import PassphraseDialog

        return PassphraseDialog("Remove signature", "Jane Smith: enter your passphrase to remove your signature. "
                                "Letters already issued keep it.", window)

    def change_passphrase() -> QWidget:
        from ..office.signatory_dialogs import ChangePassphraseDialog

        signatory = office.signatories.list()[0]
        return ChangePassphraseDialog(office, signatory.id, signatory.name, window)

    def conflict() -> QWidget:
        from dataclasses import replace

        from ..inspections.conflict_dialog import ConflictDialog

        mine = office.inspections.get(inspection_id or 0)
        theirs = replace(mine, pcc_comments=mine.pcc_comments + "\n\nA paragraph added on another PC.")
        return ConflictDialog(f"“{mine.title}” was changed elsewhere while you edited it.", mine, theirs, window)

    def user_guide() -> QWidget:
        from .user_guide import UserGuideDialog

        return UserGuideDialog("reminders", window)

    def shortcuts() -> QWidget:
        from .user_guide import ShortcutsDialog

        return ShortcutsDialog(window)

    found = [
        ("settings", settings), ("search", search), ("letters", letters), ("sign-off", sign_off),
        ("letter-preview", preview), ("recently-deleted", recently_deleted), ("change-history", audit),
        ("restore", restore), ("change-status", status_change), ("finding-history", finding_history),
        ("paste-findings", paste_findings), ("new-meeting", new_meeting), ("action", action), ("link", link),
        ("closure", closure), ("spreadsheet-import", spreadsheet), ("progress-report", progress),
        ("welcome", welcome), ("add-signatory", add_signatory), ("passphrase", passphrase),
        ("change-passphrase", change_passphrase), ("conflict", conflict), ("user-guide", user_guide), ("shortcuts", shortcuts),
    ]
    return [Entry(f"dialog-{name}", build) for name, build in found]
