"""DDL of migration m0011_findings_tracker: tracker columns on findings (RAG, delivery and OPCC leads,
revised target, closure), the append-only `finding_history`, the RAG lookup, and the full-text index
extended to the new finding columns and to history narratives ("updates").

History entries are indexed under negative row ids (-history id) so they never meet the
inspection (id × 2) and finding (id × 2 + 1) rows of m0010; a hit opens the finding (`kind` 'update',
`record_id` the finding).
"""

from __future__ import annotations

from sqlite_utils import Database

from ..domain.tracker import DEFAULT_RAG_VALUES, RAG_LOOKUP

TEXT_COLUMNS = ("rag", "delivery_lead", "opcc_lead", "revised_target_reason", "closure_basis",
                "closure_approved_by", "superseded_by")
DATE_COLUMNS = ("revised_target_date", "closed_on")
_INDEX_COLUMNS = "rowid, kind, record_id, inspection_id, title, body"

FINDING_ROW = (
    "NEW.id * 2 + 1, 'finding', NEW.id, NEW.inspection_id, NEW.kind || ' ' || NEW.reference || ' ' || NEW.level, "
    "NEW.text || ' ' || NEW.force_response || ' ' || NEW.pcc_response || ' ' || NEW.owner || ' ' || "
    "NEW.delivery_lead || ' ' || NEW.opcc_lead || ' ' || NEW.status || ' ' || NEW.rag || ' ' || "
    "NEW.closure_basis || ' ' || NEW.closure_approved_by || ' ' || NEW.superseded_by || ' ' || "
    "NEW.revised_target_reason"
)
HISTORY_ROW = (
    "-NEW.id, 'update', NEW.finding_id, (SELECT inspection_id FROM findings WHERE id = NEW.finding_id), "
    "NEW.old_status || ' ' || NEW.new_status, NEW.narrative || ' ' || NEW.author || ' ' || NEW.on_behalf_of"
)

FINDING_HISTORY_TABLE = """CREATE TABLE finding_history (
    id INTEGER PRIMARY KEY,
    finding_id INTEGER NOT NULL REFERENCES findings (id) ON DELETE CASCADE,
    changed_on TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    on_behalf_of TEXT NOT NULL DEFAULT '',
    old_status TEXT NOT NULL DEFAULT '',
    new_status TEXT NOT NULL DEFAULT '',
    narrative TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'status change',
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
)"""

TRIGGERS = (
    # Append-only: a history line is never edited; it goes only with its finding.
    ("CREATE TRIGGER finding_history_append_only BEFORE UPDATE ON finding_history "
    "BEGIN SELECT RAISE(ABORT, 'finding history is append-only'); END"),
    (f"CREATE TRIGGER search_finding_insert AFTER INSERT ON findings BEGIN "
    f"INSERT INTO search_index ({_INDEX_COLUMNS}) VALUES ({FINDING_ROW}); END"),
    (f"CREATE TRIGGER search_finding_update AFTER UPDATE ON findings BEGIN "
    f"DELETE FROM search_index WHERE rowid = OLD.id * 2 + 1; "
    f"INSERT INTO search_index ({_INDEX_COLUMNS}) VALUES ({FINDING_ROW}); END"),
    (f"CREATE TRIGGER search_history_insert AFTER INSERT ON finding_history BEGIN "
    f"INSERT INTO search_index ({_INDEX_COLUMNS}) VALUES ({HISTORY_ROW}); END"),
    ("CREATE TRIGGER search_history_delete AFTER DELETE ON finding_history BEGIN "
    "DELETE FROM search_index WHERE rowid = -OLD.id; END"),
)


def apply_tracker_schema(db: Database) -> None:
    for column in TEXT_COLUMNS:
        db.execute(f"ALTER TABLE findings ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for column in DATE_COLUMNS:
        db.execute(f"ALTER TABLE findings ADD COLUMN {column} TEXT")
    db.execute(FINDING_HISTORY_TABLE)
    db.execute("CREATE INDEX finding_history_finding ON finding_history (finding_id, changed_on)")
    db.execute("CREATE INDEX findings_status ON findings (status)")
    db.execute("DROP TRIGGER search_finding_insert")
    db.execute("DROP TRIGGER search_finding_update")
    for trigger in TRIGGERS:
        db.execute(trigger)
    next_position = db.execute(
        "SELECT ifnull(max(position), -1) + 1 FROM lookup_values WHERE lookup = ?", [RAG_LOOKUP]
    ).fetchone()[0]
    for offset, value in enumerate(DEFAULT_RAG_VALUES):
        db.execute("INSERT OR IGNORE INTO lookup_values (lookup, value, position) VALUES (?, ?, ?)",
                   [RAG_LOOKUP, value, next_position + offset])
