"""Board use cases: boards, meetings with their agendas, the action log, closure approvals.

Every write runs in one `db.atomic()` and returns a `Changes` with `boards=True`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlite_utils import Database

from ..domain.board_rules import (
    next_action_number,
    open_actions_to_carry,
    validate_action,
    validate_board,
    validate_meeting,
    with_carry_forward,
)
from ..domain.boards import (
    Action,
    ActionUpdate,
    Board,
    ClosureApproval,
    ClosureApprovalEntry,
    Discussion,
    Meeting,
    MeetingSummary,
)
from ..domain.models import FieldError
from ..errors import NotFoundError, ValidationError
from ..storage import board_actions as actions_repo
from ..storage import boards as repo
from ..letters.board_paper_data import BoardPaperData
from . import board_papers
from .changes import Changes

BOARD_CHANGES = Changes(boards=True)


class BoardService:
    def __init__(self, db: Database):
        self.db = db

    # Boards ------------------------------------------------------------------------------------
    def boards(self) -> list[Board]:
        return repo.list_boards(self.db)

    def get_board(self, board_id: int) -> Board:
        board = repo.get_board(self.db, board_id)
        if board is None:
            raise NotFoundError(f"Board {board_id} no longer exists.")
        return board

    def find_board(self, name: str) -> Board | None:
        found = repo.find_board_id(self.db, name)
        return self.get_board(found) if found is not None else None

    def validate_board(self, board: Board) -> list[FieldError]:
        errors = validate_board(board)
        same = repo.find_board_id(self.db, board.name) if board.name.strip() else None
        if same is not None and same != board.id:
            errors.append(FieldError("name", f"there is already a board called {board.name.strip()!r}"))
        return errors

    def save_board(self, board: Board) -> tuple[int, Changes]:
        errors = self.validate_board(board)
        if errors:
            raise ValidationError(errors)
        with self.db.atomic():
            if board.id is not None and repo.get_board(self.db, board.id) is None:
                raise NotFoundError(f"Board {board.id} no longer exists.")
            board_id = repo.save_board(self.db, board)
        return board_id, BOARD_CHANGES

    def delete_board(self, board_id: int) -> Changes:
        with self.db.atomic():
            if not repo.delete_board(self.db, board_id):
                raise NotFoundError(f"Board {board_id} no longer exists.")
        return BOARD_CHANGES

    # Meetings ----------------------------------------------------------------------------------
    def meetings(self, board_id: int) -> list[MeetingSummary]:
        return repo.meeting_summaries(self.db, board_id)

    def get_meeting(self, meeting_id: int) -> Meeting:
        meeting = repo.get_meeting(self.db, meeting_id)
        if meeting is None:
            raise NotFoundError(f"Meeting {meeting_id} no longer exists.")
        return meeting

    def validate_meeting(self, meeting: Meeting) -> list[FieldError]:
        errors = validate_meeting(meeting)
        for item in meeting.items:
            for link in item.links:
                if not repo.inspection_exists(self.db, link.inspection_id):
                    errors.append(FieldError("links", f"inspection {link.inspection_id} no longer exists"))
                elif (
                    link.finding_id is not None
                    and repo.finding_inspection(self.db, link.finding_id) != link.inspection_id
                ):
                    errors.append(FieldError("links", f"finding {link.finding_id} is not part of that inspection"))
        return errors

    def carry_forward_ids(self, board_id: int, held_on: date) -> list[int]:
        """The open actions of the board that a new meeting on `held_on` reviews."""
        open_actions = actions_repo.board_actions(self.db, board_id, open_only=True)
        sources = actions_repo.action_source_dates(self.db, board_id)
        return [a.id for a in open_actions_to_carry(open_actions, sources, held_on) if a.id is not None]

    def create_meeting(self, meeting: Meeting) -> tuple[int, Changes]:
        """A new meeting; if the board has open actions, the agenda gains a progress item linking them."""
        if meeting.id is not None:
            raise ValueError("create_meeting is for new meetings; use save_meeting")
        self.get_board(meeting.board_id)
        meeting = with_carry_forward(meeting, self.carry_forward_ids(meeting.board_id, meeting.held_on))
        return self.save_meeting(meeting)

    def save_meeting(self, meeting: Meeting) -> tuple[int, Changes]:
        """Insert or update the meeting with its whole agenda, in one transaction."""
        errors = self.validate_meeting(meeting)
        if errors:
            raise ValidationError(errors)
        with self.db.atomic():
            if meeting.id is not None and repo.get_meeting(self.db, meeting.id) is None:
                raise NotFoundError(f"Meeting {meeting.id} no longer exists.")
            meeting_id, _item_ids = repo.save_meeting(self.db, meeting)
        return meeting_id, BOARD_CHANGES

    def delete_meeting(self, meeting_id: int) -> Changes:
        with self.db.atomic():
            if not repo.delete_meeting(self.db, meeting_id):
                raise NotFoundError(f"Meeting {meeting_id} no longer exists.")
        return BOARD_CHANGES

    # Action log --------------------------------------------------------------------------------
    def actions(self, board_id: int, *, open_only: bool = False) -> list[Action]:
        return actions_repo.board_actions(self.db, board_id, open_only=open_only)

    def get_action(self, action_id: int) -> Action:
        action = actions_repo.get_action(self.db, action_id)
        if action is None:
            raise NotFoundError(f"Action {action_id} no longer exists.")
        return action

    def meeting_actions(self, meeting_id: int) -> list[Action]:
        """The meeting's action log: actions carried into it, then actions born at it, by number."""
        meeting = self.get_meeting(meeting_id)
        carried = [a for item in meeting.items for a in item.carried_action_ids]
        born = actions_repo.actions_born_at_meeting(self.db, meeting_id)
        listed = {a.id: a for a in actions_repo.actions_by_ids(self.db, carried)}
        listed.update({a.id: a for a in born})
        return sorted(listed.values(), key=lambda a: a.number)

    def validate_action(self, action: Action) -> list[FieldError]:
        errors = validate_action(action)
        if action.number and actions_repo.action_number_taken(self.db, action.board_id, action.number, action.id):
            errors.append(FieldError("number", f"action {action.number} is already on this board's log"))
        if action.item_id is not None:
            found = actions_repo.item_meeting(self.db, action.item_id)
            if found is None or found[1] != action.board_id:
                errors.append(FieldError("item", "the agenda item is not a meeting of this board"))
        if action.finding_id is not None and repo.finding_inspection(self.db, action.finding_id) is None:
            errors.append(FieldError("finding", f"finding {action.finding_id} no longer exists"))
        return errors

    def save_action(self, action: Action) -> tuple[int, Changes]:
        """Insert or update an action; a new one without a number gets the board's next number."""
        errors = self.validate_action(action)
        if errors:
            raise ValidationError(errors)
        with self.db.atomic():
            if action.id is not None and actions_repo.get_action(self.db, action.id) is None:
                raise NotFoundError(f"Action {action.id} no longer exists.")
            if not action.number:
                action = replace(
                    action, number=next_action_number(actions_repo.used_action_numbers(self.db, action.board_id))
                )
            action_id = actions_repo.save_action(self.db, action)
        return action_id, BOARD_CHANGES

    def add_action_update(self, action_id: int, on: date, text: str, *, status: str | None = None) -> Changes:
        """Append a dated update (and optionally change the status) in one transaction."""
        action = self.get_action(action_id)
        changed = replace(
            action, updates=(*action.updates, ActionUpdate(on=on, text=text)), status=status or action.status
        )
        self.save_action(changed)
        return BOARD_CHANGES

    def delete_action(self, action_id: int) -> Changes:
        with self.db.atomic():
            if not actions_repo.delete_action(self.db, action_id):
                raise NotFoundError(f"Action {action_id} no longer exists.")
        return BOARD_CHANGES

    # Closure approvals and "where discussed" ---------------------------------------------------
    def approve_closure(self, approval: ClosureApproval) -> tuple[int, Changes]:
        """Record that a board meeting (and item) approved closing a finding."""
        meeting = self.get_meeting(approval.meeting_id)
        errors: list[FieldError] = []
        if repo.finding_inspection(self.db, approval.finding_id) is None:
            errors.append(FieldError("finding", f"finding {approval.finding_id} no longer exists"))
        if approval.item_id is not None and approval.item_id not in {i.id for i in meeting.items}:
            errors.append(FieldError("item", "the item is not on this meeting's agenda"))
        if approval.approved_on is None:
            errors.append(FieldError("approved_on", "is required"))
        if errors:
            raise ValidationError(errors)
        with self.db.atomic():
            approval_id = actions_repo.add_closure_approval(self.db, approval)
        return approval_id, BOARD_CHANGES

    def withdraw_closure_approval(self, approval_id: int) -> Changes:
        with self.db.atomic():
            if not actions_repo.delete_closure_approval(self.db, approval_id):
                raise NotFoundError(f"Closure approval {approval_id} no longer exists.")
        return BOARD_CHANGES

    def closure_approvals_for_finding(self, finding_id: int) -> list[ClosureApprovalEntry]:
        """Dated entries for the finding's history, oldest first."""
        return actions_repo.closure_approvals_for_finding(self.db, finding_id)

    def closure_approvals_for_meeting(self, meeting_id: int) -> list[ClosureApproval]:
        return actions_repo.closure_approvals_for_meeting(self.db, meeting_id)

    def where_discussed(self, *, inspection_id: int | None = None, finding_id: int | None = None) -> list[Discussion]:
        """Every meeting and item that links the inspection (or any of its findings) or the finding."""
        if (inspection_id is None) == (finding_id is None):
            raise ValueError("give exactly one of inspection_id or finding_id")
        return actions_repo.discussions(self.db, inspection_id=inspection_id, finding_id=finding_id)

    # Papers ------------------------------------------------------------------------------------
    def paper(self, meeting_id: int, kind: str) -> BoardPaperData:
        """The agenda ("agenda") or minutes with the action log ("minutes") as plain printable data."""
        return board_papers.board_paper(self.db, meeting_id, kind)

    def write_paper(self, meeting_id: int, kind: str, out: Path) -> int:
        return board_papers.write_board_paper(self.paper(meeting_id, kind), out)
