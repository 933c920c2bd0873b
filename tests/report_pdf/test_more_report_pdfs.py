"""More report shapes through `propose` (issue 18 follow-up): a fire inspection with its AFIs in a shaded box, a
custody inspection whose numbered recommendations run over a page break under "HMICFRS | Title", and an OPCC
s.55 response with bold "Recommendation 1:" / "Force response:" / "PCC response:" and a signature."""

import json

from opcc_desktop.cli import build_parser, run_command
from opcc_desktop.services.report_intake import propose_from_pdf
from tests.report_pdf.make_more_reports import (
    CUSTODY_AFIS, CUSTODY_RECS, CUSTODY_TITLE, FRS_AFIS, FRS_BOX_NOTE, FRS_TITLE, write_custody_inspection,
    write_fire_inspection, write_section_55_response,
)


def test_a_fire_inspection_with_areas_for_improvement_in_a_shaded_box(tmp_path):
    pdf = tmp_path / "fire.pdf"
    write_fire_inspection(pdf)
    proposal = propose_from_pdf(pdf)
    found = [(f.kind, f.text) for f in proposal.findings]
    assert found[:2] == [("area for improvement", FRS_AFIS[0]), ("area for improvement", FRS_AFIS[1])]
    assert found[2][0] == "cause of concern" and found[2][1].startswith("The service hasn’t done enough")
    assert [kind for kind, _t in found[3:]] == ["recommendation", "recommendation"]
    assert all(f.target_date.isoformat() == "2024-03-31" for f in proposal.findings[3:])
    every = " ".join(text for _k, text in found)
    assert FRS_BOX_NOTE not in every and "HMICFRS |" not in every and FRS_TITLE not in every
    assert "Each fire and rescue service should" not in every  # the standard the section opens with
    assert proposal.inspection.type == "Fire and rescue service inspection"
    assert proposal.inspection.published.isoformat() == "2024-01-16"


def test_a_custody_inspection_with_numbered_recommendations_over_a_page_break(tmp_path):
    pdf = tmp_path / "custody.pdf"
    write_custody_inspection(pdf)
    proposal = propose_from_pdf(pdf)
    found = [(f.kind, f.reference, f.text) for f in proposal.findings]
    assert found[0][:2] == ("cause of concern", "2.1") and found[0][2].startswith("Detainees were held")
    assert found[1][:2] == ("recommendation", "2.2")
    assert found[2:8] == [("recommendation", f"2.{n}", text) for n, text in enumerate(CUSTODY_RECS, start=3)]
    assert found[8:] == [("area for improvement", "", text) for text in CUSTODY_AFIS]
    every = " ".join(text for _k, _r, text in found)
    assert CUSTODY_TITLE not in every and "Inspectors observed" not in every and "Section 7" not in every
    assert proposal.inspection.type == "Police custody inspection" and proposal.inspection.published is None


def test_a_section_55_response_pairs_responses_and_leaves_out_the_signature(tmp_path, capsys):
    pdf = tmp_path / "response.pdf"
    write_section_55_response(pdf)
    assert run_command(build_parser().parse_args(["propose", str(pdf), "--json"])) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["reference"], f["target_date"], f["addressees"]) for f in findings] == [
        ("1", "2024-10-31", ["Chief constables"]), ("2", "2024-10-31", ["Chief constables"])]
    assert findings[0]["force_response"].startswith("Kent Police has changed its crime recording system")
    assert findings[1]["force_response"] == "A review has started and will report in September 2024."
    assert findings[1]["pcc_response"] == "I welcome the review."  # not "… Matthew Scott, Police and Crime …"
