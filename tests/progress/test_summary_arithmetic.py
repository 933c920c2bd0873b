"""ProgressSummary arithmetic with `today` as a parameter: open/closed, overdue (revised targets), long open
(with and without a target), counts in lookup order, the quarter and its UK financial-year label."""

from datetime import date

import pytest

from opcc_desktop.domain.finding_rows import FindingRow
from opcc_desktop.domain.progress_summary import (
    MAX_MONTHS, NOT_OPEN_PREFIXES, ProgressSummary, Quarter, is_open, previous_quarter, quarter_of, recent_quarters,
)
from opcc_desktop.storage.reminders import CLOSED_STATUS_PREFIXES

TODAY = date(2026, 11, 22)
STATUSES = ["Not yet assessed", "Accepted", "Open – in progress", "Closed – complete", "Not accepted (local decision)"]


def row(n, *, inspection=1, status="Accepted", published=date(2026, 1, 10), target=None, revised=None, rag="",
        closed=None, kind="recommendation"):
    return FindingRow(n, inspection, f"INS-{inspection}", f"Inspection {inspection}", "PEEL", published, kind,
                      f"F{n}", "", f"Finding {n}", "DCC", target, status, rag, revised, closed)


@pytest.mark.parametrize("day, start, end, financial, months", [
    (date(2026, 4, 1), date(2026, 4, 1), date(2026, 6, 30), "Q1 2026–27", "April to June 2026"),
    (date(2026, 9, 30), date(2026, 7, 1), date(2026, 9, 30), "Q2 2026–27", "July to September 2026"),
    (date(2026, 10, 1), date(2026, 10, 1), date(2026, 12, 31), "Q3 2026–27", "October to December 2026"),
    (date(2027, 1, 1), date(2027, 1, 1), date(2027, 3, 31), "Q4 2026–27", "January to March 2027"),
    (date(2027, 3, 31), date(2027, 1, 1), date(2027, 3, 31), "Q4 2026–27", "January to March 2027"),
    (date(2000, 2, 29), date(2000, 1, 1), date(2000, 3, 31), "Q4 1999–00", "January to March 2000"),
])
def test_quarter_boundaries_and_financial_year_labels(day, start, end, financial, months):
    quarter = quarter_of(day)
    assert (quarter.start, quarter.end) == (start, end)
    assert (quarter.financial_label, quarter.months_label) == (financial, months)
    assert quarter.label == f"{financial} ({months})"
    assert quarter.contains(start) and quarter.contains(end) and not quarter.contains(None)


def test_previous_and_recent_quarters_cross_the_year_end():
    assert previous_quarter(date(2027, 1, 1)) == Quarter(date(2026, 10, 1), date(2026, 12, 31))
    assert previous_quarter(date(2026, 4, 1)).financial_label == "Q4 2025–26"
    labels = [q.financial_label for q in recent_quarters(date(2026, 5, 5), 4)]
    assert labels == ["Q1 2026–27", "Q4 2025–26", "Q3 2025–26", "Q2 2025–26"]


def test_not_open_statuses_match_the_storage_rule():
    assert tuple(NOT_OPEN_PREFIXES) == tuple(CLOSED_STATUS_PREFIXES)
    assert not is_open(row(1, status="  CLOSED – complete"))
    assert not is_open(row(1, status="Not for local action – monitoring national body"))
    assert not is_open(row(1, status="Not accepted (local decision)"))
    assert is_open(row(1, status="Accepted in part")) and is_open(row(1, status="Open – delayed"))


def test_overdue_uses_the_revised_target_and_skips_closed_findings():
    rows = [
        row(1, target=date(2026, 6, 30)),                                   # 145 days over
        row(2, target=date(2026, 6, 30), revised=date(2027, 3, 31)),        # revised into the future
        row(3, target=date(2027, 1, 1), revised=date(2026, 11, 21)),        # revised earlier: 1 day over
        row(4, status="Closed – complete", target=date(2020, 1, 1), closed=date(2021, 1, 1)),
        row(5, status="Not accepted (local decision)", target=date(2020, 1, 1)),
        row(6, target=TODAY),                                               # due today: not yet overdue
        row(7, target=date(2026, 6, 30), inspection=2),                     # ties with 1: inspection order
    ]
    summary = ProgressSummary.build(rows, TODAY)
    assert [(r.id, days) for r, days in summary.overdue] == [(1, 145), (7, 145), (3, 1)]
    assert (summary.total, summary.open_count, summary.not_open_count) == (7, 5, 2)


def test_long_open_is_by_publication_regardless_of_target_and_flags_missing_targets():
    rows = [
        row(1, published=date(2026, 5, 22)),                                # exactly 6 months: not "more than"
        row(2, published=date(2026, 5, 21)),                                # one day more, no target
        row(3, published=date(2024, 1, 1), target=date(2030, 1, 1)),        # old but target in future
        row(4, published=date(2019, 1, 1), status="Closed – complete", closed=date(2020, 1, 1)),
        row(5, published=date(2026, 11, 1)),                                # recent
    ]
    summary = ProgressSummary.build(rows, TODAY, months=6)
    assert [r.id for r in summary.long_open] == [3, 2]  # oldest first
    assert summary.long_open_without_target == 1
    assert [r.id for r in ProgressSummary.build(rows, TODAY, months=12).long_open] == [3]
    assert [r.id for r in ProgressSummary.build(rows, TODAY, months=1).long_open] == [3, 2, 1]


def test_counts_by_status_in_lookup_order_by_rag_of_open_findings_and_by_kind():
    rows = [
        row(1, status="Open – in progress", rag="Red"),
        row(2, status="Accepted", rag="Amber"),
        row(3, status="Accepted", rag=""),
        row(4, status="Closed – complete", rag="Blue", closed=date(2026, 8, 1), kind="area for improvement"),
        row(5, status="A status someone typed", rag="Purple"),
    ]
    summary = ProgressSummary.build(rows, TODAY, status_order=STATUSES, rag_order=["Red", "Amber", "Green", "Blue"])
    assert summary.by_status == [("Accepted", 2), ("Open – in progress", 1), ("Closed – complete", 1),
                                 ("A status someone typed", 1)]
    assert summary.by_rag == [("Red", 1), ("Amber", 1), ("Not rated", 1), ("Purple", 1)]  # closed Blue not counted
    assert dict(summary.by_kind) == {"recommendation": 4, "area for improvement": 1}


def test_opened_and_closed_in_the_quarter_and_reopened_findings():
    q3 = quarter_of(date(2026, 10, 1))
    rows = [
        row(1, published=date(2026, 9, 30)),                                          # day before the quarter
        row(2, published=date(2026, 10, 1)),                                          # first day
        row(3, published=date(2026, 12, 31), status="Closed – complete", closed=date(2026, 12, 31)),
        row(4, status="Closed – complete", closed=date(2026, 9, 30)),                 # closed the quarter before
        row(5, status="Open – in progress", closed=date(2026, 10, 5)),                # reopened: not "closed"
    ]
    summary = ProgressSummary.build(rows, date(2027, 1, 15), quarter=q3)
    assert (summary.opened_in_quarter, summary.closed_in_quarter) == (2, 1)
    assert ProgressSummary.build(rows, date(2027, 1, 15)).quarter == q3  # default: the last complete quarter


def test_per_inspection_lines_most_overdue_first_and_fully_closed_ones_counted_apart():
    rows = [
        row(1, inspection=1, target=date(2026, 1, 1)),
        row(2, inspection=1, status="Closed – complete", closed=date(2026, 2, 1)),
        row(3, inspection=2, target=date(2025, 1, 1)),
        row(4, inspection=2, target=date(2025, 2, 1)),
        row(5, inspection=3, status="Closed – complete", closed=date(2026, 2, 1)),
        row(6, inspection=4),
    ]
    lines = ProgressSummary.build(rows, TODAY).inspections
    assert [(line.reference, line.open, line.closed, line.overdue) for line in lines] == [
        ("INS-2", 2, 0, 2), ("INS-1", 1, 1, 1), ("INS-4", 1, 0, 0)]
    assert ProgressSummary.build(rows, TODAY).inspections_all_closed == 1


def test_months_out_of_range_is_refused_and_empty_office_is_fine():
    with pytest.raises(ValueError):
        ProgressSummary.build([], TODAY, months=0)
    with pytest.raises(ValueError):
        ProgressSummary.build([], TODAY, months=MAX_MONTHS + 1)
    empty = ProgressSummary.build([], TODAY, months=MAX_MONTHS)
    assert (empty.total, empty.overdue, empty.long_open, empty.inspections, empty.by_rag) == (0, [], [], [], [])
