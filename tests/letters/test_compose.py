"""compose_home_secretary_letter: the words of the s.55 letter, worked out from an inspection and settings."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose import compose_home_secretary_letter, display_reference
from opcc_desktop.letters.letter_data import AppendixEntry, LetterData

LETTER_DATE = date(2020, 9, 11)

SETTINGS = {
    "office_name": "Office of the Police and Crime Commissioner",
    "office_address": "PO Box 688\n\n  PE29 9LA  \n",
    "office_telephone": "0300 333 3456",
    "office_email": "cambs-pcc@example.police.uk",
    "office_web": "",
    "force_name": "Cambridgeshire Constabulary",
    "commissioner_name": "Ray Bisby",
    "commissioner_title": "Acting Police and Crime Commissioner",
    "home_secretary_name": "Priti Patel",
    "salutation": "Dear Priti",
    "home_office_address": "Home Office\n2 Marsham Street\nLondon\nSW1P 4DF",
    "hmicfrs_copy_address": "PCC@hmic.gsi.gov.uk",
    "date_style": "ordinal",
}


def _finding(kind: str = vocab.RECOMMENDATION, **kw) -> Finding:
    kw.setdefault("text", "The force should do better.")
    return Finding(kind=kind, **kw)


def _inspection(findings=(), **kw) -> Inspection:
    kw.setdefault("title", "The Hard Yards – Police-to-Police Collaboration")
    kw.setdefault("type", "PEEL spotlight report")
    kw.setdefault("published", date(2020, 7, 21))
    kw.setdefault("pcc_comments", "First paragraph.\n\n  Second paragraph,\nsame paragraph.  \n\n\n \n")
    return Inspection(findings=tuple(findings), **kw)


def test_recipient_block_names_the_home_secretary_then_the_address():
    letter = compose_home_secretary_letter(_inspection(), SETTINGS, LETTER_DATE)
    assert letter.recipient_lines == (
        "Rt Hon Priti Patel MP", "Home Secretary", "Home Office", "2 Marsham Street", "London", "SW1P 4DF",
    )


def test_recipient_without_a_name_is_the_office_not_an_empty_rt_hon():
    settings = {**SETTINGS, "home_secretary_name": "  "}
    letter = compose_home_secretary_letter(_inspection(), settings, LETTER_DATE)
    assert letter.recipient_lines[0] == "The Home Secretary"
    assert not any("Rt Hon" in line or " MP" in line for line in letter.recipient_lines)
    assert letter.recipient_lines[1:] == ("Home Office", "2 Marsham Street", "London", "SW1P 4DF")


def test_missing_and_blank_settings_fall_back_to_defaults():
    letter = compose_home_secretary_letter(_inspection(), {"salutation": ""}, LETTER_DATE)
    assert letter.office_name == vocab.DEFAULT_SETTINGS["office_name"]
    assert letter.salutation == "Dear Home Secretary"
    assert letter.signatory_title == "Police and Crime Commissioner"
    assert letter.recipient_lines == ("The Home Secretary", "Home Office", "2 Marsham Street", "London", "SW1P 4DF")
    assert letter.office_address_lines == ()
    assert letter.office_contact_lines == ()
    assert letter.date_style == "ordinal"


def test_office_address_and_contact_lines():
    letter = compose_home_secretary_letter(_inspection(), SETTINGS, LETTER_DATE)
    assert letter.office_address_lines == ("PO Box 688", "PE29 9LA")
    assert letter.office_contact_lines == ("Tel: 0300 333 3456", "Email: cambs-pcc@example.police.uk")
    web = compose_home_secretary_letter(_inspection(), {**SETTINGS, "office_web": "@PCCCambs"}, LETTER_DATE)
    assert web.office_contact_lines[-1] == "Web: @PCCCambs"


def test_subject_quotes_the_title_and_appends_the_reference():
    letter = compose_home_secretary_letter(_inspection(), SETTINGS, LETTER_DATE)
    assert letter.subject == (
        "Response to HMICFRS PEEL spotlight report: “The Hard Yards – Police-to-Police Collaboration”"
    )
    with_ref = compose_home_secretary_letter(_inspection(reference="29550"), SETTINGS, LETTER_DATE)
    assert with_ref.subject.endswith("Collaboration” (HMICFRS reference 29550)")
    assert "#" not in with_ref.subject


def test_opening_cites_section_55_with_title_and_publication_date():
    letter = compose_home_secretary_letter(_inspection(), SETTINGS, LETTER_DATE)
    assert letter.opening_paragraph == (
        "Under section 55 of the Police Act 1996, as Acting Police and Crime Commissioner I am pleased to "
        "provide my formal response to HMICFRS’s report entitled “The Hard Yards – Police-to-Police "
        "Collaboration”, published on 21st July 2020."
    )
    assert "33" not in letter.opening_paragraph


def test_plain_date_style_is_carried_and_used_in_the_opening():
    letter = compose_home_secretary_letter(_inspection(), {**SETTINGS, "date_style": "plain"}, LETTER_DATE)
    assert letter.date_style == "plain"
    assert "published on 21 July 2020." in letter.opening_paragraph
    odd = compose_home_secretary_letter(_inspection(), {**SETTINGS, "date_style": "roman"}, LETTER_DATE)
    assert odd.date_style == "ordinal"


def test_body_is_pcc_comments_split_on_blank_lines_plus_appendix_pointer():
    letter = compose_home_secretary_letter(_inspection([_finding(), _finding()]), SETTINGS, LETTER_DATE)
    assert letter.body_paragraphs == (
        "First paragraph.",
        "Second paragraph,\nsame paragraph.",
        "The HMICFRS recommendations, with the force’s response, are set out in Appendix\u00a01.",
    )


def test_no_findings_means_no_appendix_pointer_and_no_appendix():
    letter = compose_home_secretary_letter(_inspection(pcc_comments=""), SETTINGS, LETTER_DATE)
    assert letter.body_paragraphs == ()
    assert letter.appendix_entries == ()


@pytest.mark.parametrize(
    ("kinds", "sentence", "title"),
    [
        ([vocab.RECOMMENDATION], "The HMICFRS recommendation, with the force’s response, is set out",
         "HMICFRS recommendations and force response"),
        ([vocab.AREA_FOR_IMPROVEMENT] * 2, "The HMICFRS areas for improvement, with the force’s response, are",
         "HMICFRS areas for improvement and force response"),
        ([vocab.AREA_FOR_IMPROVEMENT, vocab.RECOMMENDATION, vocab.CAUSE_OF_CONCERN, vocab.RECOMMENDATION],
         "The HMICFRS recommendations, area for improvement and cause of concern, with",
         "HMICFRS findings and force response"),
    ],
)
def test_appendix_wording_follows_the_kinds_present(kinds, sentence, title):
    letter = compose_home_secretary_letter(_inspection([_finding(k) for k in kinds]), SETTINGS, LETTER_DATE)
    assert letter.body_paragraphs[-1].startswith(sentence)
    assert letter.appendix_title == title


def test_signatory_and_cc():
    letter = compose_home_secretary_letter(_inspection(), SETTINGS, LETTER_DATE)
    assert (letter.signatory_name, letter.signatory_title) == ("Ray Bisby", "Acting Police and Crime Commissioner")
    assert letter.cc_lines == ("cc PCC@hmic.gsi.gov.uk",)
    default = compose_home_secretary_letter(_inspection(), {**SETTINGS, "hmicfrs_copy_address": ""}, LETTER_DATE)
    assert default.cc_lines == ("cc HM Inspectorate of Constabulary and Fire & Rescue Services",)


def test_appendix_entries_follow_findings_in_order():
    findings = [
        _finding(vocab.RECOMMENDATION, reference="1.0", text=" First text ", level="National",
                 force_response="Force says one.", pcc_response=""),
        _finding(vocab.AREA_FOR_IMPROVEMENT, reference="29550", text="Second text",
                 force_response="", pcc_response="I will monitor."),
        _finding(vocab.ACCELERATED_CAUSE_OF_CONCERN, reference="", text="Third text"),
    ]
    letter = compose_home_secretary_letter(_inspection(findings), SETTINGS, LETTER_DATE)
    assert letter.appendix_entries == (
        AppendixEntry("1.0", "Recommendation", "National", "First text", "Force says one.", ""),
        AppendixEntry("#29550", "Area for improvement", "", "Second text", "", "I will monitor."),
        AppendixEntry("", "Accelerated cause of concern", "", "Third text", "", ""),
    )


@pytest.mark.parametrize(
    ("given", "shown"), [("1.0", "1.0"), ("29550", "#29550"), (" 7 ", "#7"), ("R3", "R3"), ("", "")]
)
def test_display_reference(given, shown):
    assert display_reference(given) == shown


def test_pdf_metadata_and_dates():
    letter = compose_home_secretary_letter(_inspection(), SETTINGS, LETTER_DATE)
    assert isinstance(letter, LetterData)
    assert letter.letter_date == LETTER_DATE
    assert letter.pdf_title == letter.subject
    assert letter.pdf_author == "Office of the Police and Crime Commissioner"
    assert letter.pdf_subject == "Section 55 response: The Hard Yards – Police-to-Police Collaboration"


def test_letters_package_imports_no_qt_and_no_sqlite():
    code = (
        "import sys\n"
        "import opcc_desktop.letters.compose, opcc_desktop.letters.render\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'sqlite3', '_sqlite3',"
        " 'sqlite_utils')))\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", code], cwd=root, check=False, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_subject_names_the_report_not_its_type_code_and_levels_read_as_words():
    from dataclasses import replace as _replace

    from opcc_desktop.domain import vocabulary as vocab
    from opcc_desktop.domain.models import Finding

    coded = _replace(_inspection(), type="Force-specific", findings=(
        Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="A1", level="2", text="Analysts.", force_response="Yes."),))
    letter = compose_home_secretary_letter(coded, SETTINGS, LETTER_DATE)
    assert letter.subject.startswith("Response to HMICFRS report: “") and "Force-specific" not in letter.subject
    assert letter.appendix_entries[0].level == "Level 2"
