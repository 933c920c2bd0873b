"""An agenda, or minutes with the action log, as an accessible web page (same standards as the published
response: one `<h1>`, headings in order, dates in `<time>`, the action log a table with header cells in a
keyboard-scrollable region, status words written out). Pure: stdlib only; every user string escaped."""

from __future__ import annotations

from opcc_desktop.letters.board_paper_data import BoardPaperData, PaperAction, PaperItem
from opcc_desktop.letters.html_page import (
    demonstration_notice,
    masthead,
    page,
    paragraphs,
    split_paragraphs,
    text,
    text_with_dates,
    time_element,
)


def _title(data: BoardPaperData) -> str:
    title = "Agenda" if data.kind == "agenda" else "Minutes"
    if data.kind == "minutes" and data.status != "minutes approved":
        title += " (draft)"
    return title


def _meeting_line(data: BoardPaperData) -> str:
    if data.held_on is None:
        return f'<p class="meta" dir="auto">{text(data.meeting_line)}</p>'
    day = data.held_on
    shown = f"{day.strftime('%A')} {day.day} {day.strftime('%B %Y')}"
    if not data.meeting_line.startswith(shown):
        return f'<p class="meta">{time_element(day)} <span dir="auto">{text(data.meeting_line)}</span></p>'
    rest = data.meeting_line[len(shown):]
    return f'<p class="meta">{time_element(day, shown)}<span dir="auto">{text(rest)}</span></p>'


def _attendance(data: BoardPaperData) -> str:
    rows = [("Present", data.present, "Not recorded")]
    if data.absent:
        rows.append(("Absent", data.absent, ""))
    rows += [("Apologies", data.apologies, "None"), ("Declarations of interest", data.declarations, "None")]
    items = []
    for label, values, empty in rows:
        shown = "; ".join(text(v) for v in values) if values else text(empty)
        items.append(f'<dt>{label}</dt>\n<dd dir="auto">{shown}</dd>')
    return ('<section aria-labelledby="attendance">\n<h2 id="attendance">Attendance</h2>\n'
            '<dl class="details">\n' + "\n".join(items) + "\n</dl>\n</section>")


def _list(values: tuple[str, ...] | list[str]) -> str:
    return "<ul>\n" + "\n".join(f'<li dir="auto">{text_with_dates(v)}</li>' for v in values) + "\n</ul>"


def _item(item: PaperItem, minutes: bool, number: int) -> str:
    anchor = f"item-{number}"
    parts = [item.presenter, item.purpose.capitalize(),
             f"Exempt: {item.exempt_ground}" if item.exempt_ground else "Open item"]
    body = [f'<p class="meta" dir="auto">{text(" · ".join(p for p in parts if p))}</p>']
    if item.papers:
        body.append("<p>Papers:</p>\n" + _list(item.papers))
    if item.links:
        body.append("<p>Linked inspections and findings:</p>\n" + _list(item.links))
    if item.carried:
        body.append("<p>Actions reviewed under this item:</p>\n" + _list(item.carried))
    if minutes:
        body.append(paragraphs(split_paragraphs(item.notes)))
        if item.resolution:
            body.append(f'<p dir="auto"><strong>Resolved: {text(item.resolution)}</strong></p>')
        if item.actions:
            body.append(f'<p>Actions: {text(", ".join(item.actions))}</p>')
    heading = f"<bdi>{text(item.number)}</bdi>. <bdi>{text(item.title)}</bdi>"
    joined = "\n".join(b for b in body if b)
    return f'<section aria-labelledby="{anchor}">\n<h3 id="{anchor}">{heading}</h3>\n{joined}\n</section>'


def _action_row(action: PaperAction) -> str:
    description = f'<p dir="auto">{text(action.description)}</p>'
    if action.source:
        description += f'<p class="meta" dir="auto">From {text_with_dates(action.source)}</p>'
    status = f"<strong>{text(action.status.capitalize())}</strong>"
    if action.updates:
        status += _list(action.updates)
    return (f'<tr>\n<th scope="row">{text(action.number)}</th>\n<td>{description}</td>\n'
            f'<td dir="auto">{text(action.owner)}</td>\n<td>{text_with_dates(action.due) if action.due.strip() else "Not set"}</td>\n<td>{status}</td>\n</tr>')


def _action_log(data: BoardPaperData) -> str:
    if not data.action_log:
        return '<section aria-labelledby="action-log">\n<h2 id="action-log">Action log</h2>\n<p>No actions.</p>\n</section>'
    header = "".join(f'<th scope="col">{label}</th>' for label in ("No", "Action", "Owner", "Due", "Status and updates"))
    rows = "\n".join(_action_row(a) for a in data.action_log)
    return ('<section aria-labelledby="action-log">\n<h2 id="action-log">Action log</h2>\n'
            '<div class="table-region" role="region" aria-labelledby="action-log" tabindex="0">\n'
            f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</div>\n</section>")


def render_board_paper_html(data: BoardPaperData, *, logo_alt: str = "") -> str:
    """The whole page; the logo only with its alt text (a setting), otherwise left out."""
    title = _title(data)
    minutes = data.kind == "minutes"
    parts = [masthead(data.office_name, data.logo_png, logo_alt), "<main>", demonstration_notice(data.demonstration),
             f'<h1><bdi>{text(data.board_name)}</bdi>: {text(title)}</h1>',
             _meeting_line(data)]
    if minutes:
        parts.append(_attendance(data))
    items = "\n".join(_item(item, minutes, n) for n, item in enumerate(data.items, start=1))
    parts.append(f'<section aria-labelledby="items">\n<h2 id="items">Items</h2>\n'
                 f"{items or '<p>No items.</p>'}\n</section>")
    if minutes:
        parts.append(_action_log(data))
    parts.append("</main>")
    return page(f"{title}: {data.board_name} – {data.meeting_line}", "\n".join(p for p in parts if p))
