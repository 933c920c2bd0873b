"""The demonstration office reproduces seed 001 (Hard Yards letter) and seed 002 (#29536 response):
every element of the seed is in the PDF, in the seed's order (read back with pypdf)."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from opcc_desktop.services.office import Office
from opcc_desktop.services.seed_documents import seed_001_letter, seed_002_response


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    office = Office.open(tmp_path_factory.mktemp("seeds") / "office.sqlite3")
    office.load_demo(date(2026, 11, 22))
    yield office
    office.close()


def text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def assert_in_order(haystack: str, needles: list[str]) -> None:
    """Each element is found after the one before it."""
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        assert found != -1, f"{needle!r} missing, or not after the element before it"
        at = found + len(needle)


SEED_001 = [
    # Letterhead: office, PO Box, postcode, telephone, e-mail, Twitter
    "Office of the Police and Crime Commissioner", "PO Box 688", "PE29 9LA", "0300 333 3456",
    "Cambs-pcc@cambs.pnn.police.uk", "@PCCCambs",
    # Addressee block
    "Rt Hon Priti Patel MP", "Home Secretary", "2 Marsham Street", "London", "SW1P 4DF",
    "11th September 2020", "Dear",
    "Response to HMICFRS PEEL spotlight report: “The Hard Yards – Police-to-Police Collaboration”",
    "Under section 55 of the Police Act 1996, as Acting Police and Crime Commissioner",
    "Both the Chief Constable and I welcome the publication",
    "The Constabulary is part of the Seven Force Strategic Alliance (7F)",
    "The constabulary have indicated that they will await further information",
    "The HMICFRS recommendations and constabulary response are attached in Appendix 1",
    "Yours sincerely", "Ray Bisby",
    "Acting Police and Crime Commissioner for Cambridgeshire and Peterborough", "cc ",
    "Appendix 1", "HMICFRS recommendations", "1.0",
    "By March 2021, the NPCC lead, the College of Policing and the Home Office should work together",
    "The Constabulary will await further information on a central repository", "2.0",
    "identify a methodology that supports forces in tracking benefits",
    "The force will await further information on the methodology",
]

SEED_002 = [
    "Office of the Police and Crime Commissioner",
    "(PCC) response to inspections of Cambridgeshire Constabulary published by His Majesty’s Inspectorate",
    "requires local policing bodies to respond to recommendations in inspectors’ reports within 56 days",
    "Inspection title:", "#29536 – An inspection of the north-west regional response to serious and organised crime",
    "Date published:", "10/11/2023", "Type of inspection:", "Key findings:",
    "As part of HMICFRS’ police effectiveness, efficiency, and legitimacy inspections",
    "The report includes sections on the following:", "- Regional findings",
    "The forces in this report are Cheshire, Cumbria",
    "PCC & Constabulary response to the report:",
    "I welcome the inspection by His Majesty’s Inspectorate",
    "'County Lines', drugs supply", "the 1CLIC program",
    "From discussions with Chief Constable Rob Carden, he has stated the following:",
    # Each area for improvement, then the force's answer to it under its own label.
    "Areas for improvement, each followed by the responses to it",
    "#29550", "Level 3", "There isn’t enough analytical capacity", "Force response",
    "invested nearly £400,000",
    "#29551", "Level 3", "Cumbria Constabulary should improve the quality of its 4P plans", "Force response",
    "(Prepare, Prevent, Protect & Pursue)",
    "#29552", "Level 3", "Cumbria Constabulary should make sure it has enough resources", "Force response",
    "backlog in the Economic Crime Unit (ECU)",
]


def test_seed_001_hard_yards_letter(office):
    pdf = seed_001_letter(office)
    content = text(pdf.data)
    assert_in_order(content, SEED_001)
    assert "DRAFT" not in content  # signed by the demo signatory
    reader = PdfReader(io.BytesIO(pdf.data))
    assert sum(len(page.images) for page in reader.pages) == 1  # the handwritten signature


def test_seed_002_published_response(office):
    content = text(seed_002_response(office).data)
    assert_in_order(content, SEED_002)
    assert "Section 33" not in content
