"""The whole `letter` command (a fresh process, start to PDF written) for a 60-finding appendix, against a
bare ReportLab script in a fresh process that sets the same text with the same four DejaVu faces.

`python -m bench.letter_command [--runs N]` builds its own small office (the demonstration office plus one
inspection with 60 findings) when no database is given; `run.py` calls `measure(database, reference)` on
the benchmark's database. App and floor runs are interleaved; each figure is the median of N runs.
The app's font cache (letters/fonts.py) is warmed by one untimed run, as on any PC after the first letter.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from .timing import ROOT, run_child

REFERENCE = "BENCH-LETTER-60"
TODAY = date(2026, 11, 22)
TARGET = 1.3

# The floor: ReportLab alone, in a fresh process. Registers the same four faces (parsed afresh, as any
# script would), sets the letter's paragraphs, then the appendix as a four-column table with a repeating
# bold header row and bold labels, at the letter's sizes and column widths, and writes the PDF.
BARE_LETTER_SCRIPT = r'''
import json, sys
from xml.sax.saxutils import escape
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

fonts, text_file, out = sys.argv[1], sys.argv[2], sys.argv[3]
for name, file in (("R", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf"), ("I", "DejaVuSans-Oblique.ttf"),
                   ("BI", "DejaVuSans-BoldOblique.ttf")):
    pdfmetrics.registerFont(TTFont(name, f"{fonts}/{file}"))
pdfmetrics.registerFontFamily("R", normal="R", bold="B", italic="I", boldItalic="BI")
text = json.loads(open(text_file, encoding="utf-8").read())
body = ParagraphStyle("body", fontName="R", fontSize=10.5, leading=13.8, spaceAfter=8)
cell = ParagraphStyle("cell", fontName="R", fontSize=8.5, leading=10.5)
story = [Paragraph(escape(p), body) for p in text["paragraphs"]]
story.append(PageBreak())
rows = [[Paragraph(f"<b>{h}</b>", cell) for h in ("Ref", "Kind", "Finding", "Force response")]]
for ref, kind, finding, force, pcc in text["rows"]:
    response = [Paragraph(escape(force), cell)]
    if pcc:
        response += [Paragraph("<b>Commissioner’s response:</b>", cell), Paragraph(escape(pcc), cell)]
    rows.append([Paragraph(escape(ref), cell), Paragraph(escape(kind), cell), Paragraph(escape(finding), cell),
                 response])
table = Table(rows, colWidths=[16 * mm, 31 * mm, 59.5 * mm, 59.5 * mm], repeatRows=1)
table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "R", 8.5), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
story.append(table)
SimpleDocTemplate(out, pagesize=A4, leftMargin=22 * mm, rightMargin=22 * mm).build(story)
'''


def _letter_text(database: Path, reference: str) -> dict[str, list]:
    from opcc_desktop.services.office import Office

    office = Office.open(database)
    try:
        data = office.letter(office.inspections.find(reference).id, TODAY)
    finally:
        office.close()
    return {"paragraphs": [data.subject, data.opening_paragraph, *data.body_paragraphs],
            "rows": [[e.reference, f"{e.kind_label}\n{e.level}".strip(), e.text, e.force_response, e.pcc_response]
                     for e in data.appendix_entries]}


def build_office(folder: Path) -> Path:
    """The demonstration office plus one inspection with 60 findings (the seeds' texts, repeated)."""
    from opcc_desktop.services.office import Office

    path = folder / "letter-bench.sqlite3"
    office = Office.open(path)
    office.load_demo(TODAY)
    source = office.inspections.get(office.inspections.find("29536").id)
    findings = tuple(replace(source.findings[n % len(source.findings)], id=None, reference=f"L{n}", position=n)
                     for n in range(60))
    office.inspections.save(replace(source, id=None, reference=REFERENCE, findings=findings,
                                    title="Benchmark letter with a 60-finding appendix"))
    office.close()
    return path


def measure(database: Path, reference: str = REFERENCE, runs: int = 7) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="opcc-letter-bench-"))
    text_file = folder / "letter-text.json"
    text_file.write_text(json.dumps(_letter_text(database, reference)), encoding="utf-8")
    script = folder / "bare_letter.py"
    script.write_text(BARE_LETTER_SCRIPT, encoding="utf-8")
    data = {"OPCC_DESKTOP_DATA_DIR": str(folder / "data")}  # the app's own data folder (font cache, logs)
    app_args = ["-m", "opcc_desktop", "--db", str(database), "letter", reference, "--date", TODAY.isoformat(),
                "--out", str(folder / "app.pdf")]
    bare_args = [str(script), str(ROOT / "resources" / "fonts"), str(text_file), str(folder / "bare.pdf")]
    run_child(app_args, data)  # fills the font cache, as the first letter on a PC does
    app, bare = [], []
    for _ in range(runs):
        bare.append(run_child(bare_args).seconds)
        app.append(run_child(app_args, data).seconds)
    return {"letter_command_s": statistics.median(app), "letter_script_s": statistics.median(bare)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.letter_command")
    parser.add_argument("--db", type=Path, default=None, help="a database holding REFERENCE (default: build one)")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    database = args.db or build_office(Path(tempfile.mkdtemp(prefix="opcc-letter-office-")))
    figures = measure(database, REFERENCE, args.runs)
    ratio = figures["letter_command_s"] / figures["letter_script_s"]
    print(f"letter command (whole process): {figures['letter_command_s'] * 1000:.0f} ms; bare ReportLab script: "
          f"{figures['letter_script_s'] * 1000:.0f} ms; ratio {ratio:.2f}× (target ≤ {TARGET}×: "
          f"{'ok' if ratio <= TARGET else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
