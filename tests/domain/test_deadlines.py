from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opcc_desktop.domain.deadlines import s55_day_number, s55_last_day, s55_state


@pytest.mark.parametrize(
    ("published", "last_day"),
    [
        (date(2020, 7, 21), date(2020, 9, 14)),  # The Hard Yards (domain brief worked example)
        (date(2023, 11, 10), date(2024, 1, 4)),  # #29536 north-west SOC, across a year end
        (date(2024, 9, 10), date(2024, 11, 4)),  # activism and impartiality
        (date(2024, 7, 19), date(2024, 9, 12)),  # State of Policing 2023
        (date(2023, 1, 31), date(2023, 3, 27)),  # month end, short February
        (date(2024, 1, 31), date(2024, 3, 26)),  # month end, leap February
        (date(2024, 1, 5), date(2024, 2, 29)),  # lands on 29 February
        (date(2024, 2, 29), date(2024, 4, 24)),  # published on 29 February
        (date(2023, 12, 31), date(2024, 2, 24)),  # published on New Year's Eve
        (date(2025, 11, 7), date(2026, 1, 1)),  # lands on New Year's Day: not moved for holidays
    ],
)
def test_last_day_is_publication_day_plus_55(published, last_day):
    assert s55_last_day(published) == last_day
    assert s55_day_number(published, last_day) == 56


@given(st.dates(min_value=date(1996, 1, 1), max_value=date(2100, 12, 31)))
def test_period_is_56_days_beginning_with_publication_day(published):
    last = s55_last_day(published)
    assert s55_day_number(published, published) == 1
    assert s55_day_number(published, last) == 56
    assert (last - published).days == 55


def test_state_counts_days_left_and_overdue():
    published = date(2023, 11, 10)
    assert s55_state(published, date(2024, 1, 1)).days_left == 3
    assert not s55_state(published, date(2024, 1, 4)).overdue
    assert s55_state(published, date(2024, 1, 4)).describe() == "Last day today"
    late = s55_state(published, date(2024, 1, 7))
    assert late.overdue and late.days_left == -3
    assert late.describe() == "3 days overdue"
    assert s55_state(published, date(2024, 1, 3)).describe() == "1 day left"


def test_state_once_published():
    published = date(2020, 7, 21)
    on_time = s55_state(published, date(2021, 1, 1), response_published=date(2020, 9, 11))
    assert not on_time.overdue and on_time.met_in_time
    assert on_time.describe() == "Published in time"
    late = s55_state(published, date(2021, 1, 1), response_published=published + timedelta(days=57))
    assert not late.overdue and not late.met_in_time
    assert late.describe() == "Published 2 days late"
