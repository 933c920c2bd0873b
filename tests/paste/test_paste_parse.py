"""Paste to parse on the seed documents' own texts (copied here, so the suite needs nothing outside)."""

from datetime import date

from opcc_desktop.domain.paste_parse import addressees_in, parse_findings, target_date_in

SEED_002 = """
\tAreas for Improvement: \r\n\r\n\t\r\n\
AFI LEVEL 3 #29550 - There isn’t enough analytical capacity in Cumbria Constabulary to fully understand and manage the threat from serious and organised crime. \r\n\r\n\
AFI LEVEL 3 #29551 - Cumbria Constabulary should improve the quality of its 4P plans, how it uses them to disrupt serious and organised crime and how it records disruptions on the national database.\r\n\r\n\
AFI LEVEL 3 #29552 - Cumbria Constabulary should make sure it has enough resources in its economic crime unit to target criminal finances.\r\n\r\n\r\n\
\tPFCC & Constabulary Response to Report and Recommendation:\r\n\r\n\
\tI welcome the inspection by His Majesty’s Inspectorate of Constabulary and Fire and Rescue Service (HMICFRS).
"""

SEED_001 = """Appendix 1

HMICFRS recommendations and constabulary response

- 1.0 By March 2021, the NPCC lead, the College of Policing and the Home Office should work together to establish a central repository for police collaborations.**

Force response: This recommendation is addressed to the NPCC lead, the College of Policing and the Home Office. The Constabulary will await further information on a central repository for police collaborations.

- 2.0 By March 2021, the NPCC lead, the College of Policing and the Home Office should identify a methodology that supports forces in tracking benefits for police collaborations. If forces haven't yet implemented an effective system to track the benefits of their collaborations, they should use the methodology created by the NPCC, the College of Policing and the Home Office.**

Force response: The Constabulary is part of the Seven Force Strategic Alliance (7F) working across the Eastern Region.
"""


def test_seed_afis_with_level_and_reference():
    found = parse_findings(SEED_002)
    assert [(f.kind, f.reference, f.level) for f in found] == [("area for improvement", r, "LEVEL 3")
                                                               for r in ("29550", "29551", "29552")]
    assert found[1].text.startswith("Cumbria Constabulary should improve the quality of its 4P plans")
    assert found[1].text.endswith("on the national database.")
    assert found[0].addressees == () and found[0].target_date is None
    assert "welcome" not in " ".join(f.text for f in found)  # the response paragraph is not a finding


def test_seed_numbered_recommendations_with_target_dates_addressees_and_force_response():
    found = parse_findings(SEED_001)
    assert [(f.kind, f.reference, f.target_date) for f in found] == [
        ("recommendation", "1.0", date(2021, 3, 31)), ("recommendation", "2.0", date(2021, 3, 31))]
    assert found[0].addressees == ("NPCC lead", "College of Policing", "Home Office")
    assert found[0].text.endswith("central repository for police collaborations.")  # ** markers dropped
    assert found[0].force_response.startswith("This recommendation is addressed to the NPCC lead")
    assert found[1].force_response.startswith("The Constabulary is part of the Seven Force")


def test_wrapped_pdf_lines_page_furniture_and_hyphenation_are_joined():
    text = ("Recommendations\n\n1. By 31 March 2022, chief constables should re-\nview their vetting\nprocesses.\n"
            "Page 12 of 40\n\n2 The force should publish its plan.\n\nCause of concern: Call handling is slow.\n"
            "Recommendation 3 - The force should answer 999 calls faster.")
    found = parse_findings(text)
    assert [(f.kind, f.reference) for f in found] == [("recommendation", "1"), ("recommendation", "2"),
                                                      ("cause of concern", ""), ("recommendation", "3")]
    assert found[0].text == "By 31 March 2022, chief constables should review their vetting processes."
    assert found[0].target_date == date(2022, 3, 31) and found[0].addressees == ("Chief constables",)


def test_nothing_recognised_and_hostile_text_kept_literally():
    assert parse_findings("") == [] and parse_findings("Just a paragraph of prose.\n\nAnd another.") == []
    hostile = "AFI #7 - <b>bold</b> & =SUM(A1) Heddlu Dyfed-Powys ŵŷ — שלום مرحبا 🚓\x00"
    [found] = parse_findings(hostile)
    assert found.text == "<b>bold</b> & =SUM(A1) Heddlu Dyfed-Powys ŵŷ — שלום مرحبا 🚓\x00"


def test_a_one_megabyte_paste_parses():
    block = "AFI LEVEL 2 #{n} - The force should improve item {n}.\nIt wraps onto a second line.\n\n"
    text = "".join(block.format(n=n) for n in range(12_000))
    assert len(text) > 1_000_000
    found = parse_findings(text)
    assert len(found) == 12_000 and found[-1].reference == "11999"


def test_dates_and_addressees_helpers():
    assert target_date_in("By February 2024, forces should") == date(2024, 2, 29)
    assert target_date_in("The force should act by 31 February 2024.") is None
    assert addressees_in("The force should act") == ()
    assert addressees_in("If forces haven't acted, they should act") == ()


def test_singular_headings_and_bulleted_lists_as_hmicfrs_reports_print_them():
    text = ("Cause of concern\n\nThe force is not doing enough to safeguard vulnerable people <b>&</b> children.\n\n"
            "Recommendations\n\nWe recommend that, within six months, the force should:\n"
            "• review its safeguarding referrals;\n• train its call handlers.\n\n"
            "Area for improvement\nThe force should improve how it records crime.\n")
    found = parse_findings(text)
    assert [(f.kind, f.text) for f in found] == [
        ("cause of concern", "The force is not doing enough to safeguard vulnerable people <b>&</b> children."),
        ("recommendation", "review its safeguarding referrals;"),
        ("recommendation", "train its call handlers."),
        ("area for improvement", "The force should improve how it records crime."),
    ]
