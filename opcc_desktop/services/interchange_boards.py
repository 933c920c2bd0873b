"""Import (inside the caller's transaction) and export the `boards` section of the interchange format."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from sqlite_utils import Database

from ..domain.boards import Action, ClosureApproval, ItemLink, Meeting
from ..domain.models import Finding
from ..errors import InterchangeError
from ..storage import board_actions as actions_repo
from ..storage import boards as boards_repo
from ..storage import inspections as inspection_repo
from .interchange_boards_format import FindingRef, ParsedAction, ParsedBoard, parse_boards

__all__ = ["export_boards", "import_boards", "parse_boards"]


class _Resolver:
    """Turns inspection/finding references into ids, collecting every problem with its path."""

    def __init__(self, db: Database):
        self.db = db
        self.problems: list[str] = []

    def inspection(self, ref: FindingRef) -> int | None:
        found = inspection_repo.find_inspection_id(self.db, ref.inspection)
        if found is None:
            by_title = inspection_repo.find_inspection_ids_by_title(self.db, ref.inspection)
            found = by_title[0] if len(by_title) == 1 else None
        if found is None:
            self.problems.append(
                f'{ref.where}: field "inspection": no inspection has the reference or title {ref.inspection!r}'
            )
        return found

    def finding(self, ref: FindingRef, inspection_id: int, *, required: bool) -> int | None:
        findings = inspection_repo.get_findings(self.db, inspection_id)
        if ref.finding:
            matches = [f.id for f in findings if f.reference == ref.finding]
            if len(matches) == 1:
                return matches[0]
            self.problems.append(f'{ref.where}: field "finding": the inspection has no single finding {ref.finding!r}')
        elif ref.finding_number is not None:
            if 1 <= ref.finding_number <= len(findings):
                return findings[ref.finding_number - 1].id
            self.problems.append(f'{ref.where}: field "finding_number": the inspection has {len(findings)} findings')
        elif required:
            self.problems.append(f'{ref.where}: field "finding": is required (a finding reference or finding_number)')
        return None

    def link(self, ref: FindingRef, *, need_finding: bool = False) -> tuple[int, int | None] | None:
        inspection_id = self.inspection(ref)
        if inspection_id is None:
            return None
        return inspection_id, self.finding(ref, inspection_id, required=need_finding)


def _save_action(db: Database, parsed: ParsedAction, board_id: int, item_id: int | None, resolver: _Resolver) -> int:
    finding_id = None
    if parsed.finding is not None:
        found = resolver.link(parsed.finding, need_finding=True)
        finding_id = found[1] if found else None
    action = replace(parsed.action, board_id=board_id, item_id=item_id, finding_id=finding_id)
    return actions_repo.save_action(db, action)


def import_boards(db: Database, boards: list[ParsedBoard]) -> int:
    """Write the parsed boards (a board with the same name is replaced). Call inside `db.atomic()`:
    raises InterchangeError, so the whole import rolls back, when a reference cannot be resolved."""
    resolver = _Resolver(db)
    for parsed in boards:
        existing = boards_repo.find_board_id(db, parsed.board.name)
        if existing is not None:
            boards_repo.delete_board(db, existing)
        board_id = boards_repo.save_board(db, parsed.board)
        numbers: dict[int, int] = {}
        for action in parsed.actions:
            numbers[action.action.number] = _save_action(db, action, board_id, None, resolver)
        for parsed_meeting in sorted(parsed.meetings, key=lambda m: m.meeting.held_on):
            items = []
            for parsed_item in parsed_meeting.items:
                links = [(ref, resolver.link(ref)) for ref in parsed_item.links]
                items.append(
                    replace(parsed_item.item, links=tuple(_link(found) for _ref, found in links if found is not None))
                )
            meeting = replace(parsed_meeting.meeting, board_id=board_id, items=tuple(items))
            meeting_id, item_ids = boards_repo.save_meeting(db, meeting)
            for parsed_item, item_id in zip(parsed_meeting.items, item_ids):
                for action in parsed_item.actions:
                    numbers[action.action.number] = _save_action(db, action, board_id, item_id, resolver)
            for parsed_item, item_id in zip(parsed_meeting.items, item_ids):
                _approve(db, resolver, parsed_item.approvals, meeting_id, item_id)
            _approve(db, resolver, parsed_meeting.approvals, meeting_id, None)
            pending_carries = [
                (item_id, parsed_item.carried) for parsed_item, item_id in zip(parsed_meeting.items, item_ids)
            ]
            _carry(db, pending_carries, numbers)
    if resolver.problems:
        raise InterchangeError(
            "Nothing was imported. Problems:\n" + "\n".join(f"  {p}" for p in resolver.problems[:50])
        )
    return len(boards)


def _link(found: tuple[int, int | None]) -> ItemLink:
    return ItemLink(found[0], found[1])


def _approve(db: Database, resolver: _Resolver, approvals: list[tuple[FindingRef, date, str]], meeting_id: int,
             item_id: int | None) -> None:
    for ref, on, note in approvals:
        found = resolver.link(ref, need_finding=True)
        if found and found[1] is not None:
            actions_repo.add_closure_approval(
                db,
                ClosureApproval(finding_id=found[1], meeting_id=meeting_id, item_id=item_id, approved_on=on, note=note),
            )


def _carry(db: Database, pending: list[tuple[int, list[int]]], numbers: dict[int, int]) -> None:
    """Link the actions each item reviews, by their numbers on the board's log."""
    for item_id, carried in pending:
        if carried:
            boards_repo.save_carried(db, item_id, [numbers[n] for n in carried if n in numbers])


# Export ------------------------------------------------------------------------------------------
def _finding_key(findings: tuple[Finding, ...], finding_id: int) -> dict[str, Any]:
    for number, finding in enumerate(findings, start=1):
        if finding.id == finding_id:
            unique = finding.reference and sum(f.reference == finding.reference for f in findings) == 1
            return {"finding": finding.reference} if unique else {"finding_number": number}
    return {}


def _ref_json(db: Database, inspection_id: int, finding_id: int | None) -> dict[str, Any]:
    inspection = inspection_repo.get_inspection(db, inspection_id)
    if inspection is None:
        return {}
    ref: dict[str, Any] = {"inspection": inspection.reference or inspection.title}
    if finding_id is not None:
        ref.update(_finding_key(inspection.findings, finding_id))
    return ref


def _finding_ref_json(db: Database, finding_id: int) -> dict[str, Any]:
    inspection_id = boards_repo.finding_inspection(db, finding_id)
    return _ref_json(db, inspection_id, finding_id) if inspection_id is not None else {}


def _action_json(db: Database, action: Action) -> dict[str, Any]:
    data: dict[str, Any] = {
        "number": action.number,
        "description": action.description,
        "owner": action.owner,
        "due": action.due.isoformat() if action.due else None,
        "status": action.status,
        "updates": [{"date": u.on.isoformat(), "text": u.text} for u in action.updates],
    }
    if action.finding_id is not None:
        data["finding"] = _finding_ref_json(db, action.finding_id)
    return data


def _approval_json(db: Database, approval: ClosureApproval) -> dict[str, Any]:
    return {
        **_finding_ref_json(db, approval.finding_id),
        "date": approval.approved_on.isoformat(),
        "note": approval.note,
    }


def _meeting_json(db: Database, meeting: Meeting, actions_by_item: dict[int | None, list[Action]],
                  numbers: dict[int, int]) -> dict[str, Any]:
    approvals = actions_repo.closure_approvals_for_meeting(db, meeting.id)  # type: ignore[arg-type]
    items = []
    for item in meeting.items:
        items.append(
            {
                "title": item.title,
                "presenter": item.presenter,
                "purpose": item.purpose,
                "exempt": item.exempt,
                "exempt_ground": item.exempt_ground,
                "papers": list(item.papers),
                "links": [_ref_json(db, link.inspection_id, link.finding_id) for link in item.links],
                "notes": item.notes,
                "resolution": item.resolution,
                "carried_actions": [numbers[i] for i in item.carried_action_ids if i in numbers],
                "closure_approvals": [_approval_json(db, a) for a in approvals if a.item_id == item.id],
                "actions": [_action_json(db, a) for a in actions_by_item.get(item.id, ())],
            }
        )
    return {
        "date": meeting.held_on.isoformat(),
        "start_time": meeting.start_time,
        "venue": meeting.venue,
        "virtual": meeting.virtual,
        "status": meeting.status,
        "first_item_number": meeting.first_item_number,
        "attendees": [{"name": a.name, "role": a.role, "present": a.present} for a in meeting.attendees],
        "apologies": list(meeting.apologies),
        "declarations": list(meeting.declarations),
        "items": items,
        "closure_approvals": [_approval_json(db, a) for a in approvals if a.item_id is None],
    }


def export_boards(db: Database) -> list[dict[str, Any]]:
    result = []
    for board in boards_repo.list_boards(db):
        actions = actions_repo.board_actions(db, board.id)  # type: ignore[arg-type]
        numbers = {a.id: a.number for a in actions if a.id is not None}
        actions_by_item: dict[int | None, list[Action]] = {}
        for action in actions:  # grouped once: scanning every action per item was quadratic
            actions_by_item.setdefault(action.item_id, []).append(action)
        meetings = [boards_repo.get_meeting(db, m) for m in boards_repo.meeting_ids(db, board.id)]  # type: ignore[arg-type]
        result.append(
            {
                "name": board.name,
                "kind": board.kind,
                "frequency": board.frequency,
                "members": list(board.members),
                "actions": [_action_json(db, a) for a in actions if a.item_id is None],
                "meetings": [_meeting_json(db, m, actions_by_item, numbers) for m in meetings if m is not None],
            }
        )
    return result
