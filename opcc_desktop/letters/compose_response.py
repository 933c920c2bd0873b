"""The published response in the office's template (seeds S0 and S2). It is also the HMICFRS copy (s.55(6)).

The content is `response_pairing.pair_responses`: each finding in report order followed by its labelled
responses. This module adds how it is issued (who signs, the PDF's properties).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from opcc_desktop.domain.models import Inspection
from opcc_desktop.letters.compose import setting_reader, split_paragraphs
from opcc_desktop.letters.letter_data import ResponseSheetData
from opcc_desktop.letters.response_pairing import STATUTORY_TEXT, pair_responses

__all__ = ["STATUTORY_TEXT", "compose_published_response", "default_response_body"]


def default_response_body(inspection: Inspection) -> str:
    """The commissioner's general comments; each finding's responses are printed beside that finding."""
    return "\n\n".join(split_paragraphs(inspection.pcc_comments))


def compose_published_response(inspection: Inspection, settings: Mapping[str, str], body_text: str | None = None,
                               response_date: date | None = None) -> ResponseSheetData:
    """`response_date` is printed as the response's date (default: the report's publication date)."""
    setting = setting_reader(settings)
    paired = pair_responses(inspection, settings, response_date or inspection.published,
                            default_response_body(inspection) if body_text is None else body_text)
    short = setting("commissioner_short_title")
    return ResponseSheetData(
        paired=paired,
        signatory_name=paired.signatory_name,
        signatory_title=paired.signatory_title,
        pdf_title=f"{short} response: {paired.report_title}",
        pdf_author=paired.office_name,
        pdf_subject=f"Published response under section 55 of the Police Act 1996: {paired.report_title}",
    )
