"""Turn a meeting, its board, its action log and the office settings into `BoardPaperData`."""

from __future__ import annotations

from collections.abc import Mapping

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.board_rules import format_action_number
from opcc_desktop.domain.boards import Action, Board, Meeting
from opcc_desktop.domain.dates import format_uk
from opcc_desktop.letters.board_paper_data import BoardPaperData, PaperAction, PaperItem


def _setting(settings: Mapping[str, str], key: str) -> str:
    value = settings.get(key)
    value = value.strip() if isinstance(value, str) else ""
    return value or vocab.DEFAULT_SETTINGS.get(key, "")


def meeting_line(meeting: Meeting) -> str:
    line = meeting.held_on.strftime("%A ") + f"{meeting.held_on.day} " + meeting.held_on.strftime("%B %Y")
    if meeting.start_time:
        line += f" at {meeting.start_time}"
    where = [meeting.venue] if meeting.venue else []
    if meeting.virtual:
        where.append("virtual meeting")
    return f"{line}, {', '.join(where)}" if where else line


def paper_action(action: Action) -> PaperAction:
    return PaperAction(
        number=format_action_number(action.number),
        description=action.description,
        owner=action.owner,
        due=format_uk(action.due),
        status=action.status,
        source=action.source,
        updates=tuple(f"{format_uk(u.on)}: {u.text}" for u in action.updates),
    )


def compose_board_paper(
    kind: str, board: Board, meeting: Meeting, actions: list[Action], settings: Mapping[str, str]
) -> BoardPaperData:
    """`actions` is the meeting's action log (carried forward and born at it)."""
    by_id = {a.id: a for a in actions}
    items = []
    for position, item in enumerate(meeting.items):
        born = [f"Action {format_action_number(a.number)}" for a in actions if a.item_id == item.id and item.id]
        carried = [
            f"Action {format_action_number(by_id[i].number)} ({by_id[i].status}): {by_id[i].description}"
            for i in item.carried_action_ids
            if i in by_id
        ]
        items.append(
            PaperItem(
                number=str(meeting.item_number(position)),
                title=item.title,
                presenter=item.presenter,
                purpose=item.purpose,
                exempt_ground=item.exempt_ground if item.exempt else "",
                papers=item.papers,
                links=tuple(link.label for link in item.links),
                notes=item.notes,
                resolution=item.resolution,
                actions=tuple(born),
                carried=tuple(carried),
            )
        )
    office_name = _setting(settings, "office_name")
    contacts = tuple(
        f"{label}: {_setting(settings, key)}"
        for label, key in (("Tel", "office_telephone"), ("Email", "office_email"), ("Web", "office_web"))
        if _setting(settings, key)
    )
    title = "Agenda" if kind == "agenda" else "Minutes"
    subject = f"{board.name} — {title.lower()} — {format_uk(meeting.held_on)}"
    return BoardPaperData(
        kind=kind,
        office_name=office_name,
        office_address_lines=tuple(
            line.strip() for line in _setting(settings, "office_address").splitlines() if line.strip()
        ),
        office_contact_lines=contacts,
        board_name=board.name,
        meeting_line=meeting_line(meeting),
        status=meeting.status,
        present=tuple(_attendee(a.name, a.role) for a in meeting.attendees if a.present),
        absent=tuple(_attendee(a.name, a.role) for a in meeting.attendees if not a.present),
        apologies=meeting.apologies,
        declarations=meeting.declarations,
        items=tuple(items),
        action_log=tuple(paper_action(a) for a in sorted(actions, key=lambda a: a.number)),
        subject=subject,
        pdf_title=f"{board.name}: {title} of {format_uk(meeting.held_on)}",
        pdf_author=office_name,
        pdf_subject=subject,
        held_on=meeting.held_on,
    )


def _attendee(name: str, role: str) -> str:
    return f"{name} ({role})" if role else name
