from datetime import date, datetime, timedelta

from opcc_desktop.domain.backup_rotation import backups_to_keep

TODAY = date(2026, 11, 22)  # a Sunday


def _daily_for(days: int) -> list[datetime]:
    return [datetime(2026, 11, 22, 9, 0) - timedelta(days=n) for n in range(days)]


def test_a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months():
    taken = _daily_for(400)
    kept = backups_to_keep(taken, TODAY)
    days = sorted({t.date() for t in kept}, reverse=True)
    assert days[:7] == [TODAY - timedelta(days=n) for n in range(7)]
    months = {(t.year, t.month) for t in kept}
    assert len(months) == 12 and (2025, 12) in months and (2025, 11) not in months
    assert len(kept) <= 7 + 4 + 12


def test_newest_backup_of_a_day_is_kept_and_older_ones_of_that_day_go():
    morning, evening = datetime(2026, 11, 22, 8), datetime(2026, 11, 22, 18)
    assert backups_to_keep([morning, evening], TODAY) == {evening}


def test_a_lone_old_backup_within_twelve_months_is_kept_and_older_ones_are_not():
    recent, ancient = datetime(2026, 1, 5), datetime(2024, 1, 5)
    assert backups_to_keep([recent, ancient], TODAY) == {recent}


def test_backups_dated_in_the_future_are_never_deleted():
    future = datetime(2027, 1, 1)
    assert future in backups_to_keep([future], TODAY)


def test_nothing_to_keep_from_nothing():
    assert backups_to_keep([], TODAY) == set()
