"""Lead times, urgency groups, snooze and acknowledge: pure rules with `today` injected."""

from datetime import date, timedelta

import pytest

from opcc_desktop.domain.reminders import (
    DueThing,
    ReminderState,
    Urgency,
    internal_target,
    is_silenced,
    parse_lead_days,
    reminders,
    threshold_band,
    urgency,
)

TODAY = date(2026, 11, 22)


def thing(days_left: int, key: str = "s55:1") -> DueThing:
    return DueThing("s55", key, "29536", "A report", TODAY + timedelta(days=days_left), 1)


@pytest.mark.parametrize(("days_left", "expected"), [
    (-1, Urgency.OVERDUE), (0, Urgency.TODAY), (1, Urgency.THIS_WEEK), (7, Urgency.THIS_WEEK),
    (8, Urgency.WITHIN_LEAD_TIME), (28, Urgency.WITHIN_LEAD_TIME), (29, None),
])
def test_urgency_follows_the_largest_lead_time(days_left, expected):
    assert urgency(thing(days_left), TODAY) == expected


def test_shorter_lead_times_remind_later():
    assert urgency(thing(10), TODAY, (7, 3)) is None
    assert urgency(thing(5), TODAY, (7, 3)) == Urgency.THIS_WEEK


def test_lead_days_are_parsed_or_refused_plainly():
    assert parse_lead_days("28, 14,7;3, 1, 7") == (28, 14, 7, 3, 1)
    for bad in ("", "soon", "-3", "400"):
        with pytest.raises(ValueError):
            parse_lead_days(bad)


def test_threshold_bands_count_crossed_lead_times():
    leads = (28, 14, 7, 3, 1)
    assert [threshold_band(d, leads) for d in (30, 28, 20, 14, 5, 1, 0, -1)] == [0, 1, 1, 2, 3, 5, 5, 6]


def test_acknowledged_reminder_returns_at_the_next_threshold():
    state = ReminderState("s55:1", acknowledged_on=TODAY, acknowledged_days_left=20)
    # acknowledged with 20 days left: silent until 14 days left
    assert is_silenced(thing(20), state, TODAY)
    later = TODAY + timedelta(days=5)  # 15 days left: same band
    assert is_silenced(DueThing("s55", "s55:1", "r", "t", TODAY + timedelta(days=20), 1), state, later)
    crossed = TODAY + timedelta(days=6)  # 14 days left: next threshold
    assert not is_silenced(DueThing("s55", "s55:1", "r", "t", TODAY + timedelta(days=20), 1), state, crossed)


def test_snooze_holds_until_its_date_unless_the_thing_becomes_overdue():
    due = TODAY + timedelta(days=3)
    item = DueThing("s55", "s55:1", "r", "t", due, 1)
    state = ReminderState("s55:1", snoozed_on=TODAY, snoozed_until=TODAY + timedelta(days=10))
    assert is_silenced(item, state, TODAY + timedelta(days=2))
    assert not is_silenced(item, state, TODAY + timedelta(days=4)), "became overdue while snoozed"
    assert not is_silenced(item, state, TODAY + timedelta(days=10)), "the snooze date has come"
    overdue_when_snoozed = ReminderState("s55:1", snoozed_on=due + timedelta(days=1),
                                         snoozed_until=due + timedelta(days=5))
    assert is_silenced(item, overdue_when_snoozed, due + timedelta(days=2))


def test_reminders_sorted_by_urgency_then_date_and_silenced_ones_left_out():
    things = [thing(20, "a"), thing(-2, "b"), thing(0, "c"), thing(3, "d"), thing(40, "e")]
    states = {"d": ReminderState("d", snoozed_on=TODAY, snoozed_until=TODAY + timedelta(days=2))}
    shown = reminders(things, TODAY, states)
    assert [r.thing.key for r in shown] == ["b", "c", "a"]
    assert [r.describe() for r in shown] == ["2 days overdue", "due today", "20 days left"]
    assert "d" in [r.thing.key for r in reminders(things, TODAY, states, include_silenced=True)]


def test_internal_target_counts_publication_day_as_day_one():
    assert internal_target(date(2026, 11, 1), 30) == date(2026, 11, 30)


def test_statutory_deadlines_lead_their_group():
    late_action = DueThing("action", "action:1", "JASP action 001", "t", TODAY - timedelta(days=300))
    late_s55 = DueThing("s55", "s55:9", "DEMO-003", "t", TODAY - timedelta(days=2), 9)
    assert [r.thing.kind for r in reminders([late_action, late_s55], TODAY)] == ["s55", "action"]
