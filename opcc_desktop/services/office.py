"""`Office`: the one object the window talks to. It owns the open database and every use case."""

from __future__ import annotations

import logging
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from ..storage.database import Connection, as_connection, open_connection, wrap
from .changes import Changes
from .deadlines import DueItem, due_items

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # each service is imported when first used: the window paints before it needs most
    from sqlite_utils import Database

    from ..letters.letter_data import LetterData
    from ..storage.database import DatabaseHealth
    from .attachments import AttachmentService
    from .audit import AuditService
    from .boards import BoardService
    from .demo_removal import DemoRemoval
    from .findings_list import FindingsListService
    from .findings_tracker import FindingTrackerService
    from .inspections import InspectionService
    from .interchange import ImportReport
    from .letter_desk import LetterDesk
    from .reminders import ReminderService
    from .s55_workflow import S55WorkflowService
    from .search import BoardHit, SearchHit
    from .settings import SettingsService
    from .signatories import SignatoryService


class Office:
    """Façade over one database file. UI code uses this and never touches storage.

    Opening is cheap: the connection is plain sqlite3 and every service (and sqlite-utils behind
    them) is created on first use, so the window's first paint waits only for what it shows."""

    def __init__(self, db: Database | Connection, path: Path):
        self.path = path
        self.conn = as_connection(db)
        if db is not self.conn:
            self.__dict__["db"] = db  # already wrapped: keep that one
        self._record_actor()

    def _record_actor(self) -> None:
        from ..storage.audit import set_actor
        from .who import current_user_name

        set_actor(self.conn, current_user_name())  # this connection's own: nothing is written

    @classmethod
    def open(cls, path: Path | str) -> Office:
        """Open (creating and migrating if needed); raises DatabaseFileError with a plain message."""
        return cls(open_connection(path), Path(path))

    @cached_property
    def db(self) -> Database:
        return wrap(self.conn)

    @cached_property
    def inspections(self) -> InspectionService:
        from .inspections import InspectionService

        return InspectionService(self.db)

    @cached_property
    def settings(self) -> SettingsService:
        from .settings import SettingsService

        return SettingsService(self.db)

    @cached_property
    def signatories(self) -> SignatoryService:
        from .signatories import SignatoryService

        return SignatoryService(self.db)

    @cached_property
    def letter_desk(self) -> LetterDesk:
        from .letter_desk import LetterDesk

        return LetterDesk(self.db)

    @cached_property
    def boards(self) -> BoardService:
        from .boards import BoardService

        return BoardService(self.db)

    @cached_property
    def reminders(self) -> ReminderService:
        from .reminders import ReminderService

        return ReminderService(self.db)

    @cached_property
    def s55_workflow(self) -> S55WorkflowService:
        from .s55_workflow import S55WorkflowService

        return S55WorkflowService(self.db)

    @cached_property
    def findings(self) -> FindingsListService:
        from .findings_list import FindingsListService

        return FindingsListService(self.db)

    @cached_property
    def tracker(self) -> FindingTrackerService:
        from .findings_tracker import FindingTrackerService, board_approvals_as_history

        tracker = FindingTrackerService(self.db)
        tracker.history_sources.append(board_approvals_as_history(self.boards))
        return tracker

    @cached_property
    def attachments(self) -> AttachmentService:
        from .attachments import AttachmentService

        return AttachmentService(self.db, Path(self.path).parent)  # evidence lives beside the database

    @cached_property
    def audit(self) -> AuditService:
        from .audit import AuditService

        return AuditService(self.db)

    closed = False

    def close(self) -> None:
        self.closed = True
        self.conn.close()

    @cached_property
    def is_demonstration(self) -> bool:
        """The demonstration office's own file: "DEMONSTRATION" in the title bar and on every page it prints."""
        from ..storage.office_mark import is_demonstration

        return is_demonstration(self.conn)

    def remove_demo_records(self, today: date) -> DemoRemoval:
        """Take out demonstration data loaded into this office before the demonstration had its own file."""
        from .demo_removal import remove_demo_records

        return remove_demo_records(self.db, today)

    def holds_an_office(self) -> bool:
        """Inspections (deleted ones too), signatories, boards or office settings: not a new file."""
        from ..storage.office_mark import office_contents

        return any(office_contents(self.conn).values())  # type: ignore[arg-type]

    def is_empty(self) -> bool:
        from ..storage.first_paint import count_live_inspections

        return count_live_inspections(self.conn) == 0

    def load_demo(self, today: date) -> ImportReport:
        """Only into an empty file (OfficeAlreadyHeldError otherwise), which becomes the demonstration office."""
        from .demo import load_demo

        report = load_demo(self.db, today)
        self.__dict__.pop("is_demonstration", None)
        return report

    def due(self, today: date, within_days: int | None = 28) -> list[DueItem]:
        return due_items(self.conn, today, within_days, include_unknown=True)

    def letter(self, inspection_id: int, letter_date: date) -> LetterData:
        from .letters import home_secretary_letter

        return home_secretary_letter(self.db, inspection_id, letter_date)

    @staticmethod
    def write_letter(data: LetterData, out: Path) -> int:
        """Pure rendering (no database): safe to call from a worker thread."""
        from .letters import write_letter_pdf

        return write_letter_pdf(data, out)

    def export_json(self, path: Path) -> int:
        from .interchange import export_to_file

        return export_to_file(self.db, path)

    def import_json(self, path: Path) -> ImportReport:
        from .interchange import import_from_file

        return import_from_file(self.db, path)

    def import_spreadsheet(self, path: Path, mapping: dict[int, str] | None = None,
                           mapping_file: Path | None = None, today: date | None = None) -> ImportReport:
        """A findings tracker from .xlsx/.csv, all or nothing (`mapping`: column index → field). With `today`,
        the text of unmapped columns becomes a history line dated `today` on each new finding."""
        from ..errors import InterchangeError
        from .spreadsheet_import import import_spreadsheet

        try:
            return import_spreadsheet(self.db, Path(path), mapping, mapping_file, today=today)
        except InterchangeError as error:
            if mapping is None and mapping_file is None and "is mapped" in str(error):
                raise InterchangeError(f"{error}\nUse File ▸ Import tracker spreadsheet… to choose which column "
                                       "holds what.") from error
            raise

    def search(self, text: str) -> list[SearchHit]:
        """Full-text search over inspections and findings; FTS syntax in `text` is taken literally."""
        from .search import search as search_records

        return search_records(self.db, text)

    def search_boards(self, text: str) -> list[BoardHit]:
        """Boards, meetings, agenda items and actions holding every word of `text` (any case)."""
        from .search import search_boards

        return search_boards(self.db, text)

    def health(self) -> DatabaseHealth:
        from ..storage.database import check_database

        return check_database(self.conn)


__all__ = ["Changes", "DueItem", "Office"]
