"""Series of events: weekly and monthly rules in Berlin wall-clock time, bounded expansion."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import translation

from eventcalendar.recurrence import MAX_OCCURRENCES, Recurrence, Schedule, month_window

from .events_factories import berlin

UTC = ZoneInfo("UTC")


def dates(schedule, first, last, **kwargs):
    return [o.start for o in schedule.occurrences(None, first, last, **kwargs)]


def test_weekly_series_keeps_local_time_across_both_dst_switches():
    schedule = Schedule(
        start=berlin(2026, 3, 19, 19, 0), end=berlin(2026, 3, 19, 21, 0), recurrence="weekly"
    )
    spring = dates(schedule, berlin(2026, 3, 19), berlin(2026, 4, 3))
    assert [(d.day, d.hour) for d in spring] == [(19, 19), (26, 19), (2, 19)]
    # 19:00 in winter is 18:00 UTC, in summer 17:00 UTC: the local time stays, the offset moves.
    assert [d.astimezone(UTC).hour for d in spring] == [18, 18, 17]
    autumn = schedule.occurrences(None, berlin(2026, 10, 20), berlin(2026, 11, 2))
    assert [(o.start.day, o.start.hour, o.end.hour) for o in autumn] == [
        (22, 19, 21),
        (29, 19, 21),
    ]
    assert [o.start.astimezone(UTC).hour for o in autumn] == [17, 18]


def test_monthly_series_on_the_second_thursday():
    schedule = Schedule(start=berlin(2026, 1, 8, 18, 0), recurrence=Recurrence.MONTHLY_WEEKDAY)
    found = dates(schedule, berlin(2026, 1, 1), berlin(2026, 6, 30))
    assert [d.date() for d in found] == [
        date(2026, 1, 8),
        date(2026, 2, 12),
        date(2026, 3, 12),
        date(2026, 4, 9),
        date(2026, 5, 14),
        date(2026, 6, 11),
    ]
    assert all(d.weekday() == 3 and d.hour == 18 for d in found)


def test_monthly_series_starting_on_a_fifth_weekday_repeats_on_the_last_one():
    schedule = Schedule(start=berlin(2026, 1, 30, 20, 0), recurrence=Recurrence.MONTHLY_WEEKDAY)
    found = dates(schedule, berlin(2026, 1, 1), berlin(2026, 3, 31))
    assert [d.date() for d in found] == [date(2026, 1, 30), date(2026, 2, 27), date(2026, 3, 27)]
    assert schedule.ical_rule()["BYDAY"] == "-1FR"


def test_monthly_series_by_day_of_month_with_interval():
    schedule = Schedule(
        start=berlin(2026, 1, 15, 10, 0), recurrence=Recurrence.MONTHLY_DAY, interval=2
    )
    found = dates(schedule, berlin(2026, 1, 1), berlin(2026, 12, 31))
    assert [d.month for d in found] == [1, 3, 5, 7, 9, 11]
    assert {d.day for d in found} == {15}


def test_series_ends_on_until_date_or_after_count():
    until = Schedule(start=berlin(2026, 1, 5, 9, 0), recurrence="weekly", until=date(2026, 1, 26))
    assert len(dates(until, berlin(2026, 1, 1), berlin(2027, 1, 1))) == 4
    assert until.series_end() == berlin(2026, 1, 26, 9, 0)
    counted = Schedule(
        start=berlin(2026, 1, 5, 9, 0), end=berlin(2026, 1, 5, 11, 0), recurrence="weekly", count=3
    )
    assert counted.series_end() == berlin(2026, 1, 19, 11, 0)
    assert Schedule(start=berlin(2026, 1, 5, 9, 0), recurrence="weekly").series_end() is None


def test_expansion_of_an_open_series_is_bounded():
    schedule = Schedule(start=berlin(2000, 1, 3, 9, 0), recurrence="weekly")
    found = schedule.occurrences(None, berlin(2000, 1, 1), berlin(2099, 12, 31))
    assert len(found) == MAX_OCCURRENCES
    assert len(schedule.occurrences(None, berlin(2000, 1, 1), berlin(2099, 12, 31), limit=5)) == 5


def test_a_date_running_into_the_window_is_included():
    schedule = Schedule(
        start=berlin(2026, 11, 30, 22, 0), end=berlin(2026, 12, 1, 2, 0), recurrence="weekly"
    )
    first, last = month_window(2026, 12)
    found = schedule.occurrences(None, first, last)
    assert found[0].start == berlin(2026, 11, 30, 22, 0)
    assert found[0].is_multi_day


def test_all_day_event_spans_whole_days():
    schedule = Schedule(start=berlin(2026, 7, 4, 13, 0), end=berlin(2026, 7, 5, 9, 0), all_day=True)
    assert schedule.first_start == berlin(2026, 7, 4, 0, 0)
    assert schedule.first_end.date() == date(2026, 7, 5)
    assert schedule.first_end.hour == 23


def test_next_occurrence_includes_a_date_still_running():
    schedule = Schedule(
        start=berlin(2026, 1, 5, 18, 0), end=berlin(2026, 1, 5, 20, 0), recurrence="weekly"
    )
    running = schedule.next_occurrence(None, berlin(2026, 1, 12, 19, 0))
    assert running.start == berlin(2026, 1, 12, 18, 0)
    after = schedule.next_occurrence(None, berlin(2026, 1, 12, 20, 30))
    assert after.start == berlin(2026, 1, 19, 18, 0)


def test_ical_rule_uses_utc_until_for_timed_series_and_a_date_for_all_day_ones():
    timed = Schedule(start=berlin(2026, 6, 1, 19, 0), recurrence="weekly", until=date(2026, 7, 27))
    rule = timed.ical_rule()
    assert rule["FREQ"] == "WEEKLY" and rule["BYDAY"] == "MO"
    assert rule["UNTIL"] == datetime(2026, 7, 27, 21, 59, 59, tzinfo=UTC)
    all_day = Schedule(
        start=berlin(2026, 6, 1), all_day=True, recurrence="monthly-day", until=date(2026, 9, 1)
    )
    assert all_day.ical_rule() == {"FREQ": "MONTHLY", "BYMONTHDAY": 1, "UNTIL": date(2026, 9, 1)}


def test_descriptions_in_german_and_english():
    monthly = Schedule(start=berlin(2026, 1, 8, 18, 0), recurrence="monthly-weekday", count=10)
    weekly = Schedule(start=berlin(2026, 1, 8, 18, 0), recurrence="weekly", interval=2)
    with translation.override("de"):
        assert str(monthly.describe()) == "jeden zweiten Donnerstag im Monat, 10 Termine"
        assert str(weekly.describe()) == "alle 2 Wochen am Donnerstag"
    with translation.override("en"):
        assert str(monthly.describe()) == "every second Thursday of the month, 10 dates"
        assert str(weekly.describe()) == "every 2 weeks on Thursday"


def test_month_window_covers_the_whole_month_in_berlin_time():
    first, last = month_window(2026, 12)
    assert first == berlin(2026, 12, 1)
    assert last.date() == date(2026, 12, 31)
    assert last - first > timedelta(days=30)


def test_monthly_series_on_the_last_friday_even_when_it_is_the_fourth():
    # 2027-01-29 is the fifth Friday, 2027-02-26 the fourth – both are the last one.
    schedule = Schedule(start=berlin(2027, 1, 29, 20, 0), recurrence="monthly-last-weekday")
    found = dates(schedule, berlin(2027, 1, 1), berlin(2027, 5, 1))
    assert [d.date() for d in found] == [
        date(2027, 1, 29),
        date(2027, 2, 26),
        date(2027, 3, 26),
        date(2027, 4, 30),
    ]
    assert schedule.ical_rule()["BYDAY"] == "-1FR"
    with translation.override("de"):
        assert str(schedule.describe()) == "jeden letzten Freitag im Monat"


def test_cancelled_dates_are_left_out_and_count_like_exdate():
    schedule = Schedule(
        start=berlin(2026, 12, 3, 19, 0),
        recurrence="weekly",
        count=5,
        cancelled=(date(2026, 12, 24), date(2026, 12, 31)),
    )
    found = dates(schedule, berlin(2026, 12, 1), berlin(2027, 2, 1))
    assert [d.date() for d in found] == [date(2026, 12, 3), date(2026, 12, 10), date(2026, 12, 17)]
    assert schedule.series_end() == berlin(2026, 12, 17, 19, 0)
    assert schedule.next_occurrence(None, berlin(2026, 12, 20)) is None
    assert schedule.ical_exdates() == [berlin(2026, 12, 24, 19, 0), berlin(2026, 12, 31, 19, 0)]


def test_editors_date_lists_are_parsed_in_german_and_iso_format():
    from eventcalendar.recurrence import parse_dates

    assert parse_dates("31.12.2026, 2026-12-24;\n07.01.27") == (
        [date(2026, 12, 24), date(2026, 12, 31), date(2027, 1, 7)],
        [],
    )
    assert parse_dates("24.12., morgen") == ([], ["24.12.", "morgen"])
