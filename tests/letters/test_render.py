"""render_letter: the PDF as read back with pypdf (text, fonts, metadata, page structure)."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from opcc_desktop.domain import vocabulary as vocab
from opcc_desktop.domain.models import Finding, Inspection
from opcc_desktop.letters.compose import compose_home_secretary_letter
from opcc_desktop.letters.render import render_letter, render_letter_bytes

SETTINGS = {
    "office_name": "Office of the Police and Crime Commissioner",
    "office_address": "PO Box 688\nPE29 9LA",
    "office_telephone": "0300 333 3456",
    "commissioner_name": "Ray Bisby",
    "commissioner_title": "Acting Police and Crime Commissioner for Cambridgeshire and Peterborough",
    "home_secretary_name": "Priti Patel",
    "salutation": "Dear Priti",
    "hmicfrs_copy_address": "PCC@hmic.gsi.gov.uk",
}
HEADER_ROW = "Ref Kind Finding Force response"


def norm(text: str) -> str:
    return " ".join(text.split())


def page_texts(reader: PdfReader) -> list[str]:
    return [norm(page.extract_text()) for page in reader.pages]


def hard_yards(findings=None, **kw) -> Inspection:
    if findings is None:
        findings = (
            Finding(kind=vocab.RECOMMENDATION, reference="1.0", level="National",
                    text="Quokkamarker establish a central repository for police collaborations.",
                    force_response="Wombatreply the Constabulary will await further information."),
            Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference="29550",
                    text="Numbatmarker identify a methodology for tracking benefits.",
                    force_response="Dingoreply the force is part of the Seven Force Strategic Alliance.",
                    pcc_response="Bilbyremark I will seek assurance at my Board."),
        )
    kw.setdefault("title", "The Hard Yards – Police-to-Police Collaboration")
    kw.setdefault("type", "PEEL spotlight report")
    kw.setdefault("published", date(2020, 7, 21))
    kw.setdefault("pcc_comments", "Both the Chief Constable and I welcome the report.\n\nKoalaparagraph follows.")
    return Inspection(findings=tuple(findings), **kw)


def render(tmp_path, inspection, settings=SETTINGS, name="letter.pdf"):
    letter = compose_home_secretary_letter(inspection, settings, date(2020, 9, 11))
    path = tmp_path / name
    pages = render_letter(letter, path, invariant=True)
    reader = PdfReader(path)
    assert pages == len(reader.pages)
    return reader


@pytest.fixture
def seed_pdf(tmp_path):
    return render(tmp_path, hard_yards())


def test_letter_page_carries_the_letter_in_the_seed_order(seed_pdf):
    first = page_texts(seed_pdf)[0]
    expected_in_order = [
        "Office of the Police and Crime Commissioner PO Box 688 PE29 9LA Tel: 0300 333 3456",
        "Rt Hon Priti Patel MP Home Secretary Home Office 2 Marsham Street London SW1P 4DF",
        "11th September 2020",
        "Dear Priti",
        "Response to HMICFRS PEEL spotlight report: “The Hard Yards – Police-to-Police Collaboration”",
        ("Under section 55 of the Police Act 1996, as Acting Police and Crime Commissioner for Cambridgeshire "
        "and Peterborough I am pleased to provide my formal response to HMICFRS’s report entitled “The Hard "
        "Yards – Police-to-Police Collaboration”, published on 21st July 2020."),
        "Both the Chief Constable and I welcome the report.",
        "Koalaparagraph follows.",
        "set out in Appendix 1.",
        "Yours sincerely",
        "Ray Bisby Acting Police and Crime Commissioner for Cambridgeshire and Peterborough",
        "cc PCC@hmic.gsi.gov.uk",
    ]
    position = 0
    for piece in expected_in_order:
        found = first.find(piece, position)
        assert found >= 0, f"{piece!r} missing or out of order in {first!r}"
        position = found + len(piece)


def test_appendix_starts_on_a_new_page_with_every_finding_and_response(seed_pdf):
    texts = page_texts(seed_pdf)
    assert "Appendix 1" not in texts[0].replace("set out in Appendix 1", "")
    appendix = " ".join(texts[1:]).removeprefix("DRAFT – NOT SIGNED ")  # the marking reads first
    assert appendix.startswith(
        "Office of the Police and Crime Commissioner"  # continuation header
    )
    assert "Appendix 1 HMICFRS findings and force response" in appendix
    assert HEADER_ROW in appendix
    for marker in ("Quokkamarker", "Wombatreply", "Numbatmarker", "Dingoreply",
                   "Commissioner’s response: Bilbyremark", "#29550", "1.0", "Area for improvement", "National"):
        assert marker in appendix


def test_every_page_is_numbered_page_x_of_n(seed_pdf):
    texts = page_texts(seed_pdf)
    n = len(texts)
    assert n == 2
    for i, text in enumerate(texts, start=1):
        assert f"Page {i} of {n}" in text


def test_no_findings_means_no_appendix_page(tmp_path):
    reader = render(tmp_path, hard_yards(findings=()))
    texts = page_texts(reader)
    assert len(texts) == 1
    assert "Appendix" not in texts[0]
    assert "Page 1 of 1" in texts[0]


def test_user_text_is_printed_literally_never_as_markup(tmp_path):
    inspection = hard_yards(
        title="Vetting & counter-corruption <2024>",
        pcc_comments="This has <b>not bold</b> and =SUM(A1) & &amp; <br/> in it.",
        findings=[Finding(kind=vocab.RECOMMENDATION, text="Use <i>x</i> & <font size=40>y</font>",
                          force_response="A < B > C")],
    )
    text = " ".join(page_texts(render(tmp_path, inspection)))
    assert "“Vetting & counter-corruption <2024>”" in text
    assert "This has <b>not bold</b> and =SUM(A1) & &amp; <br/> in it." in text
    assert "Use <i>x</i> & <font size=40>y</font>" in text
    assert "A < B > C" in text


def test_welsh_hebrew_and_arabic_do_not_crash(tmp_path):
    welsh = "Comisiynydd Heddlu a Throseddu Gogledd Cymru – ŵ ŷ â"
    settings = {**SETTINGS, "office_name": welsh, "commissioner_title": welsh}
    inspection = hard_yards(pcc_comments="שלום עולם\n\nمرحبا بالعالم",
                            findings=[Finding(kind=vocab.RECOMMENDATION, text="Heddlu ŵ ŷ – שלום مرحبا 你好")])
    reader = render(tmp_path, inspection, settings)
    assert welsh in page_texts(reader)[0]


def test_sixty_findings_spread_over_pages_with_the_header_row_repeated(tmp_path):
    findings = [
        Finding(kind=vocab.FINDING_KINDS[i % 3], reference=f"{i}.0",
                text=f"Marker{i:02d}finding " + "The force should review its processes. " * (1 + i % 6),
                force_response=f"Marker{i:02d}response " + "Work is under way. " * (1 + i % 4))
        for i in range(60)
    ]
    reader = render(tmp_path, hard_yards(findings=findings))
    texts = page_texts(reader)
    appendix_pages = texts[1:]
    assert len(appendix_pages) >= 4
    for i, text in enumerate(appendix_pages, start=2):
        assert HEADER_ROW in text, f"header row missing on page {i}"
        assert "Office of the Police and Crime Commissioner" in text  # continuation header
        assert f"Page {i} of {len(texts)}" in text
    everything = " ".join(appendix_pages)
    for i in range(60):
        assert f"Marker{i:02d}finding" in everything
        assert f"Marker{i:02d}response" in everything


def test_a_finding_taller_than_a_page_splits_across_pages(tmp_path):
    long_text = "Startmarker " + " ".join(f"w{i}" for i in range(1500))[:6000] + " Endmarker"
    assert len(long_text) > 6000
    reader = render(tmp_path, hard_yards(findings=[Finding(kind=vocab.RECOMMENDATION, text=long_text)]))
    texts = page_texts(reader)
    assert len(texts) >= 3
    everything = " ".join(texts)
    assert "Startmarker" in everything and "Endmarker" in everything


def test_signature_block_is_never_split_or_left_alone_on_a_page(tmp_path):
    sentence = "The Constabulary continues to work with its partners across the Eastern Region. "
    one_finding = [Finding(kind=vocab.RECOMMENDATION, text="Short.")]
    for n in range(2, 40, 2):
        paragraphs = "\n\n".join(sentence * (1 + k % 3) for k in range(n))
        reader = render(tmp_path, hard_yards(findings=one_finding, pcc_comments=paragraphs), name=f"sig{n}.pdf")
        texts = page_texts(reader)
        with_yours = [i for i, t in enumerate(texts) if "Yours sincerely" in t]
        with_title = [i for i, t in enumerate(texts) if "Ray Bisby Acting Police and Crime Commissioner" in t]
        assert with_yours == with_title and len(with_yours) == 1, f"signature split with {n} paragraphs"
        # the short closing paragraph travels with the signature, so it never starts a page alone
        assert "set out in Appendix 1. Yours sincerely" in texts[with_yours[0]], f"orphaned with {n} paragraphs"


def test_only_dejavu_fonts_are_used(seed_pdf):
    for page in seed_pdf.pages:
        fonts = page["/Resources"]["/Font"]
        names = [str(fonts[key].get_object()["/BaseFont"]) for key in fonts]
        assert names
        assert all("DejaVu" in name for name in names), names
        assert not any("Helvetica" in name or "Times" in name or "Courier" in name for name in names)


def test_pdf_metadata_and_language(seed_pdf):
    meta = seed_pdf.metadata
    assert meta.title == (
        "Response to HMICFRS PEEL spotlight report: “The Hard Yards – Police-to-Police Collaboration”"
    )
    assert meta.author == "Office of the Police and Crime Commissioner"
    assert meta.subject == "Section 55 response: The Hard Yards – Police-to-Police Collaboration"
    assert meta.creator.startswith("OPCC Desktop")
    assert seed_pdf.trailer["/Root"]["/Lang"] == "en-GB"


def test_render_to_bytes_and_file_objects_and_invariance():
    letter = compose_home_secretary_letter(hard_yards(), SETTINGS, date(2020, 9, 11))
    first = render_letter_bytes(letter, invariant=True)
    assert first.startswith(b"%PDF")
    assert render_letter_bytes(letter, invariant=True) == first
    buffer = io.BytesIO()
    assert render_letter(letter, buffer, invariant=True) == 2
    assert buffer.getvalue() == first
    plain = replace(letter, date_style="plain")
    assert "11 September 2020" in norm(PdfReader(io.BytesIO(render_letter_bytes(plain))).pages[0].extract_text())


def test_render_to_a_string_path(tmp_path):
    letter = compose_home_secretary_letter(hard_yards(findings=()), SETTINGS, date(2020, 9, 11))
    target = tmp_path / "as_str.pdf"
    assert render_letter(letter, str(target)) == 1
    assert target.read_bytes().startswith(b"%PDF")


def test_references_kinds_and_levels_print_literally_and_long_ones_wrap(tmp_path):
    long_reference = "REF-" + "9" * 40  # wider than the Ref column: must wrap, not spill into Kind
    inspection = hard_yards(findings=[
        Finding(kind=vocab.RECOMMENDATION, reference="<b>&1", level="Local & <i>force</i>",
                text="Shortmarker text.", force_response="Reply.", pcc_response="PCC <b>view</b> & more."),
        Finding(kind=vocab.AREA_FOR_IMPROVEMENT, reference=long_reference, text="Longrefmarker text.",
                force_response="Reply two."),
    ])
    reader = render(tmp_path, inspection)
    text = " ".join(page_texts(reader))
    assert "<b>&1" in text and "Local & <i>force</i>" in text
    assert "Commissioner’s response: PCC <b>view</b> & more." in text
    assert long_reference.replace(" ", "") in text.replace(" ", "")
    for page in reader.pages[1:]:
        for line in page.extract_text(extraction_mode="layout").splitlines():  # as laid out on the page
            assert long_reference not in line, f"the long reference was not wrapped in its column: {line!r}"


def test_fit_line_keeps_the_longest_prefix_that_fits():
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from opcc_desktop.letters.fonts import register_fonts
    from opcc_desktop.letters.render import fit_line

    font = register_fonts()

    @settings(max_examples=60, deadline=None)
    @given(st.text(alphabet="abc XYZ–ŵ&<>", max_size=120), st.integers(20, 400))
    def check(text, width):
        fitted = fit_line(text, font, 8.5, width)
        if stringWidth(text, font, 8.5) <= width:
            assert fitted == text
            return
        assert fitted.endswith("…")
        kept = fitted[:-1]
        assert text.startswith(kept)
        assert stringWidth(fitted, font, 8.5) <= width or kept == ""
        if not text[len(kept)].isspace():  # (trailing spaces are trimmed before the ellipsis)
            assert stringWidth(text[:len(kept) + 1] + "…", font, 8.5) > width  # nothing longer fits

    check()
