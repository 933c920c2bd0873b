"""The floors each figure is compared with: what the same work costs without any application logic."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
from xml.sax.saxutils import escape

BARE_WINDOW_SCRIPT = r'''
import sys, time
start = time.perf_counter()
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 50
    def columnCount(self, parent=QModelIndex()): return 0 if parent.isValid() else 6
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return f"row {index.row()} column {index.column()}" if role == Qt.ItemDataRole.DisplayRole else None

app = QApplication(sys.argv)
window = QMainWindow()
view = QTableView()
view.setModel(Model(view))
window.setCentralWidget(view)
window.resize(1200, 760)
window.show()
def peak_mb():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) / 1024 for l in status if l.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return float("nan")
def done():
    window.grab()  # one real paint
    print(f"window ready: {time.perf_counter() - start:.3f} s", flush=True)
    print(f"peak memory at window ready: {peak_mb():.1f} MB", flush=True)
    app.quit()
QTimer.singleShot(0, done)
app.exec()
'''


def raw_sql_ms(database: Path, statements: list[str], repeat: int) -> float:
    """Median time to run exactly these SQL statements (captured from the app) on a bare connection."""
    from .timing import median_ms

    connection = sqlite3.connect(database)
    try:
        def run() -> None:
            for statement in statements:
                connection.execute(statement).fetchall()
        return median_ms(run, repeat)
    finally:
        connection.close()


FONT_DIR = Path(__file__).resolve().parent.parent / "resources" / "fonts"


def _bare_font() -> str:
    """The same embedded TrueType font the letters need (Welsh and other scripts), registered directly."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "BareDejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("BareDejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
    return "BareDejaVu"


def bare_reportlab_pdf(paragraphs: list[str], appendix_rows: list[tuple[str, ...]],
                       col_widths: list[float] | None = None, cell_size: tuple[float, float] | None = None) -> bytes:
    """The same text as the letter, laid out by ReportLab alone (same embedded font, no styling, no
    page furniture, no application code): paragraphs, then one table with a repeating header row.

    `appendix_rows` holds the text of each appendix row's cells; `col_widths` and `cell_size` (font
    size, leading) give the letter's table geometry. Without them: two equal 230 pt columns at the
    body size (the floor of runs before 2026-11-23 07:50, kept for comparison)."""
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("bare", fontName=_bare_font())
    cell = body if cell_size is None else body.clone("bare_cell", fontSize=cell_size[0], leading=cell_size[1])
    story: list = [Paragraph(escape(text), body) for text in paragraphs]
    if appendix_rows:
        story.append(PageBreak())
        columns = len(appendix_rows[0])
        rows = [[Paragraph(f"Column {n + 1}", cell) for n in range(columns)]]
        rows += [[Paragraph(escape(text), cell) for text in row] for row in appendix_rows]
        story.append(Table(rows, colWidths=col_widths or [460 / columns] * columns, repeatRows=1))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()
