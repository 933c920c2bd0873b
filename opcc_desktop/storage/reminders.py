"""SQL behind reminders: dated obligations still open, and what users did with each reminder."""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from ..domain.reminders import ReminderState

CLOSED_STATUS_PREFIXES = ("closed", "not for local action", "not accepted")
# A finding's target: the revised date when there is one. Indexed with the status (m0014), so the
# reminders and the Findings page read the index, not the (wide) rows. No date at all sorts last.
EFFECTIVE_TARGET = "ifnull(nullif(f.revised_target_date, ''), ifnull(f.target_date, '9999-12-31'))"
NO_TARGET = "9999-12-31"


def open_finding_targets(db: Database, until: date | None = None) -> list[tuple[int, int, str, str, str, str, str, str]]:
    """(finding id, inspection id, inspection ref, inspection title, finding ref, kind, text, target date) of open findings
    with a target date (the revised one when there is one). Open: the status does not start with a closing word."""
    closed = " AND ".join("lower(f.status) NOT LIKE ?" for _ in CLOSED_STATUS_PREFIXES)
    return db.execute(
        f"SELECT f.id, f.inspection_id, ifnull(i.reference, ''), i.title, f.reference, f.kind, f.text, {EFFECTIVE_TARGET} "
        "FROM findings f JOIN live_inspections i ON i.id = f.inspection_id "
        f"WHERE {EFFECTIVE_TARGET} <= ? AND {EFFECTIVE_TARGET} != '' AND {EFFECTIVE_TARGET} != '{NO_TARGET}' AND {closed} "
        f"ORDER BY {EFFECTIVE_TARGET}, f.id",
        [_until(until), *[f"{prefix}%" for prefix in CLOSED_STATUS_PREFIXES]],
    ).fetchall()


def open_undated_findings(db: Database, published_until: date | None = None) -> list[tuple[int, int, str, str, str, str, str, str]]:
    """(finding id, inspection id, inspection ref, inspection title, finding ref, kind, text, published) of
    open findings with no target date."""
    closed = " AND ".join("lower(f.status) NOT LIKE ?" for _ in CLOSED_STATUS_PREFIXES)
    return db.execute(
        "SELECT f.id, f.inspection_id, ifnull(i.reference, ''), i.title, f.reference, f.kind, f.text, i.published "
        "FROM findings f JOIN live_inspections i ON i.id = f.inspection_id "
        f"WHERE {EFFECTIVE_TARGET} = '{NO_TARGET}' AND i.published != '' AND i.published <= ? AND {closed} "
        "ORDER BY i.published, f.id",
        [_until(published_until), *[f"{prefix}%" for prefix in CLOSED_STATUS_PREFIXES]],
    ).fetchall()


def open_action_dues(db: Database, until: date | None = None) -> list[tuple[int, str, int, str, str, int | None]]:
    """(action id, board name, number, description, due date, meeting id it was born at) of open
    board actions with a due date; empty when the boards tables do not exist."""
    if not db["board_actions"].exists():
        return []
    return db.execute(
        "SELECT a.id, b.name, a.number, a.description, a.due, ai.meeting_id "
        "FROM board_actions a JOIN boards b ON b.id = a.board_id "
        "LEFT JOIN agenda_items ai ON ai.id = a.item_id "
        "WHERE a.status = 'open' AND a.due IS NOT NULL AND a.due != '' AND a.due <= ? ORDER BY a.due, a.id",
        [_until(until)],
    ).fetchall()


def _until(value: date | None) -> str:
    """An ISO upper bound for a date column ("9999-12-31": no bound)."""
    return value.isoformat() if value else "9999-12-31"


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def read_states(db: Database) -> dict[str, ReminderState]:
    rows = db.execute(
        "SELECT key, acknowledged_on, acknowledged_days_left, snoozed_on, snoozed_until FROM reminder_state"
    ).fetchall()
    return {key: ReminderState(key, _date(ack), left, _date(on), _date(until)) for key, ack, left, on, until in rows}


def write_state(db: Database, state: ReminderState) -> None:
    db.execute(
        "INSERT INTO reminder_state (key, acknowledged_on, acknowledged_days_left, snoozed_on, snoozed_until) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET acknowledged_on = excluded.acknowledged_on, "
        "acknowledged_days_left = excluded.acknowledged_days_left, snoozed_on = excluded.snoozed_on, "
        "snoozed_until = excluded.snoozed_until",
        [state.key, _iso(state.acknowledged_on), state.acknowledged_days_left, _iso(state.snoozed_on),
         _iso(state.snoozed_until)],
    )


def clear_state(db: Database, key: str) -> None:
    db.execute("DELETE FROM reminder_state WHERE key = ?", [key])


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def s55_history_rows(db: Database) -> list[tuple[date, str, date | None]]:
    """(published, s55_applies, response_published) of every inspection, for compliance figures."""
    return [(date.fromisoformat(published), applies, _date(response)) for published, applies, response in db.execute(
        "SELECT published, s55_applies, response_published FROM live_inspections WHERE published != '' "
        "ORDER BY published").fetchall()]
