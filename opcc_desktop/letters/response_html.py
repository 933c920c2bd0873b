"""The published response as an accessible web page (one self-contained `.html` file, no scripts).

One `<h1>`; the report's details as a description list; each recommendation, AFI and cause of concern
its own `<section>` whose `<h3>` names its kind and reference, with its responses under labelled `<h4>`
sub-headings ("Force response", "Commissioner's response"); dates in `<time>`. Pure: stdlib only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opcc_desktop.letters.html_page import lines_as_blocks, masthead, page, paragraphs, text, time_element


@dataclass(frozen=True)
class WebAnswer:
    """One labelled response to a finding ("Force response", "Commissioner's response")."""

    label: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class WebFinding:
    kind_label: str  # "Area for improvement"
    reference: str  # "#29550", "" when the report gave none
    level: str  # "Level 3", "" when none
    text: str
    answers: tuple[WebAnswer, ...]


@dataclass(frozen=True)
class WebResponseData:
    """Everything the web page prints. Literal text only, never markup."""

    document_title: str
    office_name: str
    heading: str
    statutory_text: str
    inspection_title: str
    inspection_reference: str
    published: date | None
    inspection_type: str
    key_findings: tuple[str, ...]
    findings_heading: str
    findings: tuple[WebFinding, ...]
    comments_heading: str
    comments: tuple[str, ...]
    signatory_name: str
    signatory_title: str
    response_date: date | None
    logo_png: bytes | None = None
    logo_alt: str = ""


def _details(data: WebResponseData) -> str:
    rows = [("Inspection title", f'<span dir="auto">{text(data.inspection_title)}</span>')]
    if data.inspection_reference:
        rows.append(("HMICFRS reference", text(data.inspection_reference)))
    rows.append(("Date published", time_element(data.published) if data.published else "Not recorded"))
    if data.inspection_type:
        rows.append(("Type of inspection", f'<span dir="auto">{text(data.inspection_type)}</span>'))
    items = "\n".join(f"<dt>{label}</dt>\n<dd>{value}</dd>" for label, value in rows)
    return (f'<section aria-labelledby="report-details">\n<h2 id="report-details">Report details</h2>\n'
            f'<dl class="details">\n{items}\n</dl>\n</section>')


def finding_heading(finding: WebFinding) -> str:
    """"Area for improvement #29550 (Level 3)": kind and reference, user parts isolated with `<bdi>`."""
    parts = [text(finding.kind_label)]
    if finding.reference:
        parts.append(f"<bdi>{text(finding.reference)}</bdi>")
    heading = " ".join(parts)
    if finding.level:
        heading += f" (<bdi>{text(finding.level)}</bdi>)"
    return heading


def _finding(finding: WebFinding, number: int) -> str:
    anchor = f"finding-{number}"
    body = [f'<p dir="auto" class="finding-text">{text(finding.text)}</p>']
    for answer in finding.answers:
        body.append(f"<h4>{text(answer.label)}</h4>")
        body.append(paragraphs(answer.paragraphs) if answer.paragraphs
                    else '<p class="none">No response recorded.</p>')
    if not finding.answers:
        body.append('<p class="none">No response recorded.</p>')
    joined = "\n".join(body)
    return (f'<section class="finding" aria-labelledby="{anchor}">\n'
            f'<h3 id="{anchor}">{finding_heading(finding)}</h3>\n{joined}\n</section>')


def _findings(data: WebResponseData) -> str:
    if not data.findings:
        return ""
    inner = "\n".join(_finding(f, n) for n, f in enumerate(data.findings, start=1))
    return (f'<section aria-labelledby="findings">\n<h2 id="findings">{text(data.findings_heading)}</h2>\n'
            f"{inner}\n</section>")


def _signoff(data: WebResponseData) -> str:
    lines = []
    if data.signatory_name:
        lines.append(f'<p dir="auto"><strong>{text(data.signatory_name)}</strong></p>')
    if data.signatory_title:
        lines.append(f'<p dir="auto">{text(data.signatory_title)}</p>')
    if data.response_date:
        lines.append(f"<p>Date of response: {time_element(data.response_date, _long_date(data.response_date))}</p>")
    return '<footer class="signoff">\n' + "\n".join(lines) + "\n</footer>" if lines else ""


def _long_date(day: date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"


def render_response_html(data: WebResponseData) -> str:
    """The whole page as a string (UTF-8 when written)."""
    parts = [masthead(data.office_name, data.logo_png, data.logo_alt), "<main>",
             f'<h1 dir="auto">{text(data.heading)}</h1>']
    if data.statutory_text:
        parts.append(paragraphs([data.statutory_text], "statute"))
    parts.append(_details(data))
    if data.key_findings:
        parts.append(f'<section aria-labelledby="key-findings">\n<h2 id="key-findings">Key findings</h2>\n'
                     f"{lines_as_blocks(data.key_findings)}\n</section>")
    parts.append(_findings(data))
    if data.comments:
        parts.append(f'<section aria-labelledby="comments">\n<h2 id="comments" dir="auto">'
                     f"{text(data.comments_heading)}</h2>\n{paragraphs(data.comments)}\n</section>")
    parts += [_signoff(data), "</main>"]
    return page(data.document_title, "\n".join(p for p in parts if p))
