"""Attendance typed as lines: "Name; role", with " (absent)" at the end for the "A – denotes absent" marker."""

from __future__ import annotations

from ...domain.boards import Attendee

ABSENT_MARK = "(absent)"


def attendees_to_text(attendees: tuple[Attendee, ...]) -> str:
    lines = []
    for a in attendees:
        line = f"{a.name}; {a.role}" if a.role else a.name
        lines.append(line if a.present else f"{line} {ABSENT_MARK}")
    return "\n".join(lines)


def text_to_attendees(text: str) -> tuple[Attendee, ...]:
    result = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        present = not line.lower().endswith(ABSENT_MARK)
        if not present:
            line = line[: -len(ABSENT_MARK)].rstrip()
        name, _, role = line.partition(";")
        result.append(Attendee(name=name.strip(), role=role.strip(), present=present))
    return tuple(result)


def lines_to_text(values: tuple[str, ...]) -> str:
    return "\n".join(values)


def text_to_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
