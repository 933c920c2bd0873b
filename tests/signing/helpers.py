"""A small real office (temp SQLite file): settings, one inspection, the commissioner and a deputy."""

from __future__ import annotations

import io
from datetime import date

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.services.office import Office

TODAY = date(2026, 11, 22)
PASSPHRASE = "correct horse battery"


def _png() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (120, 40), (255, 255, 255, 0))
    ImageDraw.Draw(image).line((5, 30, 40, 8, 80, 32, 115, 10), fill=(20, 30, 90, 255), width=3)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


PNG = _png()
SETTINGS = {"office_name": "Cumbria Office of the Police, Fire and Crime Commissioner",
            "office_address": "Carleton Hall\nPenrith\nCA10 2AU", "commissioner_name": "Peter McCall",
            "commissioner_title": "Police, Fire and Crime Commissioner for Cumbria", "commissioner_short_title": "PFCC",
            "force_name": "Cumbria Constabulary", "home_secretary_name": "Shabana Mahmood",
            "home_secretary_confirmed_on": "2026-10-01"}


def inspection(**changes) -> Inspection:
    base = {"title": "PEEL 2025: an inspection of Cumbria Constabulary", "type": "PEEL", "published": date(2026, 10, 1),
                "reference": "30001", "pcc_comments": "I welcome the report.", "findings": (
                    Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix triage.", force_response="Done."),
                    Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="A1", text="Analysts.",
                            force_response="Recruited."))}
    base.update(changes)
    return Inspection(**base)


def make_office(path, **inspection_changes) -> tuple[Office, int, int, int]:
    """(office, inspection id, commissioner's signatory id, deputy's signatory id)."""
    office = Office.open(path)
    office.settings.update(SETTINGS)
    inspection_id, _ = office.inspections.save(inspection(**inspection_changes))
    commissioner, _ = office.signatories.add("Peter McCall", "PFCC for Cumbria", PNG, PASSPHRASE, PASSPHRASE)
    deputy, _ = office.signatories.add("Jane Deputy", "Chief Executive", PNG, PASSPHRASE, PASSPHRASE)
    return office, inspection_id, commissioner, deputy
