"""The published response's web page from the sheet the PDF prints (its `PairedDocument`) and the settings."""

from __future__ import annotations

from collections.abc import Mapping

from opcc_desktop.letters.compose import setting_reader
from opcc_desktop.letters.letter_data import ResponseSheetData
from opcc_desktop.letters.response_html import render_response_html


def response_web_page(sheet: ResponseSheetData, settings: Mapping[str, str]) -> str:
    """The web page: the same words as the PDF; the logo only when the office has described it (alt text)."""
    office = sheet.paired.office_name
    title = f"{sheet.pdf_title} – {office}" if office else sheet.pdf_title
    return render_response_html(sheet.paired, document_title=title, logo_png=sheet.logo_png,
                                logo_alt=setting_reader(settings)("logo_alt_text"), demonstration=sheet.demonstration)
