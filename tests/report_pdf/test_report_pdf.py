"""Report PDFs generated in the shape of real HMICFRS reports → `propose` (writes nothing) and the services."""

import json

from opcc_desktop.cli import build_parser, run_command
from opcc_desktop.services.report_intake import propose_from_pdf, propose_from_text
from tests.report_pdf.make_report import AFI_1, AFI_2, HEADER, REC_1, write_report


def test_furniture_dropped_page_break_joined_two_columns_read_in_order(tmp_path):
    pdf = tmp_path / "report.pdf"
    write_report(pdf)
    proposal = propose_from_pdf(pdf)
    found = [(f.kind, f.reference, f.text) for f in proposal.findings]
    assert found[:2] == [("area for improvement", "1", AFI_1), ("area for improvement", "2", AFI_2)]
    assert found[2][0] == "cause of concern" and found[2][2].startswith("The force isn't answering")
    assert found[3] == ("recommendation", "", REC_1)  # broken across pages 4 and 5, joined
    assert [(kind, ref) for kind, ref, _t in found[4:]] == [("area for improvement", "3"),
                                                            ("area for improvement", "4")]
    assert found[4][2].endswith("for every one of them.")  # the left column is not mixed with the right
    every = " ".join(text for _k, _r, text in found)
    for furniture in (HEADER, "ISBN", "©", "....", "Contents", "Counting Rules", " 3 "):
        assert furniture not in every
    rec = proposal.findings[3]
    assert rec.addressees == ("Warwickshire Police",) and rec.target_date.isoformat() == "2025-03-31"
    inspection = proposal.inspection
    assert inspection.title == "PEEL 2023–2025 An inspection of Warwickshire Police"
    assert inspection.forces == ["Warwickshire"] and inspection.type == "PEEL force inspection"
    assert inspection.published.isoformat() == "2024-10-14" and proposal.warnings == []


def test_propose_json_on_the_command_line_writes_nothing(tmp_path, capsys):
    pdf = tmp_path / "report.pdf"
    write_report(pdf)
    db = tmp_path / "office.sqlite3"
    args = build_parser().parse_args(["--db", str(db), "propose", str(pdf), "--json"])
    assert run_command(args) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"inspection", "findings", "warnings"}
    assert document["inspection"]["reference"] is None and document["inspection"]["published"] == "2024-10-14"
    assert set(document["findings"][0]) == {"kind", "reference", "level", "text", "addressees", "target_date",
                                            "force_response", "pcc_response"}
    assert len(document["findings"]) == 6 and not db.exists()


def test_propose_text_with_no_findings_exits_0_with_a_warning(tmp_path, capsys):
    text = tmp_path / "minutes.txt"
    text.write_text("The Panel noted the report.\n", encoding="cp1252")
    assert run_command(build_parser().parse_args(["propose", str(text), "--json"])) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["findings"] == [] and document["warnings"]
    assert propose_from_text("").findings == []


def test_not_a_pdf_is_a_plain_error(tmp_path, capsys):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 nonsense")
    assert run_command(build_parser().parse_args(["propose", str(bad)])) == 1
    assert "Cannot read bad.pdf" in capsys.readouterr().err


def test_a_150_page_report_reports_progress_page_by_page(tmp_path):
    # Its time is measured in the benchmark (bench/measure_intake.py), not here.
    pdf = tmp_path / "long.pdf"
    write_report(pdf, body_pages=150)
    pages = []
    proposal = propose_from_pdf(pdf, progress=lambda done, total: pages.append((done, total)))
    assert proposal.pages >= 150 and pages[-1] == (proposal.pages, proposal.pages)
    assert [done for done, _total in pages] == sorted(done for done, _total in pages)
    assert len(proposal.findings) == 6


def test_a_finding_listed_twice_is_proposed_once():
    text = ("Summary\n\nArea for improvement 1\nThe force should improve its call handling.\n\n"
            "Chapter 2\n\nArea for improvement 1\nThe force should improve its call handling.\n")
    assert len(propose_from_text(text).findings) == 1


def test_propose_reads_a_pdf_or_cp1252_text_from_standard_input(tmp_path, capsys, monkeypatch):
    import io
    import sys

    pdf = tmp_path / "report.pdf"
    write_report(pdf)
    text = "Recommendations\n\n1. The force should act – now.\n".encode("cp1252")
    for data, expected in ((pdf.read_bytes(), 6), (text, 1)):
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        assert run_command(build_parser().parse_args(["propose", "-", "--json"])) == 0
        assert len(json.loads(capsys.readouterr().out)["findings"]) == expected


def test_a_platypus_thematic_report_with_bullets_and_a_wrapped_national_recommendation(tmp_path):
    from tests.report_pdf.make_platypus_report import write_platypus_report

    pdf = tmp_path / "thematic.pdf"
    write_platypus_report(pdf)
    proposal = propose_from_pdf(pdf)
    kinds = [(f.kind, f.reference) for f in proposal.findings]
    assert kinds == [("cause of concern", ""), ("recommendation", ""), ("recommendation", ""), ("recommendation", ""),
                     ("area for improvement", "1"), ("area for improvement", "2"), ("recommendation", ""),
                     ("area for improvement", "3"), ("area for improvement", "4")]
    bullets = proposal.findings[1:4]
    assert bullets[0].text == "make sure that call handlers identify stalking at first contact;"
    assert all(f.addressees == ("Kent Police",) for f in bullets)
    national = proposal.findings[6]
    assert national.text.endswith("stalking protection orders by forces.")
    assert national.addressees[0] == "College of Policing" and national.target_date.isoformat() == "2024-10-31"
    assert proposal.inspection.published.isoformat() == "2024-03-12" and proposal.inspection.forces == ["Kent"]
    assert not any("Page " in f.text or "Inspectors also" in f.text for f in proposal.findings)


def test_a_response_table_pairs_each_recommendation_with_its_response(tmp_path):
    from tests.report_pdf.make_platypus_report import write_response_table

    pdf = tmp_path / "response.pdf"
    write_response_table(pdf)
    proposal = propose_from_pdf(pdf)
    assert [(f.reference, f.force_response) for f in proposal.findings] == [
        ("1", "The force has introduced a new template and audits ten per cent of decisions each month."),
        ("2", "Training for vetting officers was delivered in June 2023 and will be repeated annually.")]
    assert proposal.inspection.title == "An inspection of vetting, misconduct and misogyny"


def test_the_inspectorate_s_own_name_does_not_make_a_police_report_a_fire_inspection():
    text = ("Cumbria Police and Crime Commissioner (PCC) response to inspections of Cumbria Constabulary published by "
            "Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS)\n\n"
            "1. The force should improve how it records crime.\n")
    assert propose_from_text(text).inspection.type is None
    fire = "An inspection of Cumbria Fire and Rescue Service\n\n1. The service should improve its prevention work.\n"
    assert propose_from_text(fire).inspection.type == "Fire and rescue service inspection"
