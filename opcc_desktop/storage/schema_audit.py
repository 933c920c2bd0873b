"""DDL of migration m0013_audit_and_soft_delete: the audit trail and soft-deleted inspections.

`audit_log` is written by triggers on every audited table: who (`opcc_actor()`, set on each connection
when the app opens the file; the one-row `audit_actor` table is no longer read), when (UTC), which table and row,
the action, and what changed: for an update only the changed columns as {"column": [old, new]}, for
an insert the new row, for a delete the old row. No-op updates write nothing. Bulk imports switch
per-row auditing off on their own connection inside their transaction and write one summary line.
m0017 chains the lines (storage/audit_chain.py).

Inspections are deleted softly (`deleted_at`, `deleted_by`); every list reads `live_inspections`.
Triggers are generated from the tables' columns; `refresh_audit_triggers` regenerates them, and a
later migration that adds columns calls it.
"""

from __future__ import annotations

from sqlite_utils import Database

AUDITED_TABLES = (
    "inspections", "findings", "finding_history", "s55_workflow", "attachments", "settings", "lookup_values",
    "boards", "board_meetings", "agenda_items", "agenda_item_links", "board_actions", "board_action_updates",
    "agenda_item_actions", "finding_closure_approvals", "signatories", "letter_drafts", "reminder_state",
)
SKIPPED_COLUMNS = ("created_at", "updated_at", "version")
# Connection-local (m0017, storage/audit_session.py): who this connection writes for, and whether a
# bulk import has paused per-row lines inside its own transaction.
ENABLED = "opcc_row_audit() = 1"
WHO = "opcc_actor()"

SCHEMA = (
    ("CREATE TABLE audit_actor (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL DEFAULT '', "
    "enabled INTEGER NOT NULL DEFAULT 1)"),
    "INSERT INTO audit_actor (id, name, enabled) VALUES (1, '', 1)",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
        who TEXT NOT NULL DEFAULT '',
        table_name TEXT NOT NULL,
        row_id INTEGER,
        action TEXT NOT NULL,
        changes TEXT NOT NULL DEFAULT '{}',
        inspection_id INTEGER
    )""",
    "CREATE INDEX audit_log_row ON audit_log (table_name, row_id)",
    "CREATE INDEX audit_log_inspection ON audit_log (inspection_id)",
    ("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
    ("CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END"),
    "ALTER TABLE inspections ADD COLUMN deleted_at TEXT",
    "ALTER TABLE inspections ADD COLUMN deleted_by TEXT NOT NULL DEFAULT ''",
    "DROP INDEX inspections_reference",
    ("CREATE UNIQUE INDEX inspections_reference ON inspections (reference) "
    "WHERE reference IS NOT NULL AND reference != '' AND deleted_at IS NULL"),
    "CREATE VIEW live_inspections AS SELECT * FROM inspections WHERE deleted_at IS NULL",
)


def _columns(db: Database, table: str) -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")').fetchall() if row[1] not in SKIPPED_COLUMNS]


def _inspection_of(table: str, columns: list[str], alias: str) -> str:
    """SQL giving the inspection a row belongs to (for "history of this inspection"), or NULL."""
    if table == "inspections":
        return f"{alias}.id"
    if "inspection_id" in columns:
        return f"{alias}.inspection_id"
    if table == "finding_history":
        return f"(SELECT inspection_id FROM findings WHERE id = {alias}.finding_id)"
    return "NULL"


def _value(alias: str, column: str) -> str:
    """JSON cannot hold a BLOB (a sealed signature, a logo): record its size instead."""
    ref = f'{alias}."{column}"'
    return f"CASE typeof({ref}) WHEN 'blob' THEN '(' || length({ref}) || ' bytes)' ELSE {ref} END"


def _row_json(columns: list[str], alias: str) -> str:
    return "json_object(" + ", ".join(f"'{c}', {_value(alias, c)}" for c in columns) + ")"


def _changed_json(columns: list[str]) -> str:
    pairs = ", ".join(f"'{c}', CASE WHEN OLD.\"{c}\" IS NOT NEW.\"{c}\" THEN json_array({_value('OLD', c)}, "
                      f"{_value('NEW', c)}) END" for c in columns)
    return f"(SELECT json_group_object(key, json(value)) FROM json_each(json_object({pairs})) WHERE type != 'null')"


def audit_trigger_statements(db: Database, table: str) -> list[str]:
    columns = _columns(db, table)
    if not columns:
        return []
    key = "rowid"
    insert = ("INSERT INTO audit_log (who, table_name, row_id, action, changes, inspection_id) VALUES "
              f"({WHO}, '{table}', {{alias}}.{key}, '{{action}}', {{changes}}, {{inspection}})")
    changed = " OR ".join(f'OLD."{c}" IS NOT NEW."{c}"' for c in columns)
    soft = ("CASE WHEN OLD.deleted_at IS NULL AND NEW.deleted_at IS NOT NULL THEN 'soft delete' "
            "WHEN OLD.deleted_at IS NOT NULL AND NEW.deleted_at IS NULL THEN 'restore' ELSE 'update' END"
            if "deleted_at" in columns else "'update'")
    statements = [
        f"CREATE TRIGGER audit_{table}_insert AFTER INSERT ON \"{table}\" WHEN {ENABLED} BEGIN "
        + insert.format(alias="NEW", action="insert", changes=_row_json(columns, "NEW"),
                        inspection=_inspection_of(table, columns, "NEW")) + "; END",
    ]
    if table == "finding_history":
        return statements  # append-only: never updated or deleted on its own
    statements += [
        f"CREATE TRIGGER audit_{table}_update AFTER UPDATE ON \"{table}\" WHEN {ENABLED} AND ({changed}) BEGIN "
        + insert.format(alias="NEW", action="{action}", changes=_changed_json(columns),
                        inspection=_inspection_of(table, columns, "NEW")).replace("'{action}'", soft) + "; END",
        f"CREATE TRIGGER audit_{table}_delete AFTER DELETE ON \"{table}\" WHEN {ENABLED} BEGIN "
        + insert.format(alias="OLD", action="delete", changes=_row_json(columns, "OLD"),
                        inspection=_inspection_of(table, columns, "OLD")) + "; END",
    ]
    return statements


def refresh_audit_triggers(db: Database) -> None:
    """(Re)create every audit trigger from the tables' current columns."""
    existing = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'audit\\_%' "
                              "ESCAPE '\\' AND name NOT LIKE 'audit\\_log\\_%' ESCAPE '\\'").fetchall():
        db.execute(f'DROP TRIGGER "{name}"')
    for table in AUDITED_TABLES:
        if table in existing:
            for statement in audit_trigger_statements(db, table):
                db.execute(statement)


def apply_audit_schema(db: Database) -> None:
    for statement in SCHEMA:
        db.execute(statement)
    refresh_audit_triggers(db)
