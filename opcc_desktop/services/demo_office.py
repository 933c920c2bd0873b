"""The demonstration office in its own file: opened from the welcome or File → Open the demonstration
office, never loaded into the user's office (its settings, signatory and boards stay in its file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..paths import demo_database_path
from .office import Office


def open_demo_office(today: date, path: Path | None = None) -> Office:
    """Open the demonstration office's file, building it the first time; the user's file is not touched."""
    target = path or demo_database_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    office = Office.open(target)
    try:
        if office.is_empty() or not office.is_demonstration:
            office.load_demo(today)  # refused (and nothing written) if the file holds a real office
    except Exception:
        office.close()
        raise
    return office
