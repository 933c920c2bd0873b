"""s.55 compliance figures per year: on time, late, median days taken, open overdue; PDF read back."""

import io
from datetime import date, timedelta

from pypdf import PdfReader

from opcc_desktop.domain.compliance import compliance_by_year, currently_overdue
from opcc_desktop.letters.compliance_report import compliance_pdf

TODAY = date(2026, 11, 22)


def test_figures_by_year_of_publication():
    rows = [
        (date(2025, 1, 1), "yes", date(2025, 1, 1) + timedelta(days=55)),  # day 56: on time
        (date(2025, 3, 1), "yes", date(2025, 3, 1) + timedelta(days=56)),  # day 57: late
        (date(2025, 6, 1), "unclear", date(2025, 6, 1) + timedelta(days=29)),  # day 30
        (date(2025, 7, 1), "no", None),  # left out
        (date(2026, 9, 1), "yes", None),  # open, overdue (last day 26/10/2026)
        (date(2026, 11, 1), "yes", None),  # open, still in time
    ]
    figures = compliance_by_year(rows, TODAY)
    assert [f.year for f in figures] == [2026, 2025]
    y2025 = figures[1]
    assert (y2025.reports, y2025.published_on_time, y2025.published_late, y2025.median_days) == (3, 2, 1, 56.0)
    assert round(y2025.on_time_percent) == 67
    y2026 = figures[0]
    assert (y2026.open_overdue, y2026.open_in_time, y2026.median_days) == (1, 1, None)
    assert currently_overdue(figures) == 1


def test_pdf_prints_the_table_and_office_name_literally():
    figures = compliance_by_year([(date(2024, 5, 1), "yes", date(2024, 6, 1))], TODAY)
    reader = PdfReader(io.BytesIO(compliance_pdf("OPCC <b>North</b> & Co", figures, TODAY)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "OPCC <b>North</b> & Co" in text and "2024" in text and "Median days" in text and "32" in text


def test_only_decided_cases_count_and_open_ones_are_shown_apart():
    rows = [(date(2026, 10, 20), "yes", None), (date(2026, 11, 1), "yes", None),  # inside their 56 days
            (date(2026, 1, 5), "yes", None)]  # overdue, still open
    year = compliance_by_year(rows, TODAY)[0]
    assert year.on_time_percent is None and year.on_time_text == "none decided yet"  # never "0% on time"
    assert (year.open_in_time, year.open_overdue, year.still_open, year.decided) == (2, 1, 3, 0)
    year = compliance_by_year([*rows, (date(2026, 2, 1), "yes", date(2026, 3, 1))], TODAY)[0]
    assert year.on_time_text == "100% of 1 decided"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(compliance_pdf("OPCC", [year], TODAY))).pages)
    assert "100% of 1 decided" in text and "Open, in time" in text
