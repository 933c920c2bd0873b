"""Board, meeting and agenda item repository: the SQL for boards lives here and in `board_actions.py`."""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from ..domain.boards import AgendaItem, Attendee, Board, ItemLink, Meeting, MeetingSummary
from .mapping import date_to_text, inserted_id, list_to_text, text_to_date, text_to_list


def rows(db: Database, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cursor = db.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _insert(db: Database, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    return inserted_id(db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values())))


def _update(db: Database, table: str, row_id: int, row: dict[str, Any]) -> None:
    sets = ", ".join(f"{k} = ?" for k in row)
    db.execute(f"UPDATE {table} SET {sets} WHERE id = ?", [*row.values(), row_id])


# Boards ------------------------------------------------------------------------------------------
def _row_to_board(row: dict[str, Any]) -> Board:
    return Board(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        frequency=row["frequency"],
        members=text_to_list(row["members"]),
    )


def list_boards(db: Database) -> list[Board]:
    return [_row_to_board(r) for r in rows(db, "SELECT * FROM boards ORDER BY name COLLATE NOCASE, id")]


def get_board(db: Database, board_id: int) -> Board | None:
    found = rows(db, "SELECT * FROM boards WHERE id = ?", [board_id])
    return _row_to_board(found[0]) if found else None


def find_board_id(db: Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM boards WHERE name = ? COLLATE NOCASE", [name.strip()]).fetchone()
    return row[0] if row else None


def save_board(db: Database, board: Board) -> int:
    row = {
        "name": board.name.strip(),
        "kind": board.kind,
        "frequency": board.frequency,
        "members": list_to_text(board.members),
    }
    if board.id is None:
        return _insert(db, "boards", row)
    _update(db, "boards", board.id, row)
    return board.id


def delete_board(db: Database, board_id: int) -> bool:
    return db.execute("DELETE FROM boards WHERE id = ?", [board_id]).rowcount > 0


def count_boards(db: Database) -> int:
    return int(db.execute("SELECT count(*) FROM boards").fetchone()[0])


# Meetings ----------------------------------------------------------------------------------------
def _attendees_to_text(attendees: tuple[Attendee, ...]) -> str:
    return json.dumps([{"name": a.name, "role": a.role, "present": a.present} for a in attendees], ensure_ascii=False)


def _text_to_attendees(text: str) -> tuple[Attendee, ...]:
    return tuple(
        Attendee(name=a["name"], role=a.get("role", ""), present=bool(a.get("present", True)))
        for a in json.loads(text or "[]")
    )


def _meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "board_id": meeting.board_id,
        "held_on": date_to_text(meeting.held_on),
        "start_time": meeting.start_time,
        "venue": meeting.venue,
        "virtual": int(meeting.virtual),
        "status": meeting.status,
        "first_item_number": meeting.first_item_number,
        "attendees": _attendees_to_text(meeting.attendees),
        "apologies": list_to_text(meeting.apologies),
        "declarations": list_to_text(meeting.declarations),
    }


def _row_to_meeting(row: dict[str, Any], items: tuple[AgendaItem, ...]) -> Meeting:
    return Meeting(
        id=row["id"],
        board_id=row["board_id"],
        held_on=text_to_date(row["held_on"]),  # type: ignore[arg-type]
        start_time=row["start_time"],
        venue=row["venue"],
        virtual=bool(row["virtual"]),
        status=row["status"],
        first_item_number=row["first_item_number"],
        attendees=_text_to_attendees(row["attendees"]),
        apologies=text_to_list(row["apologies"]),
        declarations=text_to_list(row["declarations"]),
        items=items,
    )


_SUMMARY_SQL = """
SELECT m.id, m.board_id, b.name AS board_name, m.held_on, m.start_time, m.venue, m.status,
       (SELECT count(*) FROM agenda_items i WHERE i.meeting_id = m.id) AS item_count,
       (SELECT count(*) FROM board_actions a JOIN agenda_items i ON i.id = a.item_id
         WHERE i.meeting_id = m.id AND a.status = 'open') AS open_actions
FROM board_meetings m JOIN boards b ON b.id = m.board_id
"""


def meeting_summaries(db: Database, board_id: int) -> list[MeetingSummary]:
    found = rows(
        db, _SUMMARY_SQL + " WHERE m.board_id = ? ORDER BY m.held_on DESC, m.start_time DESC, m.id DESC", [board_id]
    )
    return [MeetingSummary(**{**r, "held_on": text_to_date(r["held_on"])}) for r in found]


def meeting_ids(db: Database, board_id: int) -> list[int]:
    return [
        r[0]
        for r in db.execute(
            "SELECT id FROM board_meetings WHERE board_id = ? ORDER BY held_on, start_time, id", [board_id]
        )
    ]


def _links(db: Database, item_id: int) -> tuple[ItemLink, ...]:
    found = rows(
        db,
        """
        SELECT l.inspection_id, l.finding_id, i.reference, i.title, f.reference AS finding_reference, f.text
        FROM agenda_item_links l JOIN live_inspections i ON i.id = l.inspection_id
        LEFT JOIN findings f ON f.id = l.finding_id WHERE l.item_id = ? ORDER BY l.id""",
        [item_id],
    )
    links = []
    for r in found:
        label = f"#{r['reference']} {r['title']}" if r["reference"] else r["title"]
        if r["finding_id"] is not None:
            finding = r["finding_reference"] or (r["text"] or "")[:60]
            label = f"{label} — finding {finding}"
        links.append(ItemLink(r["inspection_id"], r["finding_id"], label))
    return tuple(links)


def _carried(db: Database, item_id: int) -> tuple[int, ...]:
    return tuple(
        r[0]
        for r in db.execute(
            "SELECT action_id FROM agenda_item_actions WHERE item_id = ? ORDER BY position, action_id", [item_id]
        )
    )


def _row_to_item(db: Database, row: dict[str, Any]) -> AgendaItem:
    return AgendaItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        position=row["position"],
        title=row["title"],
        presenter=row["presenter"],
        purpose=row["purpose"],
        exempt=bool(row["exempt"]),
        exempt_ground=row["exempt_ground"],
        papers=text_to_list(row["papers"]),
        notes=row["notes"],
        resolution=row["resolution"],
        links=_links(db, row["id"]),
        carried_action_ids=_carried(db, row["id"]),
    )


def get_meeting(db: Database, meeting_id: int) -> Meeting | None:
    found = rows(db, "SELECT * FROM board_meetings WHERE id = ?", [meeting_id])
    if not found:
        return None
    items = rows(db, "SELECT * FROM agenda_items WHERE meeting_id = ? ORDER BY position, id", [meeting_id])
    return _row_to_meeting(found[0], tuple(_row_to_item(db, r) for r in items))


def _item_row(item: AgendaItem, meeting_id: int, position: int) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "position": position,
        "title": item.title,
        "presenter": item.presenter,
        "purpose": item.purpose,
        "exempt": int(item.exempt),
        "exempt_ground": item.exempt_ground,
        "papers": list_to_text(item.papers),
        "notes": item.notes,
        "resolution": item.resolution,
    }


def _write_item_links(db: Database, item_id: int, item: AgendaItem) -> None:
    db.execute("DELETE FROM agenda_item_links WHERE item_id = ?", [item_id])
    for link in item.links:
        _insert(
            db,
            "agenda_item_links",
            {"item_id": item_id, "inspection_id": link.inspection_id, "finding_id": link.finding_id},
        )
    save_carried(db, item_id, list(item.carried_action_ids))


def save_carried(db: Database, item_id: int, action_ids: list[int]) -> None:
    """The actions reviewed under the item (linked, never copied), in order."""
    db.execute("DELETE FROM agenda_item_actions WHERE item_id = ?", [item_id])
    for position, action_id in enumerate(dict.fromkeys(action_ids)):
        _insert(db, "agenda_item_actions", {"item_id": item_id, "action_id": action_id, "position": position})


def _write_items(db: Database, meeting_id: int, items: tuple[AgendaItem, ...]) -> list[int]:
    existing = {r[0] for r in db.execute("SELECT id FROM agenda_items WHERE meeting_id = ?", [meeting_id])}
    keep = {item.id for item in items if item.id is not None}
    for stale in existing - keep:
        db.execute("DELETE FROM agenda_items WHERE id = ?", [stale])
    ids = []
    for position, item in enumerate(items):
        row = _item_row(item, meeting_id, position)
        if item.id is not None and item.id in existing:
            _update(db, "agenda_items", item.id, row)
            item_id = item.id
        else:
            item_id = _insert(db, "agenda_items", row)
        _write_item_links(db, item_id, item)
        ids.append(item_id)
    return ids


def save_meeting(db: Database, meeting: Meeting) -> tuple[int, list[int]]:
    """Insert or update the meeting and reconcile its items; returns (meeting id, item ids in order)."""
    row = _meeting_row(meeting)
    if meeting.id is None:
        meeting_id = _insert(db, "board_meetings", row)
    else:
        _update(db, "board_meetings", meeting.id, row)
        meeting_id = meeting.id
    return meeting_id, _write_items(db, meeting_id, meeting.items)


def delete_meeting(db: Database, meeting_id: int) -> bool:
    return db.execute("DELETE FROM board_meetings WHERE id = ?", [meeting_id]).rowcount > 0


def inspection_exists(db: Database, inspection_id: int) -> bool:
    return db.execute("SELECT 1 FROM live_inspections WHERE id = ?", [inspection_id]).fetchone() is not None


def finding_inspection(db: Database, finding_id: int) -> int | None:
    row = db.execute("SELECT inspection_id FROM findings WHERE id = ?", [finding_id]).fetchone()
    return row[0] if row else None
