"""In-process measurements of the real application code, offscreen: lists, search, form, letter, I/O."""

from __future__ import annotations

import os
import statistics
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .floors import bare_reportlab_pdf, raw_sql_ms
from .timing import median_ms, once_s, timed_ms

TODAY = date(2026, 11, 22)
FILTER_WORDS = ("custody", "vetting Cumbria", "B000123", "digital forensics", "zzzz-nothing", "Lancashire (4")
NOT_BUILT = None


class SqlRecorder:
    """Captures the SQL statements the app runs on its connection, to replay them raw as the floor."""

    def __init__(self, connection):
        self.connection = connection
        self.statements: list[str] = []

    def __enter__(self):
        self.connection.set_trace_callback(self.statements.append)
        return self

    def __exit__(self, *exc):
        self.connection.set_trace_callback(None)
        self.statements = [s for s in self.statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def measure_io(office, document_path: Path, export_path: Path) -> dict[str, float]:
    return {"import_s": once_s(lambda: office.import_json(document_path)),
            "export_s": once_s(lambda: office.export_json(export_path))}


def measure_list(office, repeat: int) -> dict[str, float]:
    from opcc_desktop.ui.inspections.inspections_model import InspectionsTableModel

    figures = {"list_open_ms": median_ms(lambda: InspectionsTableModel(office, lambda: TODAY), repeat)}
    model = InspectionsTableModel(office, lambda: TODAY)
    app_times, raw_times = [], []
    for word in FILTER_WORDS:
        with SqlRecorder(office.db.conn) as recorder:
            model.set_filter_text(word)
        for _ in range(repeat):
            model.set_filter_text("")  # untimed: every timed call really filters afresh
            app_times.append(timed_ms(lambda word=word: model.set_filter_text(word)))
        raw_times.append(raw_sql_ms(office.path, recorder.statements, repeat))
    figures["filter_ms"] = statistics.median(app_times)
    figures["filter_raw_ms"] = statistics.median(raw_times)
    return figures


FINDING_FILTERS = ({"text": "custody"}, {"status": "Open – delayed"}, {"kind": "area for improvement", "text": "plans"},
                   {"overdue": True}, {"owner": "Head of Crime", "overdue": True}, {"text": "zzzz-nothing"})


def measure_findings_list(office, repeat: int) -> dict[str, float]:
    """The Findings page's model: open it, then combined filters (words, status, kind, owner, overdue)."""
    from opcc_desktop.domain.finding_rows import FindingsQuery
    from opcc_desktop.ui.findings.findings_list_model import FindingsListModel

    figures = {"findings_open_ms": median_ms(lambda: FindingsListModel(office, lambda: TODAY), repeat)}
    model = FindingsListModel(office, lambda: TODAY)
    app_times, raw_times = [], []
    for spec in FINDING_FILTERS:
        query = FindingsQuery(text=spec.get("text", ""), status=spec.get("status", ""), kind=spec.get("kind", ""),
                              owner=spec.get("owner", ""), overdue_on=TODAY if spec.get("overdue") else None)
        with SqlRecorder(office.db.conn) as recorder:
            model.set_query(query)
        for _ in range(repeat):
            model.set_query(FindingsQuery())  # untimed: every timed call really filters afresh
            app_times.append(timed_ms(lambda query=query: model.set_query(query)))
        raw_times.append(raw_sql_ms(office.path, recorder.statements, repeat))
    figures["findings_filter_ms"] = statistics.median(app_times)
    figures["findings_filter_raw_ms"] = statistics.median(raw_times)
    figures["findings_filter_max_ms"] = max(app_times)
    return figures


def measure_search(office, repeat: int) -> dict[str, float | None]:
    """Full-text search, once the findings tracker provides it (`office.search`)."""
    search = getattr(office, "search", None)
    if search is None:
        return {"search_ms": NOT_BUILT, "search_raw_ms": NOT_BUILT}
    with SqlRecorder(office.db.conn) as recorder:
        search("custody plans")
    return {"search_ms": median_ms(lambda: search("custody plans"), repeat),
            "search_raw_ms": raw_sql_ms(office.path, recorder.statements, repeat)}


def measure_form(office, repeat: int) -> dict[str, float]:
    """Open an inspection in the real editor widget; change one finding's text and save (as Ctrl+S does)."""
    from opcc_desktop.ui.common.event_bus import EventBus
    from opcc_desktop.ui.inspections.inspection_editor import InspectionEditor

    busiest = max(office.inspections.summaries(limit=200), key=lambda s: s.finding_count)
    other = office.inspections.summaries(limit=2)[-1]
    editor = InspectionEditor(office, EventBus(), lambda: TODAY)
    editor.resize(1200, 760)
    editor.show()

    def open_form() -> None:
        editor.load(other.id)
        editor.load(busiest.id)

    open_ms = median_ms(open_form, repeat) / 2
    counter = iter(range(10**9))

    def save_finding() -> None:
        panel = editor.view.findings_panel
        panel.select_row(0)
        panel.finding_editor.text_edit.setPlainText(f"Edited finding text, revision {next(counter)}")
        if not editor.save():
            raise RuntimeError("the benchmark's edit did not save")

    editor.load(busiest.id)
    save_ms = median_ms(save_finding, repeat)
    editor.close()
    return {"form_open_ms": open_ms, "finding_save_ms": save_ms}


def measure_letter(office, repeat: int) -> dict[str, float]:
    """A letter whose appendix has 60 findings, against bare ReportLab laying out the same text."""
    from reportlab.lib.units import mm

    from opcc_desktop.letters.render import FRAME_WIDTH, render_letter_bytes

    source = office.inspections.get(office.inspections.summaries(limit=1)[0].id)
    findings = tuple(replace(source.findings[n % len(source.findings)], id=None, reference=f"L{n}")
                     for n in range(60)) if source.findings else ()
    letter_id, _ = office.inspections.save(replace(source, id=None, reference="BENCH-LETTER-60",
                                                   title="Benchmark letter with a 60-finding appendix",
                                                   findings=findings))
    data = office.letter(letter_id, TODAY)
    paragraphs = [data.opening_paragraph, *data.body_paragraphs]
    # Every text the appendix prints, cell by cell, in the letter's four columns and text size.
    cells = [(e.reference, f"{e.kind_label} {e.level}".strip(), e.text,
              f"{e.force_response} {e.pcc_response}".strip()) for e in data.appendix_entries]
    widths = [16 * mm, 31 * mm, (FRAME_WIDTH - 47 * mm) / 2, (FRAME_WIDTH - 47 * mm) / 2]
    two_wide = [(f"{e.reference} {e.text}", f"{e.force_response}\n{e.pcc_response}") for e in data.appendix_entries]
    return {"letter_ms": median_ms(lambda: render_letter_bytes(office.letter(letter_id, TODAY)), repeat),
            "letter_floor_ms": median_ms(lambda: bare_reportlab_pdf(paragraphs, cells, widths, (8.5, 10.5)), repeat),
            "letter_two_column_floor_ms": median_ms(lambda: bare_reportlab_pdf(paragraphs, two_wide), repeat),
            "letter_findings": len(data.appendix_entries)}


def measure_all(document_path: Path, repeat: int) -> dict[str, float | None]:
    """Import the document into a fresh database and measure everything in this process."""
    from .measure_intake import measure_report_pdf

    from PySide6.QtWidgets import QApplication

    from opcc_desktop.services.office import Office

    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="opcc-bench-"))
    office = Office.open(folder / "bench.sqlite3")
    figures: dict[str, float | None] = {}
    figures.update(measure_io(office, document_path, folder / "export.json"))
    figures.update(measure_list(office, repeat))
    figures.update(measure_findings_list(office, repeat))
    figures.update(measure_search(office, repeat))
    figures.update(measure_form(office, repeat))
    figures.update(measure_letter(office, repeat))
    figures.update(measure_report_pdf(folder))
    figures["database"] = str(office.path)  # type: ignore[assignment]
    return figures
