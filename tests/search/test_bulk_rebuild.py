"""A large import indexes everything at once (search triggers off, one rebuild): the index must hold
exactly the rows the triggers would have written, history lines included, and find them."""

from __future__ import annotations

import json
import sqlite3

import pytest

from bench.generate import office_document
from opcc_desktop.services import interchange
from opcc_desktop.services.office import Office
from opcc_desktop.storage.schema_search import INSPECTION_ROW
from opcc_desktop.storage.schema_tracker import FINDING_ROW, HISTORY_ROW

COLUMNS = "rowid, kind, record_id, inspection_id, title, body"


def _index(path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute(f"SELECT {COLUMNS} FROM search_index"))
    finally:
        conn.close()


def _as_the_triggers_write_them(path) -> set[tuple]:
    conn = sqlite3.connect(path)
    try:
        rows: set[tuple] = set()
        for expression, table in ((INSPECTION_ROW, "inspections"), (FINDING_ROW, "findings"),
                                  (HISTORY_ROW, "finding_history")):
            rows |= set(conn.execute(f"SELECT {expression} FROM {table} AS NEW"))
        return rows
    finally:
        conn.close()


@pytest.mark.parametrize("bulk_rows", [1, 10**9], ids=["rebuilt at once", "row by row"])
def test_an_import_indexes_every_record_and_history_line(tmp_path, monkeypatch, bulk_rows):
    monkeypatch.setattr(interchange, "BULK_ROWS", bulk_rows)
    document = office_document(0.02, seed=3)
    source = tmp_path / "office.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    office = Office.open(tmp_path / "office.sqlite3")
    try:
        office.import_json(source)
        history = office.db.execute("SELECT id, narrative FROM finding_history ORDER BY id").fetchall()
        assert len(history) > 20
        indexed = _index(office.path)
        assert indexed == _as_the_triggers_write_them(office.path)
        assert sum(1 for row in indexed if row[0] < 0) == len(history)  # every history line, as -id
        word = next(w for _, narrative in history for w in narrative.split() if len(w) > 6)
        assert any(hit.kind == "update" for hit in office.search(word))
    finally:
        office.close()
