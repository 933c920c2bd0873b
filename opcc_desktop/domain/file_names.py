"""Names the Save dialogs suggest, the way an office files its papers: the HMICFRS reference (or the
board), what the document is, and its date, e.g. `31027 Home Secretary letter 2024-02-20.pdf`.

Never internal ids. Pure; the name is one path component that Windows and Linux both accept.
"""

from __future__ import annotations

from datetime import date

from .attachment_names import FORBIDDEN, safe_file_name
from .letter_records import HMICFRS_COPY, HOME_SECRETARY, PUBLISHED_RESPONSE

DOCUMENT_FILE_WORDS = {
    HOME_SECRETARY: "Home Secretary letter",
    PUBLISHED_RESPONSE: "published response",
    HMICFRS_COPY: "copy to HMICFRS",
}
MAX_SUBJECT = 40  # with the longest `what` and the date, within safe_file_name's 80


def document_file_name(subject: str, what: str, on: date | None, suffix: str) -> str:
    """"31027 Home Secretary letter 2024-02-20.pdf"; `subject` is the reference, else the report's title
    or the board's name (shortened at a word); an empty subject or date is left out."""
    words = " ".join(FORBIDDEN.sub(" ", subject).split())
    if len(words) > MAX_SUBJECT:
        words = words[:MAX_SUBJECT].rsplit(" ", 1)[0]
    stem = " ".join(part for part in (words, what, on.isoformat() if on else "") if part)
    return safe_file_name(f"{stem}{suffix}")


def letter_file_name(reference: str, title: str, kind: str, on: date | None, suffix: str = ".pdf") -> str:
    """A letter or response of an inspection: by its HMICFRS reference, else its title."""
    return document_file_name(reference.strip().lstrip("#") or title, DOCUMENT_FILE_WORDS.get(kind, kind), on, suffix)
