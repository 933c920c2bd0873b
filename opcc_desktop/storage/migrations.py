"""The append-only schema history. Never edit a released migration; add a new one."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from ..domain.vocabulary import DEFAULT_LOOKUPS
from .migration_names import MIGRATION_SET
migrations = Migrations(MIGRATION_SET)


def _run_statements(db: Database, script: str) -> None:
    """Run DDL one statement at a time: `executescript` would COMMIT and break the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


@migrations(name="m0001_core_schema")
def m0001_core_schema(db: Database) -> None:
    _run_statements(
        db,
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE lookup_values (
            id INTEGER PRIMARY KEY,
            lookup TEXT NOT NULL,
            value TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            UNIQUE (lookup, value)
        );
        CREATE TABLE inspections (
            id INTEGER PRIMARY KEY,
            reference TEXT,
            title TEXT NOT NULL CHECK (length(trim(title)) > 0),
            type TEXT NOT NULL,
            published TEXT NOT NULL,
            forces TEXT NOT NULL DEFAULT '[]',
            key_findings TEXT NOT NULL DEFAULT '',
            s55_applies TEXT NOT NULL DEFAULT 'yes' CHECK (s55_applies IN ('yes', 'no', 'unclear')),
            response_published TEXT,
            pcc_comments TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
        );
        CREATE UNIQUE INDEX inspections_reference ON inspections (reference)
            WHERE reference IS NOT NULL AND reference != '';
        CREATE INDEX inspections_published ON inspections (published);
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL,
            reference TEXT NOT NULL DEFAULT '',
            level TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL CHECK (length(trim(text)) > 0),
            addressees TEXT NOT NULL DEFAULT '[]',
            owner TEXT NOT NULL DEFAULT '',
            target_date TEXT,
            status TEXT NOT NULL,
            force_response TEXT NOT NULL DEFAULT '',
            pcc_response TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now')),
            updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now'))
        );
        CREATE INDEX findings_inspection ON findings (inspection_id, position);
        """
    )
    rows = [
        {"lookup": lookup, "value": value, "position": position}
        for lookup, values in DEFAULT_LOOKUPS.items()
        for position, value in enumerate(values)
    ]
    db.table("lookup_values").insert_all(rows)


def known_migration_names() -> list[str]:
    return [m.name for m in migrations._migrations]


@migrations(name="m0004_boards")
def m0004_boards(db: Database) -> None:
    from .schema_boards import BOARDS_SCHEMA

    _run_statements(db, BOARDS_SCHEMA)


@migrations(name="m0005_letters_archive")
def m0005_letters_archive(db: Database) -> None:
    from .schema_letters import create_letters_archive

    create_letters_archive(db)


@migrations(name="m0007_reminder_state")
def m0007_reminder_state(db: Database) -> None:
    _run_statements(
        db,
        """
        CREATE TABLE reminder_state (
            key TEXT PRIMARY KEY,
            acknowledged_on TEXT,
            acknowledged_days_left INTEGER,
            snoozed_on TEXT,
            snoozed_until TEXT
        )
        """,
    )


@migrations(name="m0008_s55_workflow")
def m0008_s55_workflow(db: Database) -> None:
    _run_statements(
        db,
        """
        CREATE TABLE s55_workflow (
            inspection_id INTEGER PRIMARY KEY REFERENCES inspections (id) ON DELETE CASCADE,
            cc_invited_on TEXT,
            cc_reply_due TEXT,
            cc_comments_received_on TEXT,
            pcc_comments_drafted_on TEXT,
            response_to_cc_on TEXT,
            ready_to_publish_on TEXT,
            copy_home_secretary_on TEXT,
            copy_hmicfrs_on TEXT,
            response_url TEXT NOT NULL DEFAULT '',
            applicability_reason TEXT NOT NULL DEFAULT ''
        )
        """,
    )


@migrations(name="m0010_search_index")
def m0010_search_index(db: Database) -> None:
    from .schema_search import SEARCH_SCHEMA, SEARCH_TRIGGERS

    _run_statements(db, SEARCH_SCHEMA)
    for trigger in SEARCH_TRIGGERS:  # one statement each: `_run_statements` would split them at ';'
        db.execute(trigger)
    db.execute("INSERT INTO search_index (rowid, kind, record_id, inspection_id, title, body) "
               "SELECT id * 2, 'inspection', id, id, ifnull(reference, '') || ' ' || title || ' ' || type, "
               "key_findings || ' ' || pcc_comments FROM inspections")
    db.execute("INSERT INTO search_index (rowid, kind, record_id, inspection_id, title, body) "
               "SELECT id * 2 + 1, 'finding', id, inspection_id, kind || ' ' || reference || ' ' || level, "
               "text || ' ' || force_response || ' ' || pcc_response || ' ' || owner FROM findings")


@migrations(name="m0011_findings_tracker")
def m0011_findings_tracker(db: Database) -> None:
    from .schema_tracker import apply_tracker_schema

    apply_tracker_schema(db)


@migrations(name="m0012_attachments")
def m0012_attachments(db: Database) -> None:
    _run_statements(
        db,
        """
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            inspection_id INTEGER NOT NULL REFERENCES inspections (id) ON DELETE CASCADE,
            finding_id INTEGER REFERENCES findings (id) ON DELETE CASCADE,
            original_name TEXT NOT NULL,
            stored_path TEXT NOT NULL UNIQUE,
            size_bytes INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            attached_by TEXT NOT NULL DEFAULT '',
            attached_at TEXT NOT NULL
        );
        CREATE INDEX attachments_inspection ON attachments (inspection_id, finding_id)
        """,
    )


@migrations(name="m0013_audit_and_soft_delete")
def m0013_audit_and_soft_delete(db: Database) -> None:
    from .schema_audit import apply_audit_schema

    apply_audit_schema(db)


@migrations(name="m0014_findings_list_indexes")
def m0014_findings_list_indexes(db: Database) -> None:
    """The Findings page's default order and "only overdue" read an index instead of every (wide) row;
    joins to live inspections check `deleted_at` without reading the inspection's long text."""
    from .reminders import EFFECTIVE_TARGET

    db.execute(f"CREATE INDEX findings_effective_target ON findings ({EFFECTIVE_TARGET.replace('f.', '')}, status)")
    db.execute("CREATE INDEX inspections_live ON inspections (id) WHERE deleted_at IS NULL")


@migrations(name="m0015_open_s55_index")
def m0015_open_s55_index(db: Database) -> None:
    """The dashboard's open s.55 responses (and the status bar's overdue count) read the few open
    ones from an index instead of scanning every inspection's row: 12 ms → 0.1 ms at 5,000 reports."""
    db.execute("CREATE INDEX inspections_open_s55 ON inspections (published, id) "
               "WHERE deleted_at IS NULL AND response_published IS NULL AND s55_applies != 'no'")


@migrations(name="m0016_record_versions")
def m0016_record_versions(db: Database) -> None:
    """Every inspection and finding carries a version: a save whose record changed since the form
    loaded it is refused (no silent lost update). Writes bump it; a trigger bumps it for any write
    that did not (its own update fires no audit line: `version` is not an audited column)."""
    from .record_versions import apply_record_versions

    apply_record_versions(db)


@migrations(name="m0017_audit_chain")
def m0017_audit_chain(db: Database) -> None:
    """A tamper-evident audit trail: each line carries the hash of the line before; the actor and the
    per-row switch belong to each connection; the old shared switch is refused."""
    from .audit_chain import apply_audit_chain

    apply_audit_chain(db)


@migrations(name="m0020_signatory_authority")
def m0020_signatory_authority(db: Database) -> None:
    """Signatories marked as authorised to sign for the commissioner; names normalised."""
    from .schema_audit import refresh_audit_triggers
    from .schema_letter_trust import add_signatory_authority

    add_signatory_authority(db)
    refresh_audit_triggers(db)  # the signatories' audit triggers cover the new columns


@migrations(name="m0021_archive_chain")
def m0021_archive_chain(db: Database) -> None:
    """The letter archive's hash chain (metadata + PDF + previous entry's hash)."""
    from .schema_audit import refresh_audit_triggers
    from .schema_letter_trust import add_archive_chain

    add_archive_chain(db)
    refresh_audit_triggers(db)  # every audited table's triggers from its current columns


@migrations(name="m0022_office_mark")
def m0022_office_mark(db: Database) -> None:
    """Marks the demonstration office's own file (its title bar and every page it prints say so)."""
    from .office_mark import OFFICE_MARK_STATEMENTS

    for statement in OFFICE_MARK_STATEMENTS:
        db.execute(statement)
