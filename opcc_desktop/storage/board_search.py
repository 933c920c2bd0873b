"""Search everything, the boards part: boards, meetings, agenda items (title, notes, minutes' resolution)
and the action log, by words (every word must appear, in any of the record's texts, any case).

Boards are small (tens of meetings, hundreds of items and actions), so plain LIKE over the tables is
quick and needs no full-text index. User text is a LIKE pattern only after escaping `%`, `_` and `\\`.
"""

from __future__ import annotations

from sqlite_utils import Database

from .inspections import _escape_like
from .search import typed_text

# (kind, SQL giving: record id, meeting id or NULL, board name, label, searched text)
_SOURCES: tuple[tuple[str, str], ...] = (
    ("board", "SELECT b.id, NULL, b.name, b.name, b.name || ' ' || b.kind || ' ' || b.members FROM boards b"),
    ("meeting", ("SELECT m.id, m.id, b.name, m.held_on, b.name || ' ' || m.venue || ' ' || m.attendees || ' ' || "
                 "m.apologies || ' ' || m.declarations FROM board_meetings m JOIN boards b ON b.id = m.board_id")),
    ("agenda item", ("SELECT i.id, m.id, b.name, m.held_on || ' ' || i.title, i.title || ' ' || i.presenter || ' ' || "
                     "i.papers || ' ' || i.notes || ' ' || i.resolution FROM agenda_items i "
                     "JOIN board_meetings m ON m.id = i.meeting_id JOIN boards b ON b.id = m.board_id")),
    ("action", ("SELECT a.id, (SELECT meeting_id FROM agenda_items WHERE id = a.item_id), b.name, "
                "printf('action %03d', a.number), a.description || ' ' || a.owner || ' ' || ifnull(("
                "SELECT group_concat(u.text, ' ') FROM board_action_updates u WHERE u.action_id = a.id), '') "
                "FROM board_actions a JOIN boards b ON b.id = a.board_id")),
)


def search_boards(db: Database, text: str, limit: int = 200) -> list[tuple[str, int, int | None, str, str, str]]:
    """(kind, record id, meeting id, board name, label, the record's text) for records holding every
    word of `text`; [] when `text` has no words."""
    words = typed_text(text).split()  # pasted control characters are spaces, as in the full-text search
    if not words:
        return []
    found: list[tuple[str, int, int | None, str, str, str]] = []
    for kind, select in _SOURCES:
        clause = " AND ".join("haystack LIKE ? ESCAPE '\\'" for _ in words)
        rows = db.execute(
            f"WITH found(id, meeting_id, board, label, haystack) AS ({select}) "
            f"SELECT id, meeting_id, board, label, haystack FROM found WHERE {clause} LIMIT ?",
            [*(f"%{_escape_like(word)}%" for word in words), limit - len(found)],
        )
        found.extend((kind, *row) for row in rows.fetchall())
        if len(found) >= limit:
            break
    return found
