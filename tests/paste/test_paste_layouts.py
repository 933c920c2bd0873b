"""Each layout and defect named in issue 18, in the shape real HMICFRS reports and OPCC responses print them
(wording modelled on the real passages in tests/paste/real/; figures are measured by measure_real.py)."""

from datetime import date

from opcc_desktop.domain.paste_parse import addressees_in, parse_findings


def _kinds_texts(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in parse_findings(text)]


def test_consecutive_numbered_items_without_blank_lines_stay_apart():
    text = ("Recommendations\n1. The force should review its use of bail.\n2. The force should train its "
            "supervisors in file quality.\n3. The force should publish its stop and search data.\n")
    found = parse_findings(text)
    assert [(f.reference, f.text) for f in found] == [
        ("1", "The force should review its use of bail."),
        ("2", "The force should train its supervisors in file quality."),
        ("3", "The force should publish its stop and search data.")]


def test_a_single_unnumbered_2015_recommendation_under_a_plural_heading():
    text = ("Recommendations\n\nBy 31 August 2015, all chief constables should ensure that their forces record "
            "every crime reported to them in accordance with the Home Office Counting Rules.\n\n"
            "Introduction\n\nIn 2014 HMIC inspected every force.\n")
    [found] = parse_findings(text)
    assert found.kind == "recommendation" and found.target_date == date(2015, 8, 31)
    assert found.addressees == ("Chief constables",)
    assert found.text.endswith("Home Office Counting Rules.")


def test_bullets_after_a_lead_in_of_every_kind():
    for bullet in ("•", "-", "–", "o", "▪"):
        text = (f"Cause of concern\n\nThe force isn't doing enough to manage the risk posed by registered sex "
                f"offenders.\n\nRecommendations\n\nWe recommend that, within six months, Warwickshire Police "
                f"should:\n{bullet} make sure it has enough trained staff;\n{bullet} reduce its backlog of visits.\n")
        found = parse_findings(text)
        assert [f.kind for f in found] == ["cause of concern", "recommendation", "recommendation"], bullet
        assert found[1].text == "make sure it has enough trained staff;"
        assert found[1].addressees == ("Warwickshire Police",) and found[2].addressees == ("Warwickshire Police",)


def test_lead_ins_it_needs_to_and_including():
    text = ("Area for improvement 2\n\nThe force needs to improve how it safeguards children. It needs to:\n"
            "• make sure officers record the voice of the child;\n• refer cases to partners promptly.\n")
    [found] = parse_findings(text)
    assert found.kind == "area for improvement" and found.reference == "2"
    assert "voice of the child" in found.text and "promptly" in found.text
    text = ("The report made five recommendations, including:\n\n- The College of Policing should update its "
            "guidance on stalking.\n- Chief constables should appoint a stalking lead.\n")
    assert [f.addressees for f in parse_findings(text)] == [("College of Policing",), ("Chief constables",)]


def test_numbered_items_without_should_under_a_heading_and_not_without():
    assert len(parse_findings("Areas for improvement\n\n1. Crime data integrity.\n2. Use of force recording.\n")) == 2
    assert parse_findings("This inspection asked:\n1. How effective is the force?\n2. How efficient is it?\n") == []


def test_addressees_are_bodies_never_time_phrases_or_pronouns():
    assert addressees_in("Within six months, Warwickshire Police should review its call handling.") == (
        "Warwickshire Police",)
    assert addressees_in("There should be a single national standard.") == ()
    assert addressees_in("It should review its policy.") == ()
    assert addressees_in("Immediately, the force should stop the practice.") == ()
    assert addressees_in("By 31 March 2016, the Home Office and the NPCC lead for custody should agree a "
                         "standard.") == ("Home Office", "NPCC lead for custody")
    assert addressees_in("We recommend that, by 30 June 2023, chief constables should act.") == ("Chief constables",)


def test_a_finding_does_not_swallow_the_next_unrelated_line():
    text = ("The overall recommendations describe what forces can do to collaborate:\n"
            "1. If forces haven’t yet implemented an effective system to track the benefits of their "
            "collaborations, they should use the methodology created by the NPCC\n"
            "In addition, what national organisations can do to improve the support given to forces as they "
            "collaborate.\n")
    [found] = parse_findings(text)
    assert found.text.endswith("created by the NPCC")


def test_real_response_headings_fill_the_responses():
    text = ("Recommendations\n\n1. The force should improve its vetting.\n\n"
            "PCC & Chief Constable Response to Recommendation:\n\nThe Commissioner has reviewed the report.\n\n"
            "He will monitor progress.\n\n2. The force should publish its data.\n\nForce response: Done in May.\n"
            "Commissioner's response: I welcome this.\n")
    found = parse_findings(text)
    assert found[0].pcc_response == "The Commissioner has reviewed the report. He will monitor progress."
    assert found[1].force_response == "Done in May." and found[1].pcc_response == "I welcome this."


def test_contents_lines_are_never_findings():
    text = ("Contents\nSummary 4\nRecommendations 19\nAreas for improvement 21\nRecommendations ........ 23\n"
            "Causes of concern and recommendations ..... 25\n")
    assert parse_findings(text) == []


def test_a_recommendation_cut_by_a_page_break_is_joined_and_furniture_dropped():
    text = ("Recommendations\n\n1. By 31 March 2016, chief constables should review how their forces use\n"
            "Page 12 of 40\n© HMIC 2015\nprotective measures for victims of domestic abuse.\n"
            "2. The force should publish its plan.\n")
    found = parse_findings(text)
    assert [f.text for f in found] == [
        ("By 31 March 2016, chief constables should review how their forces use protective measures for victims "
         "of domestic abuse."), "The force should publish its plan."]


def test_bullets_of_a_numbered_recommendation_stay_in_it():
    text = ("Recommendations\n\n3. By 31 March 2016, all chief constables should:\n"
            "• review their domestic abuse training;\n• publish their action plans.\n\n"
            "4. The College of Policing should revise its guidance.\n")
    found = parse_findings(text)
    assert [f.reference for f in found] == ["3", "4"]
    assert "publish their action plans" in found[0].text and found[0].target_date == date(2016, 3, 31)
    assert found[1].addressees == ("College of Policing",)


def test_minutes_questions_and_glossaries_are_not_findings():
    text = ("Cause of concern\n\nIn our inspections, if we identify a serious shortcoming, we will report it as a "
            "cause of concern.\n\n1. A Panel member asked how the area for improvement that ‘the force should "
            "ensure its aversion to risk is not constraining ideas’ had been addressed.\n")
    assert parse_findings(text) == []


def test_peel_2021_layout_singular_headings_and_a_one_sentence_lead_in():
    text = ("Area for improvement 1\nThe force should improve how it identifies vulnerable victims at first contact."
            "\n\nCause of concern\nThe force isn’t effectively managing the risk posed by registered sex offenders."
            "\n\nRecommendation\nWithin three months, Warwickshire Police should:\n"
            "• make sure it has enough trained staff to manage its sex offender workload; and\n"
            "• reduce the backlog of visits.\n\nAFI2: The force should record stop and search grounds.\n")
    found = parse_findings(text)
    assert [(f.kind, f.reference) for f in found] == [
        ("area for improvement", "1"), ("cause of concern", ""), ("recommendation", ""), ("recommendation", ""),
        ("area for improvement", "2")]
    assert found[2].text.startswith("make sure it has enough") and found[3].addressees == ("Warwickshire Police",)


def test_cause_of_concern_paragraphs_under_a_plural_heading_and_prose_that_is_not_a_finding():
    text = ("Causes of concern\n\nWe found two causes of concern in this inspection.\n\n"
            "The force doesn’t have enough detectives to investigate serious crime.\n\n"
            "The force isn’t recording crime accurately.\n")
    assert [f.text for f in parse_findings(text)] == [
        "The force doesn’t have enough detectives to investigate serious crime.",
        "The force isn’t recording crime accurately."]


def test_lettered_parts_and_bodies_working_together():
    text = ("Recommendations\n\n1. By 31 March 2016, chief constables should:\na) review their custody training;\n"
            "b) publish their plans.\n\n2. By 30 June 2016, the Home Office, working with the National Police "
            "Chiefs' Council, should agree a standard.\n")
    found = parse_findings(text)
    assert [f.reference for f in found] == ["1", "2"] and "publish their plans" in found[0].text
    assert found[1].addressees == ("Home Office", "National Police Chiefs' Council")


def test_a_register_entry_and_a_flattened_table_and_narrative_that_is_not_a_finding():
    text = ("Crime data integrity force reports (5255)\n\n"
            "PPU personnel should be provided with additional guidance.\n\n"
            "[on]18th November 2014 [status]awaiting-review[/status][/on]\n\nThe force should be commended for its "
            "work with partners. It has made progress since our last inspection of recommendations.\n")
    assert [f.text for f in parse_findings(text)] == ["PPU personnel should be provided with additional guidance."]
    flat = ("Recommendations & Areas for Improvement Status Due Date Comment " + "x " * 200 +
            "1 Area for Improvement The force should improve its case files. AMBER No deadline set by HMICFRS "
            "2 Area for Improvement The force should review its bail. GREEN Done in May")
    assert [(f.kind, f.reference, f.text) for f in parse_findings(flat)] == [
        ("area for improvement", "1", "The force should improve its case files."),
        ("area for improvement", "2", "The force should review its bail.")]


def test_a_response_table_copied_from_word():
    text = ("No.\tHMICFRS recommendation\tForce response\tPCC comments\n"
            "1\tBy 30 April 2023, chief constables should review their vetting decisions.\tAll decisions were "
            "reviewed in March.\tI am assured.\n"
            "2\tForces should record the rationale for vetting decisions.\tNew template in use.\t\n")
    found = parse_findings(text)
    assert [(f.reference, f.text) for f in found] == [
        ("1", "By 30 April 2023, chief constables should review their vetting decisions."),
        ("2", "Forces should record the rationale for vetting decisions.")]
    assert found[0].force_response == "All decisions were reviewed in March."
    assert found[0].pcc_response == "I am assured."
    assert found[1].force_response == "New template in use." and found[1].pcc_response == ""


def test_narrative_that_starts_with_a_date_is_not_a_finding():
    text = ("Recommendations\n\nBy March 2021, the force had implemented most of our recommendations.\n\n"
            "Within two weeks of our visit, the force reviewed every case.\n\n"
            "By 31 March 2022, forces should publish their plans.\n")
    assert [f.text for f in parse_findings(text)] == ["By 31 March 2022, forces should publish their plans."]
