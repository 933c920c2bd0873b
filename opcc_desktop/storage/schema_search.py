"""The full-text index (SQLite FTS5) over inspections and findings, kept in step by triggers.

Row ids are derived from the record (inspection id × 2, finding id × 2 + 1), so a trigger replaces
exactly its own row. Each trigger is executed as one statement (its body holds semicolons).
"""

SEARCH_SCHEMA = """
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, record_id UNINDEXED, inspection_id UNINDEXED, title, body,
    tokenize = 'unicode61 remove_diacritics 2'
)
"""

INSPECTION_ROW = ("NEW.id * 2, 'inspection', NEW.id, NEW.id, ifnull(NEW.reference, '') || ' ' || NEW.title || ' ' || "
                  "NEW.type, NEW.key_findings || ' ' || NEW.pcc_comments")
FINDING_ROW = ("NEW.id * 2 + 1, 'finding', NEW.id, NEW.inspection_id, NEW.kind || ' ' || NEW.reference || ' ' || "
               "NEW.level, NEW.text || ' ' || NEW.force_response || ' ' || NEW.pcc_response || ' ' || NEW.owner")
COLUMNS = "rowid, kind, record_id, inspection_id, title, body"

SEARCH_TRIGGERS = (
    (f"CREATE TRIGGER search_inspection_insert AFTER INSERT ON inspections BEGIN "
    f"INSERT INTO search_index ({COLUMNS}) VALUES ({INSPECTION_ROW}); END"),
    (f"CREATE TRIGGER search_inspection_update AFTER UPDATE ON inspections BEGIN "
    f"DELETE FROM search_index WHERE rowid = OLD.id * 2; "
    f"INSERT INTO search_index ({COLUMNS}) VALUES ({INSPECTION_ROW}); END"),
    ("CREATE TRIGGER search_inspection_delete AFTER DELETE ON inspections BEGIN "
    "DELETE FROM search_index WHERE rowid = OLD.id * 2; END"),
    (f"CREATE TRIGGER search_finding_insert AFTER INSERT ON findings BEGIN "
    f"INSERT INTO search_index ({COLUMNS}) VALUES ({FINDING_ROW}); END"),
    (f"CREATE TRIGGER search_finding_update AFTER UPDATE ON findings BEGIN "
    f"DELETE FROM search_index WHERE rowid = OLD.id * 2 + 1; "
    f"INSERT INTO search_index ({COLUMNS}) VALUES ({FINDING_ROW}); END"),
    ("CREATE TRIGGER search_finding_delete AFTER DELETE ON findings BEGIN "
    "DELETE FROM search_index WHERE rowid = OLD.id * 2 + 1; END"),
)
