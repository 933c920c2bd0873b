"""The published response pairs each finding with its labelled responses (s.55(5)/(5B)); read back with pypdf."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose_response import compose_published_response
from opcc_desktop.letters.documents import render_pdf
from opcc_desktop.letters.response_pairing import (
    COMMISSIONER_RESPONSE,
    FORCE_RESPONSE,
    NO_RESPONSE,
    level_label,
    pair_responses,
)

SETTINGS = {"office_name": "Cumbria Office of Police Fire and Crime Commissioner",
            "commissioner_short_title": "PFCC", "commissioner_name": "Peter McCall",
            "commissioner_title": "Police, Fire and Crime Commissioner for Cumbria"}


def inspection() -> Inspection:
    findings = (
        Finding(kind=vocab.RECOMMENDATION, reference="R1", text="By March, the force should fix triage.",
                force_response="Triage now runs daily.", pcc_response="I will hold the chief to account.",
                position=0),
        Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="29550", level="2", text="Analytical capacity is short.",
                force_response="Two analysts recruited.", position=1),
        Finding(kind=vocab.CAUSE_OF_CONCERN, reference="C1", text="Calls go unanswered.",
                pcc_response="Commissioner only.", position=2),
        Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="29551", level="Level 3", text="Unanswered AFI.",
                position=3),
    )
    return Inspection(title="PEEL 2023", type="PEEL", published=date(2023, 11, 10), reference="29536",
                      pcc_comments="General comments.", findings=findings)


def test_each_finding_is_followed_by_its_labelled_responses_in_report_order():
    doc = pair_responses(inspection(), SETTINGS, date(2023, 12, 20))
    assert [s.reference for s in doc.sections] == ["R1", "#29550", "C1", "#29551"]
    assert doc.sections[0].responses == ((FORCE_RESPONSE, "Triage now runs daily."),
                                         (COMMISSIONER_RESPONSE, "I will hold the chief to account."))
    assert doc.sections[1].level_label == "Level 2"
    assert doc.sections[2].responses == ((COMMISSIONER_RESPONSE, "Commissioner only."),)
    assert doc.sections[3].responses == ()
    assert doc.comments == ("General comments.",)
    assert ("Date of this response", "20 December 2023") in doc.details


def test_report_order_follows_the_saved_position_not_the_tuple_order():
    base = inspection()
    shuffled = Inspection(**{**base.__dict__, "findings": tuple(reversed(base.findings))})
    doc = pair_responses(shuffled, SETTINGS, date(2023, 12, 20))
    assert [s.reference for s in doc.sections] == ["R1", "#29550", "C1", "#29551"]


def test_levels_print_as_words():
    assert [level_label(x) for x in ("2", " L2", "level 3", "LEVEL 4", "", "High")] == [
        "Level 2", "Level 2", "Level 3", "Level 4", "", "High"]


def test_pdf_pairs_every_response_with_its_finding_and_is_dated():
    sheet = compose_published_response(inspection(), SETTINGS, None, date(2023, 12, 20))
    text = " ".join(" ".join(p.extract_text().split())
                    for p in PdfReader(io.BytesIO(render_pdf(sheet).data)).pages)
    order = ["General comments.",
             "By March, the force should fix triage.", "Force response", "Triage now runs daily.",
             "Commissioner’s response", "I will hold the chief to account.",
             "Area for improvement", "#29550", "Level 2", "Analytical capacity is short.", "Force response",
             "Two analysts recruited.",
             "Calls go unanswered.", "Commissioner’s response", "Commissioner only.",
             "Unanswered AFI.", NO_RESPONSE]
    at = 0
    for item in order:
        found = text.find(item, at)
        assert found >= 0, f"{item!r} missing after position {at}"
        at = found + len(item)
    assert "Date of this response: 20 December 2023" in text
    assert "Police, Fire and Crime Commissioner for Cumbria 20 December 2023" in text  # dated under the signature
    assert "#29550 2 " not in text  # a bare level number never prints
