"""The demonstration office's versions of seed 001 (Hard Yards letter) and seed 002 (#29536 response).

Used by `tools/seed_letters.py` (PDFs and PNGs to set beside the seeds) and by the tests that check
every element of the seeds is there, in the same order.
"""

from __future__ import annotations

from datetime import date

from ..domain.letter_records import HOME_SECRETARY, PUBLISHED_RESPONSE
from ..letters.documents import RenderedPdf, render_pdf
from .demo_letters import DEMO_PASSPHRASE
from .office import Office

HARD_YARDS_TITLE = "The Hard Yards – Police-to-Police Collaboration"
HARD_YARDS_LETTER_DATE = date(2020, 9, 11)
SOC_REFERENCE = "29536"
SOC_RESPONSE_DATE = date(2023, 12, 21)  # the day the demonstration's response to #29536 was published


def seed_001_letter(office: Office, *, signed: bool = True) -> RenderedPdf:
    """The Hard Yards letter to the Home Secretary, dated 11 September 2020, signed by the demo signatory."""
    inspection_id = office.inspections.find(HARD_YARDS_TITLE).saved_id
    desk = office.letter_desk
    if signed:
        signer = next(s for s in office.signatories.list() if s.name == "Ray Bisby")
        approval = desk.approve(inspection_id, HOME_SECRETARY, HARD_YARDS_LETTER_DATE, None, signer.id,
                                DEMO_PASSPHRASE, anyway_reason="Demonstration: the 2020 letter as it was sent")
        return render_pdf(approval.document)
    return render_pdf(desk.document(inspection_id, HOME_SECRETARY, HARD_YARDS_LETTER_DATE))


def seed_002_response(office: Office) -> RenderedPdf:
    """The published response to #29536 in the office's template (the seed itself is unsigned)."""
    inspection_id = office.inspections.find(SOC_REFERENCE).saved_id
    document = office.letter_desk.document(inspection_id, PUBLISHED_RESPONSE, SOC_RESPONSE_DATE)
    return render_pdf(document)
