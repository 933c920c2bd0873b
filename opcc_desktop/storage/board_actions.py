"""Action log, closure approvals and "where discussed" queries for boards."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.boards import Action, ActionUpdate, ClosureApproval, ClosureApprovalEntry, Discussion
from .boards import _insert, _update, rows
from .mapping import date_to_text, text_to_date

_ACTION_SQL = """
SELECT a.*, m.held_on AS source_date, m.first_item_number + i.position AS source_number
FROM board_actions a LEFT JOIN agenda_items i ON i.id = a.item_id
LEFT JOIN board_meetings m ON m.id = i.meeting_id
"""


def _updates(db: Database, action_id: int) -> tuple[ActionUpdate, ...]:
    found = db.execute(
        "SELECT on_date, text FROM board_action_updates WHERE action_id = ? ORDER BY position, id", [action_id]
    ).fetchall()
    return tuple(ActionUpdate(on=date.fromisoformat(r[0]), text=r[1]) for r in found)


def _row_to_action(db: Database, row: dict[str, Any]) -> Action:
    source = ""
    if row["source_date"]:
        source = f"{date.fromisoformat(row['source_date']).strftime('%d/%m/%Y')} item {row['source_number']}"
    elif row["finding_id"] is not None:
        source = "from a finding"
    return Action(
        id=row["id"],
        board_id=row["board_id"],
        number=row["number"],
        description=row["description"],
        owner=row["owner"],
        due=text_to_date(row["due"]),
        status=row["status"],
        item_id=row["item_id"],
        finding_id=row["finding_id"],
        updates=_updates(db, row["id"]),
        source=source,
    )


def board_actions(db: Database, board_id: int, *, open_only: bool = False) -> list[Action]:
    where = " WHERE a.board_id = ?" + (" AND a.status = 'open'" if open_only else "")
    return [_row_to_action(db, r) for r in rows(db, _ACTION_SQL + where + " ORDER BY a.number", [board_id])]


def actions_by_ids(db: Database, action_ids: list[int]) -> list[Action]:
    if not action_ids:
        return []
    marks = ", ".join("?" for _ in action_ids)
    found = rows(db, _ACTION_SQL + f" WHERE a.id IN ({marks}) ORDER BY a.number", action_ids)
    return [_row_to_action(db, r) for r in found]


def actions_born_at_meeting(db: Database, meeting_id: int) -> list[Action]:
    found = rows(db, _ACTION_SQL + " WHERE i.meeting_id = ? ORDER BY a.number", [meeting_id])
    return [_row_to_action(db, r) for r in found]


def get_action(db: Database, action_id: int) -> Action | None:
    found = actions_by_ids(db, [action_id])
    return found[0] if found else None


def action_source_dates(db: Database, board_id: int) -> dict[int, date | None]:
    found = db.execute(
        """SELECT a.id, m.held_on FROM board_actions a LEFT JOIN agenda_items i ON i.id = a.item_id
                          LEFT JOIN board_meetings m ON m.id = i.meeting_id WHERE a.board_id = ?""",
        [board_id],
    )
    return {r[0]: text_to_date(r[1]) for r in found}


def used_action_numbers(db: Database, board_id: int) -> list[int]:
    return [r[0] for r in db.execute("SELECT number FROM board_actions WHERE board_id = ?", [board_id])]


def action_number_taken(db: Database, board_id: int, number: int, except_id: int | None) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM board_actions WHERE board_id = ? AND number = ? AND id IS NOT ?",
            [board_id, number, except_id],
        ).fetchone()
        is not None
    )


def save_action(db: Database, action: Action) -> int:
    row = {
        "board_id": action.board_id,
        "number": action.number,
        "description": action.description,
        "owner": action.owner,
        "due": date_to_text(action.due),
        "status": action.status,
        "item_id": action.item_id,
        "finding_id": action.finding_id,
    }
    if action.id is None:
        action_id = _insert(db, "board_actions", row)
    else:
        _update(db, "board_actions", action.id, row)
        action_id = action.id
    db.execute("DELETE FROM board_action_updates WHERE action_id = ?", [action_id])
    for position, update in enumerate(action.updates):
        _insert(
            db,
            "board_action_updates",
            {"action_id": action_id, "position": position, "on_date": date_to_text(update.on), "text": update.text},
        )
    return action_id


def delete_action(db: Database, action_id: int) -> bool:
    return db.execute("DELETE FROM board_actions WHERE id = ?", [action_id]).rowcount > 0


def item_meeting(db: Database, item_id: int) -> tuple[int, int] | None:
    """(meeting id, board id) of an agenda item."""
    row = db.execute(
        """SELECT m.id, m.board_id FROM agenda_items i JOIN board_meetings m ON m.id = i.meeting_id
                        WHERE i.id = ?""",
        [item_id],
    ).fetchone()
    return (row[0], row[1]) if row else None


# Closure approvals -------------------------------------------------------------------------------
def add_closure_approval(db: Database, approval: ClosureApproval) -> int:
    return _insert(
        db,
        "finding_closure_approvals",
        {
            "finding_id": approval.finding_id,
            "meeting_id": approval.meeting_id,
            "item_id": approval.item_id,
            "approved_on": date_to_text(approval.approved_on),
            "note": approval.note,
        },
    )


def delete_closure_approval(db: Database, approval_id: int) -> bool:
    return db.execute("DELETE FROM finding_closure_approvals WHERE id = ?", [approval_id]).rowcount > 0


def closure_approvals_for_finding(db: Database, finding_id: int) -> list[ClosureApprovalEntry]:
    found = rows(
        db,
        """
        SELECT c.approved_on, b.name AS board_name, m.id AS meeting_id, m.held_on,
               CASE WHEN i.id IS NULL THEN NULL ELSE m.first_item_number + i.position END AS item_number,
               ifnull(i.title, '') AS item_title, c.note
        FROM finding_closure_approvals c JOIN board_meetings m ON m.id = c.meeting_id
        JOIN boards b ON b.id = m.board_id LEFT JOIN agenda_items i ON i.id = c.item_id
        WHERE c.finding_id = ? ORDER BY c.approved_on, c.id""",
        [finding_id],
    )
    return [
        ClosureApprovalEntry(
            approved_on=date.fromisoformat(r["approved_on"]),
            board_name=r["board_name"],
            meeting_id=r["meeting_id"],
            meeting_date=date.fromisoformat(r["held_on"]),
            item_number=r["item_number"],
            item_title=r["item_title"],
            note=r["note"],
        )
        for r in found
    ]


def closure_approvals_for_meeting(db: Database, meeting_id: int) -> list[ClosureApproval]:
    found = rows(
        db, "SELECT * FROM finding_closure_approvals WHERE meeting_id = ? ORDER BY approved_on, id", [meeting_id]
    )
    return [
        ClosureApproval(
            id=r["id"],
            finding_id=r["finding_id"],
            meeting_id=r["meeting_id"],
            item_id=r["item_id"],
            approved_on=date.fromisoformat(r["approved_on"]),
            note=r["note"],
        )
        for r in found
    ]


# Where discussed ---------------------------------------------------------------------------------
def discussions(db: Database, *, inspection_id: int | None = None, finding_id: int | None = None) -> list[Discussion]:
    """Every meeting item that links the inspection (directly or through a finding) or the finding."""
    param: int | None
    if finding_id is not None:
        where, param = "l.finding_id = ?", finding_id
    else:
        where, param = "l.inspection_id = ?", inspection_id
    found = rows(
        db,
        f"""
        SELECT DISTINCT b.name AS board_name, m.id AS meeting_id, m.held_on, i.id AS item_id,
               m.first_item_number + i.position AS item_number, i.title AS item_title,
               ifnull(f.reference, '') AS finding_reference, ifnull(f.text, '') AS finding_text,
               l.finding_id, i.resolution
        FROM agenda_item_links l JOIN agenda_items i ON i.id = l.item_id
        JOIN board_meetings m ON m.id = i.meeting_id JOIN boards b ON b.id = m.board_id
        LEFT JOIN findings f ON f.id = l.finding_id
        WHERE {where} ORDER BY m.held_on, m.id, i.position, l.id""",
        [param],
    )
    result = []
    for r in found:
        label = ""
        if r["finding_id"] is not None:
            label = r["finding_reference"] or r["finding_text"][:60]
        result.append(
            Discussion(
                board_name=r["board_name"],
                meeting_id=r["meeting_id"],
                meeting_date=date.fromisoformat(r["held_on"]),
                item_id=r["item_id"],
                item_number=r["item_number"],
                item_title=r["item_title"],
                finding_label=label,
                resolution=r["resolution"],
            )
        )
    return result
