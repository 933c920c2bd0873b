"""DDL of m0017_audit_chain and the check that walks it (see storage/audit_session.py for the functions).

Every audit line carries `prev_hash` (the line before's `hash`) and `hash` (SHA-256 of `prev_hash`
and its own fields), filled by `audit_log_chain` as the line is inserted. Editing, removing or
inserting a line in the middle breaks the chain; `check` also compares every audit trigger with the
one this version would create, so a dropped or altered trigger is reported too.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .audit_session import audit_hash

FIELDS = ("id", "at", "who", "table_name", "row_id", "action", "changes", "inspection_id")
_PREVIOUS = "coalesce((SELECT hash FROM audit_log WHERE id < NEW.id ORDER BY id DESC LIMIT 1), '')"
_UNCHANGED = " AND ".join(f"NEW.{f} IS OLD.{f}" for f in FIELDS)

FIXED_TRIGGERS = {
    "audit_log_no_update": "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
                           f"WHEN NOT (OLD.hash = '' AND {_UNCHANGED}) "
                           "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "audit_log_no_delete": "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
                           "BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
    "audit_log_chain": "CREATE TRIGGER audit_log_chain AFTER INSERT ON audit_log WHEN NEW.hash = '' BEGIN "
                       f"UPDATE audit_log SET prev_hash = {_PREVIOUS}, hash = opcc_audit_hash({_PREVIOUS}, "
                       + ", ".join(f"NEW.{f}" for f in FIELDS) + ") WHERE id = NEW.id; END",
    "audit_log_switch_refused": "CREATE TRIGGER audit_log_switch_refused BEFORE UPDATE ON audit_actor "
                                "BEGIN SELECT RAISE(ABORT, 'auditing cannot be switched off: every change is "
                                "recorded'); END",
}


def apply_audit_chain(db: Any) -> None:
    from .schema_audit import refresh_audit_triggers

    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("ALTER TABLE audit_log ADD COLUMN prev_hash TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT ''")
    previous = ""
    rows = db.execute(f"SELECT {', '.join(FIELDS)} FROM audit_log ORDER BY id").fetchall()
    for row in rows:  # the lines written before this version are chained as they stand
        digest = audit_hash(previous, *row)
        db.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", [previous, digest, row[0]])
        previous = digest
    db.execute("UPDATE audit_actor SET enabled = 1")
    for statement in FIXED_TRIGGERS.values():
        if not statement.startswith("CREATE TRIGGER audit_log_no_delete"):
            db.execute(statement)
    refresh_audit_triggers(db)  # who and the per-row switch come from the connection now


def chain_problems(conn: sqlite3.Connection, limit: int = 5) -> list[str]:
    """Where the chain breaks (a line edited, removed or inserted), first `limit` places."""
    problems: list[str] = []
    previous = ""
    cursor = conn.execute(f"SELECT {', '.join(FIELDS)}, prev_hash, hash FROM audit_log ORDER BY id")
    for row in cursor:
        fields, prev_hash, digest = row[:len(FIELDS)], row[-2], row[-1]
        if prev_hash != previous:
            problems.append(f"line {fields[0]} does not follow the line before it (a line was removed or inserted)")
        elif digest != audit_hash(prev_hash, *fields):
            problems.append(f"line {fields[0]} was altered after it was written")
        if len(problems) >= limit:
            break
        previous = digest
    return problems


def trigger_problems(conn: sqlite3.Connection) -> list[str]:
    """Audit triggers missing or not as this version writes them."""
    from .schema_audit import AUDITED_TABLES, audit_trigger_statements

    stored = {name: sql for name, sql in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    expected = dict(FIXED_TRIGGERS)
    for table in AUDITED_TABLES:
        if table in tables:
            for statement in audit_trigger_statements(conn, table):  # type: ignore[arg-type]
                expected[statement.split()[2]] = statement
    problems = []
    for name, statement in expected.items():
        if name not in stored:
            problems.append(f"trigger {name} is missing")
        elif " ".join(stored[name].split()) != " ".join(statement.split()):
            problems.append(f"trigger {name} was altered")
    return problems


def audit_problems(conn: sqlite3.Connection) -> list[str]:
    """Empty when the audit trail is whole: every trigger in place and the chain unbroken."""
    if not conn.execute("SELECT 1 FROM pragma_table_info('audit_log') WHERE name = 'hash'").fetchone():
        return []  # before m0017: nothing to walk
    return trigger_problems(conn) + chain_problems(conn)
