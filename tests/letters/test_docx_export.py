"""The Word copy: same words in the same order, markup literal, no signature image."""

from __future__ import annotations

from datetime import date

from docx import Document

from opcc_desktop.letters.compose import compose_home_secretary_letter
from opcc_desktop.letters.compose_response import compose_published_response
from opcc_desktop.letters.docx_export import export_docx

from .test_response_sheet import CUMBRIA, soc


def all_text(path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_letter_docx_has_the_letter_and_appendix(tmp_path):
    letter = compose_home_secretary_letter(soc(response="<b>Bold?</b> & <font>x</font>"), CUMBRIA,
                                           date(2023, 12, 21))
    out = tmp_path / "letter.docx"
    export_docx(letter, out)
    text = all_text(out)
    assert "<b>Bold?</b> & <font>x</font>" in text
    order = ["Cumbria Office", "21st December 2023", "Dear Home Secretary", "Response to HMICFRS",
             "Yours sincerely", "Appendix 1", "There isn’t enough analytical capacity.", "Force answer 29550."]
    positions = [text.find(item) for item in order]
    assert -1 not in positions and positions == sorted(positions)
    assert not Document(str(out)).inline_shapes  # no signature in an editable copy


def test_response_docx_has_every_section(tmp_path):
    out = tmp_path / "response.docx"
    export_docx(compose_published_response(soc(), CUMBRIA), out)
    text = all_text(out)
    for label in ("Inspection Title:", "Date Published:", "Type of Inspection:", "Key Findings",
                  "Areas for Improvement:", "PFCC & Constabulary Response"):
        assert label in text
    assert "AFI LEVEL 3 #29551 - Improve the quality of its 4P plans." in text
