"""ReportLab PDFs in the shape of real HMICFRS reports (cover, contents with dotted leaders, running header and
page number on every page, a recommendation broken across pages, a two-column page). The wording follows
the real passages in tests/paste/real/ and the HMICFRS PEEL report layout."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
HEADER = "PEEL 2023–2025: Police effectiveness, efficiency and legitimacy – Warwickshire Police"
FILLER = ("Inspectors looked at how the force answers calls for service from the public, how it assesses "
          "risk at first contact and how quickly it attends incidents. They also examined how well the force "
          "investigates crime and supports victims through the criminal justice process.")

REC_1 = ("By 31 March 2025, Warwickshire Police should make sure it answers emergency calls within ten seconds "
         "and non-emergency calls within the national standard, and it should monitor the abandonment rate of "
         "calls to its control room every day so that it understands the risk to callers who hang up.")
FOOTNOTE = "3 Home Office Counting Rules for recorded crime, April 2024 edition."
AFI_1 = "The force should improve how it records the vulnerability of victims at first contact."
AFI_2 = "The force needs to make sure that its investigations are supervised and that plans are recorded."


def _wrap(canvas: Canvas, text: str, width: float, font: str = "Helvetica", size: float = 11) -> list[str]:
    words, lines, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if canvas.stringWidth(trial, font, size) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return lines + ([line] if line else [])


class Writer:
    def __init__(self, path: Path) -> None:
        self.canvas = Canvas(str(path), pagesize=A4)
        self.page = 0
        self.y = 0.0

    def new_page(self, furniture: bool = True) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        if furniture:
            self.canvas.setFont("Helvetica", 8)
            self.canvas.drawString(56, HEIGHT - 36, HEADER)
            self.canvas.drawCentredString(WIDTH / 2, 30, str(self.page))
        self.y = HEIGHT - 80

    def para(self, text: str, size: float = 11, font: str = "Helvetica", x: float = 56,
             width: float = WIDTH - 112, gap: float = 10, furniture: bool = True) -> None:
        for line in _wrap(self.canvas, text, width, font, size):
            if self.y < 60:
                self.new_page(furniture)
            self.canvas.setFont(font, size)
            self.canvas.drawString(x, self.y, line)
            self.y -= size * 1.35
        self.y -= gap

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def write_report(path: Path, body_pages: int = 6) -> None:
    w = Writer(path)
    w.new_page(furniture=False)  # cover
    w.y = HEIGHT - 200
    w.para("PEEL 2023–2025", size=26, font="Helvetica-Bold", furniture=False)
    w.para("An inspection of Warwickshire Police", size=26, font="Helvetica-Bold", furniture=False)
    w.y = 140
    w.para("Published on: 14 October 2024", size=10, furniture=False)
    w.para("© HMICFRS 2024", size=9, gap=2, furniture=False)
    w.para("ISBN: 978-1-80099-123-4", size=9, furniture=False)
    w.new_page()  # contents
    w.para("Contents", size=16, font="Helvetica-Bold")
    for title, page in (("Overall summary", 3), ("Areas for improvement", 4), ("Recommendations", 5),
                        ("Responding to the public", 6)):
        dots = "." * int((WIDTH - 160 - w.canvas.stringWidth(title, "Helvetica", 11)) / 3.1)
        w.para(f"{title} {dots} {page}", gap=2)
    for _ in range(max(body_pages - 5, 0)):  # long reports: plain text pages
        w.new_page()
        w.para("Responding to the public", size=14, font="Helvetica-Bold")
        for _ in range(8):
            w.para(FILLER)
    w.new_page()
    w.para("Areas for improvement", size=14, font="Helvetica-Bold")
    w.para("Area for improvement 1", size=12, font="Helvetica-Bold", gap=4)
    w.para(AFI_1)
    w.para("Area for improvement 2", size=12, font="Helvetica-Bold", gap=4)
    w.para(AFI_2)
    w.para("Cause of concern", size=14, font="Helvetica-Bold")
    w.para("The force isn't answering emergency calls quickly enough, and too many callers to its "
           "non-emergency number hang up before their call is answered.")
    w.para("Recommendations", size=14, font="Helvetica-Bold")
    while w.y > 130:
        w.para(FILLER)
    w.y = 76  # two lines of the recommendation on this page, the rest on the next
    w.canvas.setFont("Helvetica", 6)
    w.canvas.drawString(56 + w.canvas.stringWidth(_wrap(w.canvas, REC_1, WIDTH - 112)[0], "Helvetica", 11) + 1, 80,
                        "3")  # a footnote marker after the first line
    w.canvas.setFont("Helvetica", 7)
    w.canvas.drawString(56, 42, FOOTNOTE)
    w.para(REC_1)
    w.para("Two columns", size=14, font="Helvetica-Bold")
    _two_columns(w)
    w.save()


def _two_columns(w: Writer) -> None:
    w.new_page()
    column = (WIDTH - 112 - 24) * 0.58  # a wider left column: the gutter is not at the middle
    left = ["Area for improvement 3", ("The force should make sure that it reviews repeat victims of domestic "
                                       "abuse and that safeguarding plans are recorded for every one of them.")]
    right = ["Area for improvement 4", ("The force should improve the way it records the outcome of stop and "
                                        "search encounters, including the reasonable grounds for each search.")]
    top = w.y
    for x, texts, wide in ((56, left, column), (56 + column + 24, right, WIDTH - 112 - 24 - column)):
        w.y = top
        for text in texts:
            w.para(text, x=x, width=wide, font="Helvetica-Bold" if text.startswith("Area") else "Helvetica")


if __name__ == "__main__":  # pragma: no cover
    write_report(Path("report.pdf"))
