"""The published response as an accessible web page (one self-contained `.html` file, no scripts).

Laid out from the same `PairedDocument` as the PDF and the Word copy (letters/response_pairing.py), in the
same order: one `<h1>`; the report's details as a description list with dates in `<time>`; key findings;
the commissioner's comments; then each recommendation, AFI and cause of concern as its own `<section>`
whose `<h3>` names its kind and reference, with its responses under labelled `<h4>` sub-headings
("Force response", "Commissioner's response"). Pure: stdlib only.
"""

from __future__ import annotations

from datetime import date

from opcc_desktop.letters.html_page import (
    demonstration_notice,
    lines_as_blocks,
    masthead,
    page,
    paragraphs,
    text,
    time_element,
)
from opcc_desktop.letters.response_pairing import NO_RESPONSE, PairedDocument, PairedSection, split_paragraphs


def _date_value(paired: PairedDocument, value: str) -> str:
    """A detail's value; the publication and response dates as `<time>` elements."""
    dates: dict[str, date | None] = {paired.published_text: paired.published,
                                     paired.response_date_text: paired.response_date}
    day = dates.get(value) if value else None
    if day is not None:
        return time_element(day, value)
    return f'<span dir="auto">{text(value)}</span>'


def _details(paired: PairedDocument) -> str:
    items = "\n".join(f"<dt>{text(label)}</dt>\n<dd>{_date_value(paired, value)}</dd>"
                      for label, value in paired.details)
    return (f'<section aria-labelledby="report-details">\n<h2 id="report-details">Report details</h2>\n'
            f'<dl class="details">\n{items}\n</dl>\n</section>')


def section_heading(section: PairedSection) -> str:
    """"Area for improvement #29550 (Level 3)": the kind, then the user's reference and level in `<bdi>`."""
    heading = text(section.kind_label)
    if section.reference:
        heading += f" <bdi>{text(section.reference)}</bdi>"
    if section.level_label:
        heading += f" (<bdi>{text(section.level_label)}</bdi>)"
    return heading


def _section(section: PairedSection, number: int) -> str:
    anchor = f"finding-{number}"
    body = [f'<p dir="auto" class="finding-text">{text(section.text)}</p>']
    for label, response in section.responses:
        body += [f"<h4>{text(label)}</h4>", paragraphs(split_paragraphs(response))]
    if not section.responses:
        body.append(f'<p class="none">{text(NO_RESPONSE)}</p>')
    joined = "\n".join(body)
    return (f'<section class="finding" aria-labelledby="{anchor}">\n'
            f'<h3 id="{anchor}">{section_heading(section)}</h3>\n{joined}\n</section>')


def _sections(paired: PairedDocument) -> str:
    if not paired.sections:
        return ""
    inner = "\n".join(_section(s, n) for n, s in enumerate(paired.sections, start=1))
    return (f'<section aria-labelledby="findings">\n<h2 id="findings">{text(paired.sections_heading)}</h2>\n'
            f'<p>Each is followed by the responses to it.</p>\n{inner}\n</section>')


def _signoff(paired: PairedDocument) -> str:
    lines = []
    if paired.signatory_name:
        lines.append(f'<p dir="auto"><strong>{text(paired.signatory_name)}</strong></p>')
    if paired.signatory_title:
        lines.append(f'<p dir="auto">{text(paired.signatory_title)}</p>')
    lines.append(f"<p>{time_element(paired.response_date, paired.response_date_text)}</p>")
    return '<footer class="signoff">\n' + "\n".join(lines) + "\n</footer>"


def response_html_fragment(paired: PairedDocument, demonstration: bool = False) -> str:
    """The content alone (from the `<h1>` to the date), to paste into a website's editor."""
    parts = [demonstration_notice(demonstration), f'<h1 dir="auto">{text(paired.heading)}</h1>']
    if paired.statutory_text:
        parts.append(paragraphs([paired.statutory_text], "statute"))
    parts.append(_details(paired))
    if paired.key_findings:
        parts.append(f'<section aria-labelledby="key-findings">\n<h2 id="key-findings">Key findings</h2>\n'
                     f"{lines_as_blocks(paired.key_findings)}\n</section>")
    if paired.comments:
        parts.append(f'<section aria-labelledby="comments">\n<h2 id="comments" dir="auto">'
                     f"{text(paired.comments_heading)}</h2>\n{paragraphs(paired.comments)}\n</section>")
    parts += [_sections(paired), _signoff(paired)]
    return "\n".join(p for p in parts if p)


def render_response_html(paired: PairedDocument, *, document_title: str, logo_png: bytes | None = None,
                         logo_alt: str = "", demonstration: bool = False) -> str:
    """The whole page as a string (UTF-8 when written). The logo is shown only with its alt text."""
    content = response_html_fragment(paired, demonstration)
    body = f"{masthead(paired.office_name, logo_png, logo_alt)}\n<main>\n{content}\n</main>"
    return page(document_title, body)
