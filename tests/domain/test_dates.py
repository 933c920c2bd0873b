from datetime import date

import pytest

from opcc_desktop.domain.dates import format_letter_date, format_uk, parse_iso_date, parse_uk_date


@pytest.mark.parametrize(
    ("day", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (23, "23rd"), (30, "30th"), (31, "31st")],
)
def test_ordinal_letter_dates(day, expected):
    assert format_letter_date(date(2020, 1, day)) == f"{expected} January 2020"


def test_seed_letter_date_and_plain_style():
    assert format_letter_date(date(2020, 9, 11)) == "11th September 2020"
    assert format_letter_date(date(2020, 9, 11), "plain") == "11 September 2020"


def test_uk_format_and_parse():
    assert format_uk(date(2024, 1, 4)) == "04/01/2024"
    assert format_uk(None) == ""
    assert parse_uk_date("4/1/2024") == date(2024, 1, 4)
    assert parse_uk_date("29/02/2024") == date(2024, 2, 29)
    assert parse_uk_date("2024-01-04") == date(2024, 1, 4)


@pytest.mark.parametrize("text", ["31/02/2024", "29/02/2023", "00/01/2024", "abc", "", "1/13/2024", "12/2024"])
def test_uk_parse_rejects_bad_dates(text):
    with pytest.raises(ValueError):
        parse_uk_date(text)


@pytest.mark.parametrize("text", ["2024-02-30", "2024-2-1", "04/01/2024", "", "2024-01-04T00:00"])
def test_iso_parse_is_strict(text):
    with pytest.raises(ValueError):
        parse_iso_date(text)


@pytest.mark.parametrize("text, expected", [("1/2/24", date(2024, 2, 1)), ("31/12/99", date(2099, 12, 31)),
                                            ("01.02.26", date(2026, 2, 1)), ("5-6-07", date(2007, 6, 5))])
def test_uk_parse_reads_two_digit_years_as_this_century(text, expected):
    assert parse_uk_date(text) == expected


@pytest.mark.parametrize("text", ["1/2/4", "1/2/124", "29/2/23"])
def test_uk_parse_still_rejects_other_short_years_and_unreal_dates(text):
    with pytest.raises(ValueError):
        parse_uk_date(text)
