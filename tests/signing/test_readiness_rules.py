"""The readiness check: every blocking rule and every warning rule, as plain sentences (pure, no storage)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.letter_readiness import (
    SignerFacts,
    check_readiness,
    name_key,
    normalise_name,
)
from opcc_desktop.domain.models import Finding, Inspection

TODAY = date(2026, 11, 22)
SETTINGS = {"office_name": "Cumbria OPFCC", "office_address": "Carleton Hall\nPenrith", "commissioner_name": "Peter McCall",
            "home_secretary_name": "Shabana Mahmood", "home_secretary_confirmed_on": "2026-10-01"}


def good() -> Inspection:
    return Inspection(title="PEEL 2025", type="PEEL", published=date(2026, 10, 1), reference="30001",
                      pcc_comments="I welcome the report.", findings=(
                          Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix triage.",
                                  force_response="Done."),
                          Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="A1", text="Analysts.",
                                  pcc_response="Funded."),
                      ))


def check(inspection=None, settings=None, kind="home_secretary", letter_date=date(2026, 11, 1),
          comments="I welcome the report.", signer=None):
    return check_readiness(inspection or good(), SETTINGS if settings is None else settings, kind, letter_date,
                           comments, TODAY, signer)


def test_a_complete_letter_is_ready_with_nothing_to_say():
    result = check(signer=SignerFacts("Peter McCall"))
    assert result.ready and result.blocking == () and result.warnings == ()
    assert result.as_json() == {"ready": True, "blocking": [], "warnings": []}


def test_a_recommendation_without_any_response_blocks():
    inspection = replace(good(), findings=(Finding(kind=vocab.RECOMMENDATION, reference="R1", text="Fix."),))
    result = check(inspection)
    assert not result.ready
    assert result.blocking == (("Recommendation R1 has no response from the force or the commissioner. "
                               "Section 55 requires every recommendation to be answered."),)


def test_a_letter_dated_before_publication_blocks():
    result = check(letter_date=date(2026, 9, 30))
    assert result.blocking == ("The document is dated 30/09/2026, before the report was published on 01/10/2026.",)
    assert check(letter_date=date(2026, 10, 1)).ready  # the day of publication is fine


def test_missing_office_name_address_or_commissioner_blocks():
    result = check(settings={**SETTINGS, "office_name": " ", "office_address": "", "commissioner_name": ""})
    assert [b.split(".")[0] for b in result.blocking] == [
        "The office has no name", "The office has no postal address", "The commissioner's name is not set"]


def test_a_signatory_who_is_not_the_commissioner_needs_authority():
    refused = check(signer=SignerFacts("Jane Deputy"))
    assert refused.blocking == (("Jane Deputy is not the commissioner named in the office settings (Peter McCall) "
                                "and is not marked as authorised to sign on their behalf."),)
    assert check(signer=SignerFacts("Jane Deputy", authorised_for_commissioner=True)).ready
    assert check(signer=SignerFacts("peter  MCCALL\u200b")).ready  # the same person, however typed


def test_s55_not_applying_or_unclear_warns():
    no = check(replace(good(), s55_applies="no"))
    unclear = check(replace(good(), s55_applies="unclear"))
    assert no.ready and no.warnings == (("Section 55 does not apply to this report, but the document is a formal "
                                        "response under section 55."),)
    assert unclear.warnings == ("It is not clear whether section 55 applies to this report.",)


def test_no_comments_warns():
    assert check(comments="  \n").warnings == ("The document has no comments from the commissioner.",)


def test_an_afi_without_a_response_warns():
    inspection = replace(good(), findings=(*good().findings,
                                           Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="29551", text="x")))
    assert check(inspection).warnings == ("Area for improvement 29551 has no response.",)


def test_a_home_secretary_name_not_confirmed_in_twelve_months_warns_on_the_letter_only():
    stale = {**SETTINGS, "home_secretary_confirmed_on": "2025-11-21"}
    warning = check(settings=stale).warnings
    assert warning == (("The Home Secretary's name (Shabana Mahmood) was last confirmed on 21/11/2025; check it is "
                       "still right and confirm it under File → Office settings."),)
    assert check(settings={**SETTINGS, "home_secretary_confirmed_on": "2025-11-22"}).warnings == ()
    never = check(settings={**SETTINGS, "home_secretary_confirmed_on": ""}).warnings
    assert never and "never confirmed" in never[0]
    assert check(settings=stale, kind="published_response").warnings == ()


def test_names_are_normalised_and_compared_ignoring_case():
    assert normalise_name("  Ray\u00a0 Bisby\u200b ") == "Ray Bisby"
    assert normalise_name("Sio\u0302n") == "Siôn"  # NFC
    assert len({name_key(n) for n in ("Ray Bisby", "ray bisby", "Ray  Bisby", "Ray\u200b Bisby", "RAY BISBY")}) == 1
