"""Intake: reading a 150-page report PDF (generated in the shape of a real HMICFRS report) into a proposal."""

from __future__ import annotations

import time
from pathlib import Path


def measure_report_pdf(folder: Path, pages: int = 150) -> dict[str, float]:
    from opcc_desktop.services.report_intake import propose_from_pdf
    from tests.report_pdf.make_report import write_report

    pdf = folder / "report-150-pages.pdf"
    write_report(pdf, body_pages=pages)
    started = time.perf_counter()
    proposal = propose_from_pdf(pdf)
    return {"report_pdf_s": time.perf_counter() - started, "report_pdf_pages": float(proposal.pages)}
