"""The published response (office template) and the HMICFRS copy, read back with pypdf."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from pypdf import PdfReader

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose import compose_home_secretary_letter
from opcc_desktop.letters.compose_response import compose_published_response
from opcc_desktop.letters.documents import render_pdf

CUMBRIA = {
    "office_name": "Cumbria Office of Police Fire and Crime Commissioner",
    "commissioner_title": "Police, Fire and Crime Commissioner for Cumbria",
    "commissioner_short_title": "PFCC",
    "force_name": "Cumbria Constabulary",
    "hmicfrs_copy_address": "HMICFRS, 23 Stephenson Street, Birmingham B2 4BH",
}


def norm(text: str) -> str:
    return " ".join(text.split())


def texts(pdf: bytes) -> list[str]:
    return [norm(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def soc(response: str = "I welcome the inspection.", **kw) -> Inspection:
    findings = tuple(
        Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference=ref, level="Level 3", text=text,
                force_response=f"Force answer {ref}.")
        for ref, text in (("29550", "There isn’t enough analytical capacity."),
                          ("29551", "Improve the quality of its 4P plans."))
    )
    kw.setdefault("findings", findings)
    kw.setdefault("key_findings", "HMICFRS inspected how well police forces tackle SOC.\n- Regional findings")
    return Inspection(title="An inspection of the north-west regional response to serious and organised crime",
                      type="National Thematic", published=date(2023, 11, 10), reference="29536",
                      pcc_comments=response, **kw)


def test_sections_appear_in_the_template_order():
    sheet = compose_published_response(soc(), CUMBRIA)
    text = " ".join(texts(render_pdf(sheet).data))
    order = [
        "Cumbria Office of Police Fire and Crime Commissioner",
        "Police, Fire and Crime Commissioner for Cumbria (PFCC) response to inspections of Cumbria Constabulary",
        "Section 55 of the Police Act 1996",
        "Inspection title:", "#29536 – An inspection of the north-west regional response",
        "Date published:", "10/11/2023",
        "Type of inspection:", "National Thematic",
        "Key findings:", "HMICFRS inspected how well",
        "PFCC & Constabulary response to the report:", "I welcome the inspection.",
        "Areas for improvement, each followed by the responses to it",
        "#29550", "Level 3", "There isn’t enough analytical capacity.", "Force response", "Force answer 29550.",
        "#29551", "Level 3", "Improve the quality of its 4P plans.", "Force response", "Force answer 29551.",
    ]
    at = 0
    for item in order:  # each after the one before it
        found = text.find(item, at)
        assert found >= 0, f"{item!r} missing after position {at}"
        at = found + len(item)
    assert "Section 33" not in text  # the seeds' drafting error is not copied


def test_a_3000_word_response_splits_across_pages_with_page_numbers():
    words = " ".join(f"word{n}" for n in range(3000))
    sheet = compose_published_response(soc(response=words), CUMBRIA)
    rendered = render_pdf(sheet)
    pages = texts(rendered.data)
    assert rendered.pages == len(pages) >= 3
    joined = " ".join(pages)
    assert all(f"word{n}" in joined for n in (0, 1500, 2999))
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
    assert all("#29536" in page for page in pages[1:])  # continuation header


def test_markup_characters_are_printed_literally():
    nasty = "<b>not bold</b> & <font color='red'>red?</font> =SUM(1) Croeso i Gymru שלום"
    sheet = compose_published_response(soc(response=nasty, key_findings=nasty), CUMBRIA)
    text = " ".join(texts(render_pdf(sheet).data))
    assert "<b>not bold</b> & <font color='red'>red?</font> =SUM(1)" in text


def test_draft_is_marked_and_signed_is_not():
    sheet = compose_published_response(soc(), CUMBRIA)
    assert "DRAFT – NOT SIGNED" in texts(render_pdf(sheet).data)[0]
    signed = replace(sheet, draft=False, signature_png=None)
    assert "DRAFT" not in " ".join(texts(render_pdf(signed).data))


def test_very_long_findings_in_the_letter_appendix_repeat_the_header_row():
    long_text = " ".join(f"finding{n}" for n in range(2500))
    inspection = soc(findings=(Finding(kind=vocab.RECOMMENDATION, reference="1.0", text=long_text,
                                       force_response=long_text),))
    rendered = render_pdf(compose_home_secretary_letter(inspection, CUMBRIA, date(2023, 12, 21)))
    pages = texts(rendered.data)
    appendix_pages = [p for p in pages if "finding1" in p or "finding2499" in p]
    assert len(appendix_pages) >= 2
    assert all("Ref Kind Finding Force response" in p for p in appendix_pages)
    assert "Yours sincerely" in " ".join(pages)
