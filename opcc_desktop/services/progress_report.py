"""Gather every finding and the office settings into the quarterly HMICFRS progress report PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..domain.finding_rows import FindingsQuery
from ..domain.progress_summary import ProgressSummary, Quarter, summarise
from ..domain.tracker import RAG_LOOKUP
from ..domain.vocabulary import FINDING_STATUS_LOOKUP
from ..errors import UserFacingError
from ..storage import findings_list
from ..storage.settings import lookup_values, read_settings


def progress_summary(db: Database, today: date, months: int = 6, quarter: Quarter | None = None) -> ProgressSummary:
    rows = findings_list.query_findings(db, FindingsQuery(sort="inspection"))
    return summarise(rows, today, months=months, quarter=quarter,
                     status_order=lookup_values(db, FINDING_STATUS_LOOKUP), rag_order=lookup_values(db, RAG_LOOKUP))


def write_progress_report(db: Database, path: Path, today: date, months: int = 6,
                          quarter: Quarter | None = None) -> int:
    """Render beside `path`, then move into place; returns the page count."""
    from ..letters.progress_report import ProgressReportData, render_progress_report  # ReportLab is slow to import
    from ..storage.office_mark import is_demonstration
    from .signatories import SignatoryService

    settings = read_settings(db)
    summary = progress_summary(db, today, months, quarter)
    office = settings.get("office_name", "")
    contacts = tuple(f"{label}: {settings[key]}" for label, key in
                     (("Tel", "office_telephone"), ("Email", "office_email"), ("Web", "office_web")) if settings.get(key))
    subject = f"HMICFRS progress report — {summary.quarter.financial_label}"
    data = ProgressReportData(
        summary=summary, office_name=office,
        office_address_lines=tuple(line.strip() for line in settings.get("office_address", "").splitlines() if line.strip()),
        office_contact_lines=contacts, force_name=settings.get("force_name", ""), subject=subject,
        pdf_title=f"HMICFRS progress report — {summary.quarter.label}", pdf_author=office, pdf_subject=subject, logo_png=SignatoryService(db).logo(),
        demonstration=is_demonstration(db.conn))
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    try:
        pages = render_progress_report(data, tmp)
        tmp.replace(path)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return pages
