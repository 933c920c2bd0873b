"""The list models, without a view: lazy paging, SQL sorting and filtering, status text and colours."""

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from opcc_desktop.domain.models import Inspection
from opcc_desktop.services.inspections import SummaryQuery
from opcc_desktop.ui.common.table_base import RowRole, SortRole
from opcc_desktop.ui.shell.due_model import DueTableModel
from opcc_desktop.ui.inspections.inspections_model import InspectionsTableModel
from opcc_desktop.ui.inspections.inspections_model import BATCH_SIZE

from .conftest import TODAY

REF, TITLE, TYPE, PUBLISHED, LAST_DAY, STATUS, FINDINGS, RESPONSE = range(8)
WORDS = ["alpha", "Bravo", "charlie", "Delta", "echo", "Foxtrot", "golf", "Hotel", "india"]
MANY = 450


def _many_inspections_document(count: int) -> dict:
    inspections = [
        {
            "reference": f"R{n:04}",
            "title": f"{WORDS[n % len(WORDS)]} inspection {n:03}",
            "type": "National thematic",
            "published": (date(2020, 1, 1) + timedelta(days=n)).isoformat(),
            "forces": ["Kent Police" if n % 2 else "Essex Police"],
            "findings": [{"kind": "recommendation", "text": f"Do thing {n}"}] if n % 3 == 0 else [],
        }
        for n in range(count)
    ]
    return {"format": "opcc-desktop", "version": 1, "inspections": inspections}


@pytest.fixture
def many_office(office, tmp_path):
    document = tmp_path / "many.json"
    document.write_text(json.dumps(_many_inspections_document(MANY)), encoding="utf-8")
    report = office.import_json(document)
    assert report.added == MANY
    return office


def _column(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_rows_load_lazily_in_batches_of_200(qapp, many_office):
    model = InspectionsTableModel(many_office, lambda: TODAY)
    assert model.total() == MANY
    assert model.rowCount() == BATCH_SIZE == 200
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == MANY
    assert not model.canFetchMore(QModelIndex())
    assert len({model.index(r, REF).data() for r in range(model.rowCount())}) == MANY  # no page overlap


def test_sort_by_title_descending_is_done_by_sql(qapp, many_office, monkeypatch):
    model = InspectionsTableModel(many_office, lambda: TODAY)
    asked: list[SummaryQuery] = []
    real = many_office.inspections.summaries
    monkeypatch.setattr(many_office.inspections, "summaries", lambda q, **kw: asked.append(q) or real(q, **kw))

    model.sort(TITLE, Qt.SortOrder.DescendingOrder)

    assert asked and asked[-1].sort == "title" and asked[-1].descending
    titles = [f"{WORDS[n % len(WORDS)]} inspection {n:03}" for n in range(MANY)]
    assert model.index(0, TITLE).data() == max(titles, key=str.casefold)  # "india inspection 449", NOCASE
    assert model.rowCount() == BATCH_SIZE
    model.sort(TITLE, Qt.SortOrder.AscendingOrder)
    assert model.index(0, TITLE).data() == min(titles, key=str.casefold)


def test_filter_text_narrows_in_sql_and_finds_by_reference(qapp, many_office):
    model = InspectionsTableModel(many_office, lambda: TODAY)
    model.set_filter_text("R0449")
    assert model.total() == 1 and model.rowCount() == 1
    assert model.index(0, TITLE).data() == "india inspection 449"
    model.set_filter_text("kent bravo")  # every word must match somewhere (title, reference, type, forces)
    assert model.total() == sum(1 for n in range(MANY) if n % 2 and n % len(WORDS) == 1)
    model.set_filter_text("")
    assert model.total() == MANY


def test_refresh_keeps_rows_already_loaded(qapp, many_office):
    model = InspectionsTableModel(many_office, lambda: TODAY)
    model.fetchMore(QModelIndex())
    model.refresh()
    assert model.rowCount() == 400
    model.set_filter_text("inspection")
    assert model.rowCount() == BATCH_SIZE


def test_demo_statuses_and_highlighting(qapp, demo_office):
    model = InspectionsTableModel(demo_office, lambda: TODAY)
    by_ref = {model.index(r, REF).data(): r for r in range(model.rowCount())}

    overdue = by_ref["DEMO-003"]
    assert model.index(overdue, STATUS).data() == "Unclear – 5 days overdue"
    assert model.index(overdue, LAST_DAY).data() == "17/11/2026"
    red = model.index(overdue, TITLE).data(Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.red() > red.green()

    soon = by_ref["DEMO-002"]
    assert model.index(soon, STATUS).data() == "5 days left"
    amber = model.index(soon, TITLE).data(Qt.ItemDataRole.ForegroundRole)
    assert amber is not None and amber != red

    calm = by_ref["DEMO-001"]
    assert model.index(calm, STATUS).data() == "35 days left"
    assert model.index(calm, TITLE).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(by_ref["29536"], STATUS).data() == "Published in time"
    assert model.index(by_ref["29536"], RESPONSE).data() == "21/12/2023"
    assert model.index(by_ref["29536"], FINDINGS).data() == "3"
    summary = model.index(calm, 0).data(RowRole)
    assert summary.reference == "DEMO-001"
    assert model.index(calm, PUBLISHED).data(SortRole) == summary.published


def test_open_s55_only_and_does_not_apply(qapp, demo_office):
    demo_office.inspections.save(Inspection("Not an s.55 report", "Other", date(2026, 11, 1), s55_applies="no"))
    model = InspectionsTableModel(demo_office, lambda: TODAY)
    row = next(r for r in range(model.rowCount()) if model.index(r, TITLE).data() == "Not an s.55 report")
    assert model.index(row, STATUS).data() == "Does not apply"
    assert model.index(row, LAST_DAY).data() == ""
    model.set_open_s55_only(True)
    assert sorted(_column(model, REF)) == ["DEMO-001", "DEMO-002", "DEMO-003"]


def test_user_text_is_literal(qapp, office):
    title = "Vetting & counter-corruption <2024>"
    office.inspections.save(Inspection(title, "<b>Other</b>", date(2026, 11, 1)))
    model = InspectionsTableModel(office, lambda: TODAY)
    assert model.index(0, TITLE).data() == title
    assert model.index(0, TYPE).data() == "<b>Other</b>"
    assert "&lt;2024&gt;" in model.index(0, TITLE).data(Qt.ItemDataRole.ToolTipRole)  # escaped rich tooltip


def test_due_model_columns_sorting_and_tones(qapp, demo_office):
    model = DueTableModel()
    model.set_rows(demo_office.due(TODAY, within_days=None))
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "What", "Ref", "Title", "Last day", "Days left / overdue"]
    assert model.index(0, 0).data() == "s.55 response"
    assert _column(model, 1) == ["DEMO-003", "DEMO-002", "DEMO-001"]
    assert _column(model, 4) == ["5 days overdue", "5 days left", "35 days left"]
    assert model.index(0, 3).data() == "17/11/2026"
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(2, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    model.sort(4, Qt.SortOrder.DescendingOrder)
    assert _column(model, 1) == ["DEMO-001", "DEMO-002", "DEMO-003"]
    assert model.index(0, 0).data(RowRole).inspection == "DEMO-001"
