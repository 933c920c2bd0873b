"""Search everything: inspections (reference, title, type, key findings, comments) and findings
(kind, reference, level, text, responses, owner), through SQLite FTS5."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from ..storage import search as store


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "inspection", "finding" or "update" (a line of a finding's history; record_id is the finding)
    record_id: int
    inspection_id: int
    inspection_reference: str
    inspection_title: str
    label: str  # the finding's "kind reference level", or the inspection's reference, title and type
    snippet: str  # matched words between « and »

    @property
    def where(self) -> str:
        report = self.inspection_reference or self.inspection_title
        if self.kind == "finding":
            return f"{report} / {' '.join(self.label.split())}"
        if self.kind == "update":
            return f"{report} / finding update ({' '.join(self.label.split())})"
        return report


def search(db: Database, text: str, limit: int = 200) -> list[SearchHit]:
    return [SearchHit(*row) for row in store.search(db, text, limit)]


@dataclass(frozen=True)
class BoardHit:
    """A board, meeting, agenda item or action that holds every searched word."""

    kind: str  # "board", "meeting", "agenda item" or "action"
    record_id: int
    meeting_id: int | None  # the meeting to open (an action's: the meeting it was born at)
    board_name: str
    label: str  # a meeting's ISO date, an item's "date title", an action's "action 004"
    snippet: str  # the record's text around the first searched word, which is between « and »

    @property
    def where(self) -> str:
        label = self.label
        if self.kind in ("meeting", "agenda item"):  # "2024-02-20 …" → "20/02/2024 …"
            day, _, rest = label.partition(" ")
            label = f"{day[8:10]}/{day[5:7]}/{day[0:4]}" + (f" item: {rest}" if rest else " meeting")
        return self.board_name if self.kind == "board" else f"{self.board_name} / {label}"


def snippet_around(haystack: str, text: str) -> str:
    """`haystack` (JSON lists flattened) around the first word of `text`, the word between « and »."""
    flat = " ".join(haystack.replace('["', "").replace('"]', "").replace('", "', "; ").replace("[]", "").split())
    words = text.split()
    at = flat.casefold().find(words[0].casefold()) if words else -1
    if at < 0:
        return flat[:120]
    start, end = max(0, at - 50), at + len(words[0])
    return ("…" if start else "") + flat[start:at] + "«" + flat[at:end] + "»" + flat[end:end + 70] + \
        ("…" if end + 70 < len(flat) else "")


def search_boards(db: Database, text: str, limit: int = 200) -> list[BoardHit]:
    from ..storage.board_search import search_boards as find

    return [BoardHit(kind, record_id, meeting_id, board, label, snippet_around(haystack, text))
            for kind, record_id, meeting_id, board, label, haystack in find(db, text, limit)]
