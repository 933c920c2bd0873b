"""`Office`: the one object the window talks to. It owns the open database and every use case."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..letters.letter_data import LetterData
from ..storage.database import DatabaseHealth, check_database, open_database
from .attachments import AttachmentService
from .audit import AuditService
from .who import current_user_name
from .boards import BoardService
from .changes import Changes
from .deadlines import DueItem, due_items
from .demo import is_empty, load_demo
from .findings_list import FindingsListService
from .findings_tracker import FindingTrackerService, board_approvals_as_history
from .inspections import InspectionService
from .interchange import ImportReport, export_to_file, import_from_file
from .letter_desk import LetterDesk
from .letters import home_secretary_letter, write_letter_pdf
from .reminders import ReminderService
from .s55_workflow import S55WorkflowService
from .search import SearchHit
from .search import search as search_records
from .settings import SettingsService
from .signatories import SignatoryService


class Office:
    """Façade over one database file. UI code uses this and never touches storage."""

    def __init__(self, db: Database, path: Path):
        self.db = db
        self.path = path
        self.inspections = InspectionService(db)
        self.settings = SettingsService(db)
        self.signatories = SignatoryService(db)
        self.letter_desk = LetterDesk(db)
        self.boards = BoardService(db)
        self.reminders = ReminderService(db)
        self.s55_workflow = S55WorkflowService(db)
        self.findings = FindingsListService(db)
        self.tracker = FindingTrackerService(db)
        self.tracker.history_sources.append(board_approvals_as_history(self.boards))
        self.attachments = AttachmentService(db, Path(path).parent)  # evidence lives beside the database
        self.audit = AuditService(db)
        try:
            self.audit.set_actor(current_user_name())
        except Exception:  # noqa: BLE001 - a read-only file can still be read; writes will say why they fail
            pass

    @classmethod
    def open(cls, path: Path | str) -> Office:
        """Open (creating and migrating if needed); raises DatabaseFileError with a plain message."""
        return cls(open_database(path), Path(path))

    closed = False

    def close(self) -> None:
        self.closed = True
        self.db.conn.close()

    def is_empty(self) -> bool:
        return is_empty(self.db)

    def load_demo(self, today: date) -> ImportReport:
        return load_demo(self.db, today)

    def due(self, today: date, within_days: int | None = 28) -> list[DueItem]:
        return due_items(self.db, today, within_days)

    def letter(self, inspection_id: int, letter_date: date) -> LetterData:
        return home_secretary_letter(self.db, inspection_id, letter_date)

    @staticmethod
    def write_letter(data: LetterData, out: Path) -> int:
        """Pure rendering (no database): safe to call from a worker thread."""
        return write_letter_pdf(data, out)

    def export_json(self, path: Path) -> int:
        return export_to_file(self.db, path)

    def import_json(self, path: Path) -> ImportReport:
        return import_from_file(self.db, path)

    def import_spreadsheet(self, path: Path, mapping: dict[int, str] | None = None,
                           mapping_file: Path | None = None) -> ImportReport:
        """A findings tracker from .xlsx/.csv, all or nothing (`mapping`: column index → field)."""
        from ..errors import InterchangeError
        from .spreadsheet_import import import_spreadsheet

        try:
            return import_spreadsheet(self.db, Path(path), mapping, mapping_file)
        except InterchangeError as error:
            if mapping is None and mapping_file is None and "is mapped" in str(error):
                raise InterchangeError(f"{error}\nUse File ▸ Import tracker spreadsheet… to choose which column "
                                       "holds what.") from error
            raise

    def search(self, text: str) -> list[SearchHit]:
        """Full-text search over inspections and findings; FTS syntax in `text` is taken literally."""
        return search_records(self.db, text)

    def health(self) -> DatabaseHealth:
        return check_database(self.db)


__all__ = ["Office", "Changes", "DueItem"]
