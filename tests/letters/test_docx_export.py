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


def body_text_in_order(path) -> str:
    """Every paragraph's text in document order, table cells included."""
    doc = Document(str(path))
    return "\n".join(node.text for node in doc.element.body.iter()
                     if node.tag.endswith("}t") and node.text)


def test_response_docx_pairs_each_finding_with_its_responses(tmp_path):
    out = tmp_path / "response.docx"
    export_docx(compose_published_response(soc(), CUMBRIA, None, date(2023, 12, 20)), out)
    text = body_text_in_order(out)
    order = ["Inspection title:", "#29536", "Date published:", "10/11/2023", "Type of inspection:",
             "Key findings", "PFCC & Constabulary response to the report", "I welcome the inspection.",
             "#29550", "Level 3", "There isn’t enough analytical capacity.", "Force response", "Force answer 29550.",
             "#29551", "Level 3", "Improve the quality of its 4P plans.", "Force response", "Force answer 29551.",
             "20 December 2023"]
    at = 0
    for item in order:
        found = text.find(item, at)
        assert found >= 0, f"{item!r} missing after {at}"
        at = found + len(item)
