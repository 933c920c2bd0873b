"""Command-line additions for boards: `actions` (the action logs) and `board-paper` (agenda or minutes PDF)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .domain.dates import format_uk
from .errors import NotFoundError, UserFacingError


def _action_number(number: int) -> str:
    from .domain.board_rules import format_action_number  # the board rules load only when a command runs

    return format_action_number(number)

BOARD_COMMANDS = ("actions", "board-paper")


def add_board_commands(sub: Any, common: argparse.ArgumentParser, iso_date: Callable[[str], date]) -> None:
    p_actions = sub.add_parser("actions", parents=[common], help="the boards' action logs (open actions unless --all)")
    p_actions.add_argument("--board", metavar="NAME", default=None, help="only this board")
    p_actions.add_argument("--all", action="store_true", help="include completed actions")
    p_actions.add_argument("--json", action="store_true", help="print JSON instead of text")
    p_paper = sub.add_parser("board-paper", parents=[common], help="write a meeting's agenda or minutes as a PDF, or as a web page (.html)")
    p_paper.add_argument("board", metavar="BOARD", help="the board's name")
    p_paper.add_argument("date", metavar="YYYY-MM-DD", type=iso_date, help="the meeting's date")
    p_paper.add_argument("--kind", choices=("agenda", "minutes"), default="agenda")
    p_paper.add_argument("--out", metavar="FILE.pdf|FILE.html", type=Path, required=True)


def _service(args: argparse.Namespace, open_db: Callable[..., Any]):
    from .services.boards import BoardService

    return BoardService(open_db(args, create=False))


def _board(service, name: str):
    board = service.find_board(name)
    if board is None:
        known = ", ".join(b.name for b in service.boards()) or "none yet"
        raise NotFoundError(f"There is no board called {name!r} (boards: {known}).")
    return board


def cmd_actions(args: argparse.Namespace, out: TextIO, open_db: Callable[..., Any]) -> int:
    service = _service(args, open_db)
    boards = [_board(service, args.board)] if args.board else service.boards()
    rows = [(board, action) for board in boards for action in service.actions(board.id, open_only=not args.all)]
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "board": b.name,
                        "number": a.number,
                        "description": a.description,
                        "owner": a.owner,
                        "due": a.due.isoformat() if a.due else None,
                        "status": a.status,
                        "from": a.source,
                        "latest_update": a.latest_update,
                    }
                    for b, a in rows
                ],
                ensure_ascii=False,
                indent=2,
            ),
            file=out,
        )
        return 0
    if not rows:
        print("No open actions." if not args.all else "No actions.", file=out)
    for board, action in rows:
        print(
            "\t".join(
                [
                    board.name,
                    _action_number(action.number),
                    action.status,
                    format_uk(action.due) or "-",
                    action.owner,
                    " ".join(action.description.split()),
                ]
            ),
            file=out,
        )
    return 0


def cmd_board_paper(args: argparse.Namespace, out: TextIO, open_db: Callable[..., Any]) -> int:
    service = _service(args, open_db)
    board = _board(service, args.board)
    meetings = [m for m in service.meetings(board.id) if m.held_on == args.date]
    if not meetings:
        raise NotFoundError(f"{board.name} has no meeting on {format_uk(args.date)}.")
    if args.out.suffix.lower() in {".html", ".htm"}:
        from .services.web_pages import board_paper_page, write_web_page

        try:
            write_web_page(board_paper_page(service, meetings[0].id, args.kind), args.out)
        except OSError as exc:
            raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
        print(f"Wrote {args.out} (web page).", file=out)
        return 0
    try:
        pages = service.write_paper(meetings[0].id, args.kind, args.out)
    except OSError as exc:
        raise UserFacingError(f"Cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"Wrote {args.out} ({pages} page{'s' if pages != 1 else ''}).", file=out)
    return 0
