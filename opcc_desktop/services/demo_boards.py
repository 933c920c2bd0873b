"""The demonstration boards and meetings (resources/demo/demo-boards.json), dated relative to `today` where marked."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

from ..resources import resource_path

DEMO_BOARDS_FILE = ("demo", "demo-boards.json")


def _dated(record: dict[str, Any], key: str, today: date) -> None:
    days_ago = record.pop("_demo_days_ago", None)
    if days_ago is not None:
        record[key] = (today - timedelta(days=days_ago)).isoformat()


def demo_boards(today: date) -> list[dict[str, Any]]:
    boards: list[dict[str, Any]] = json.loads(resource_path(*DEMO_BOARDS_FILE).read_text(encoding="utf-8"))["boards"]
    for board in boards:
        for meeting in board.get("meetings", []):
            _dated(meeting, "date", today)
            for item in meeting.get("items", []):
                for approval in item.get("closure_approvals", []):
                    _dated(approval, "date", today)
    return boards
