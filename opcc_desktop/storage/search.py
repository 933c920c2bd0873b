"""Full-text search over the FTS5 `search_index`. User text never reaches FTS syntax unquoted."""

from __future__ import annotations

import re

from sqlite_utils import Database

WORD = re.compile(r"\w", re.UNICODE)
_UNSEARCHABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def typed_text(text: str) -> str:
    """What a user typed or pasted, made safe to hand to SQLite: NUL and other control characters and
    lone surrogates (half an emoji from a broken paste) become spaces. Never raises."""
    if not isinstance(text, str):
        return ""
    return _UNSEARCHABLE.sub(" ", text)


def fts_query(text: str) -> str:
    """Each whitespace-separated token becomes a quoted prefix phrase: `"4P"* "plans"*`.

    Quotes are doubled inside the phrase, so `"`, `*`, `-`, `NEAR`, `AND`, `(`… are searched for as
    text, never read as operators. Tokens without any letter or digit are dropped. "" when nothing is left.
    """
    phrases = []
    for token in typed_text(text).split():
        if WORD.search(token):
            phrases.append('"' + token.replace('"', '""') + '"*')
    return " ".join(phrases)


def search(db: Database, text: str, limit: int = 200) -> list[tuple[str, int, int, str, str, str, str]]:
    """(kind, record id, inspection id, inspection reference, inspection title, indexed title, snippet),
    best match first; [] for an empty query."""
    query = fts_query(typed_text(text))
    if not query:
        return []
    return db.execute(
        "SELECT search_index.kind, search_index.record_id, search_index.inspection_id, ifnull(i.reference, ''), "
        "i.title, search_index.title, snippet(search_index, 4, '«', '»', '…', 14) "
        "FROM search_index JOIN live_inspections i ON i.id = search_index.inspection_id "
        "WHERE search_index MATCH ? ORDER BY rank LIMIT ?",
        [query, limit],
    ).fetchall()
