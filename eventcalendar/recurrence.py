"""Dates of events and series: expansion into occurrences, in Berlin wall-clock time.

A series repeats the first date's *local* time: a weekly group at 19:00 stays at 19:00 across
the switch to and from summer time, because the rule runs on naive Berlin times and each
occurrence is made aware afterwards (exactly what ``DTSTART;TZID=Europe/Berlin`` with an
``RRULE`` means in iCal). Expansion is always bounded: by a window, and by ``MAX_OCCURRENCES``.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

BERLIN = ZoneInfo("Europe/Berlin")
# Upper bound of occurrences one series yields for any single window.
MAX_OCCURRENCES = 400
MAX_COUNT = 200


class Recurrence(models.TextChoices):
    NONE = "", _("einmalig")
    WEEKLY = "weekly", _("wöchentlich")
    MONTHLY_WEEKDAY = (
        "monthly-weekday",
        _("monatlich am selben Wochentag (z. B. jeden 2. Donnerstag)"),
    )
    MONTHLY_LAST_WEEKDAY = (
        "monthly-last-weekday",
        _("monatlich am letzten Wochentag (z. B. jeden letzten Freitag)"),
    )
    MONTHLY_DAY = "monthly-day", _("monatlich am selben Tag (z. B. jeden 15.)")


MONTHLY_BY_WEEKDAY = (Recurrence.MONTHLY_WEEKDAY, Recurrence.MONTHLY_LAST_WEEKDAY)


WEEKDAYS = [
    _("Montag"),
    _("Dienstag"),
    _("Mittwoch"),
    _("Donnerstag"),
    _("Freitag"),
    _("Samstag"),
    _("Sonntag"),
]
ORDINALS = {
    1: pgettext_lazy("jeden … Wochentag im Monat", "ersten"),
    2: pgettext_lazy("jeden … Wochentag im Monat", "zweiten"),
    3: pgettext_lazy("jeden … Wochentag im Monat", "dritten"),
    4: pgettext_lazy("jeden … Wochentag im Monat", "vierten"),
    -1: pgettext_lazy("jeden … Wochentag im Monat", "letzten"),
}
RRULE_WEEKDAYS = [rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU]
ICAL_WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def local(value):
    """``value`` (aware) as a Berlin datetime."""
    return value.astimezone(BERLIN)


def aware(naive):
    """A naive Berlin wall-clock time as an aware datetime."""
    return naive.replace(tzinfo=BERLIN)


def start_of_day(day):
    return aware(datetime.combine(day, time.min))


def end_of_day(day):
    return aware(datetime.combine(day, time(23, 59, 59)))


def weekday_position(day):
    """Which occurrence of its weekday ``day`` is in its month: 1–4, or -1 for the fifth
    (which is always the last one)."""
    position = (day.day - 1) // 7 + 1
    return -1 if position == 5 else position


def is_last_weekday(day):
    """Whether ``day`` is the last of its weekday in its month."""
    return (day + timedelta(days=7)).month != day.month


@dataclass(frozen=True)
class Occurrence:
    """One date of an event: the event itself or one repetition of a series."""

    event: object
    start: datetime  # aware, Berlin
    end: datetime  # aware, Berlin
    all_day: bool

    @property
    def start_date(self):
        return self.start.date()

    @property
    def end_date(self):
        return self.end.date()

    @property
    def is_multi_day(self):
        return self.end_date != self.start_date

    @property
    def has_end_time(self):
        return not self.all_day and self.end != self.start


@dataclass(frozen=True)
class Schedule:
    """The dates of an event: first start and end (aware), all-day, and the repetition."""

    start: datetime
    end: datetime | None = None
    all_day: bool = False
    recurrence: str = Recurrence.NONE
    interval: int = 1
    until: date | None = None
    count: int | None = None
    cancelled: tuple = ()  # dates on which a date of the series does not take place

    @classmethod
    def of(cls, event):
        return cls(
            start=event.start,
            end=event.end,
            all_day=event.all_day,
            recurrence=event.recurrence,
            interval=event.recurrence_interval or 1,
            until=event.recurrence_until if event.recurrence else None,
            count=event.recurrence_count if event.recurrence else None,
            cancelled=tuple(parse_dates(event.cancelled_dates)[0]) if event.recurrence else (),
        )

    # --- the first date ------------------------------------------------------------------

    @property
    def first_start(self):
        start = local(self.start)
        return start_of_day(start.date()) if self.all_day else start

    @property
    def first_end(self):
        """The end of the first date: for all-day events the end of its last day; without an
        end time the start itself."""
        if self.all_day:
            last = local(self.end).date() if self.end else local(self.start).date()
            return end_of_day(max(last, local(self.start).date()))
        return local(self.end) if self.end else self.first_start

    @property
    def duration(self):
        """Wall-clock duration, so that a 19:00–21:00 date stays 19:00–21:00 in every season."""
        start = self.first_start.replace(tzinfo=None)
        end = self.first_end.replace(tzinfo=None)
        return end - start

    @property
    def is_series(self):
        return bool(self.recurrence)

    @property
    def weekday_position(self):
        """1–4 or -1 (last) for series on a weekday of the month."""
        if self.recurrence == Recurrence.MONTHLY_LAST_WEEKDAY:
            return -1
        return weekday_position(self.first_start.date())

    # --- the rule ------------------------------------------------------------------------

    def rule(self):
        """A dateutil rule over naive Berlin times (None for a single date)."""
        if not self.is_series:
            return None
        start = self.first_start.replace(tzinfo=None)
        options = {"dtstart": start, "interval": max(1, self.interval)}
        if self.recurrence == Recurrence.WEEKLY:
            frequency = rrule.WEEKLY
        elif self.recurrence in MONTHLY_BY_WEEKDAY:
            frequency = rrule.MONTHLY
            weekday = RRULE_WEEKDAYS[start.weekday()]
            options["byweekday"] = weekday(self.weekday_position)
        else:
            frequency = rrule.MONTHLY
            options["bymonthday"] = start.day
        if self.count:
            options["count"] = min(self.count, MAX_COUNT)
        elif self.until:
            options["until"] = datetime.combine(self.until, time(23, 59, 59))
        rule = rrule.rrule(frequency, **options)
        if not self.cancelled:
            return rule
        # Like RRULE + EXDATE in iCal: a COUNT counts the cancelled dates too.
        rules = rrule.rruleset()
        rules.rrule(rule)
        for day in self.cancelled:
            rules.exdate(datetime.combine(day, start.time()))
        return rules

    def _occurrence(self, event, naive_start):
        start = aware(naive_start)
        end = aware(naive_start + self.duration)
        return Occurrence(event, start, end, self.all_day)

    def occurrences(self, event, window_start, window_end, limit=MAX_OCCURRENCES):
        """The dates overlapping [window_start, window_end] (aware datetimes), at most
        ``limit`` of them, earliest first."""
        rule = self.rule()
        if rule is None:
            occurrence = Occurrence(event, self.first_start, self.first_end, self.all_day)
            if occurrence.end >= window_start and occurrence.start <= window_end:
                return [occurrence]
            return []
        # Start a duration earlier, so that a date running into the window is included.
        after = local(window_start).replace(tzinfo=None) - self.duration
        before = local(window_end).replace(tzinfo=None)
        found = []
        for naive_start in rule.xafter(after, inc=True):
            if naive_start > before or len(found) >= limit:
                break
            occurrence = self._occurrence(event, naive_start)
            if occurrence.end >= window_start:
                found.append(occurrence)
        return found

    def next_occurrence(self, event, moment):
        """The first date that has not ended at ``moment`` (None when the series is over)."""
        rule = self.rule()
        if rule is None:
            occurrence = Occurrence(event, self.first_start, self.first_end, self.all_day)
            return occurrence if occurrence.end >= moment else None
        after = local(moment).replace(tzinfo=None) - self.duration
        naive_start = rule.after(after, inc=True)
        return self._occurrence(event, naive_start) if naive_start is not None else None

    def last_start(self):
        """The start of the last date, or None for a series without end."""
        rule = self.rule()
        if rule is None:
            return self.first_start
        if self.count:
            starts = list(rule)
            return aware(starts[-1]) if starts else self.first_start
        if self.until:
            naive = rule.before(datetime.combine(self.until, time(23, 59, 59)), inc=True)
            return aware(naive) if naive is not None else self.first_start
        return None

    def last_occurrence(self, event):
        start = self.last_start()
        if start is None:
            return None
        return self._occurrence(event, start.replace(tzinfo=None))

    def series_end(self):
        """When the last date ends (None: the series has no end)."""
        last = self.last_occurrence(None)
        return last.end if last is not None else None

    # --- for people and for iCal -----------------------------------------------------------

    def describe(self):
        """ "jeden Donnerstag", "jeden zweiten Donnerstag im Monat", … (empty for single dates)."""
        if not self.is_series:
            return ""
        start = self.first_start
        weekday = WEEKDAYS[start.weekday()]
        interval = max(1, self.interval)
        if self.recurrence == Recurrence.WEEKLY:
            if interval == 1:
                text = _("jeden %(weekday)s") % {"weekday": weekday}
            else:
                text = _("alle %(n)s Wochen am %(weekday)s") % {"n": interval, "weekday": weekday}
        elif self.recurrence in MONTHLY_BY_WEEKDAY:
            ordinal = ORDINALS[self.weekday_position]
            if interval == 1:
                text = _("jeden %(ordinal)s %(weekday)s im Monat") % {
                    "ordinal": ordinal,
                    "weekday": weekday,
                }
            else:
                text = _("am %(ordinal)s %(weekday)s jedes %(n)s. Monats") % {
                    "ordinal": ordinal,
                    "weekday": weekday,
                    "n": interval,
                }
        elif interval == 1:
            text = _("monatlich am %(day)s.") % {"day": start.day}
        else:
            text = _("alle %(n)s Monate am %(day)s.") % {"n": interval, "day": start.day}
        if self.count:
            text = _("%(rule)s, %(count)s Termine") % {"rule": text, "count": self.count}
        elif self.until:
            text = _("%(rule)s, bis %(date)s") % {
                "rule": text,
                "date": formats.date_format(self.until, "DATE_FORMAT"),
            }
        return text

    def has_date_on(self, day):
        """Whether the series (cancellations aside) has a date starting on ``day``."""
        rule = Schedule(**{**self.__dict__, "cancelled": ()}).rule()
        if rule is None:
            return self.first_start.date() == day
        return bool(
            rule.between(datetime.combine(day, time.min), datetime.combine(day, time.max), inc=True)
        )

    def ical_exdates(self):
        """EXDATE values for the cancelled dates: dates for all-day series, else the local start."""
        if not self.is_series:
            return []
        if self.all_day:
            return list(self.cancelled)
        return [aware(datetime.combine(day, self.first_start.time())) for day in self.cancelled]

    def ical_rule(self):
        """The RRULE as a dict for ``icalendar`` (None for a single date)."""
        if not self.is_series:
            return None
        start = self.first_start
        parts = {"FREQ": "WEEKLY" if self.recurrence == Recurrence.WEEKLY else "MONTHLY"}
        if self.interval and self.interval > 1:
            parts["INTERVAL"] = self.interval
        if self.recurrence == Recurrence.WEEKLY:
            parts["BYDAY"] = ICAL_WEEKDAYS[start.weekday()]
        elif self.recurrence in MONTHLY_BY_WEEKDAY:
            parts["BYDAY"] = f"{self.weekday_position}{ICAL_WEEKDAYS[start.weekday()]}"
        else:
            parts["BYMONTHDAY"] = start.day
        if self.count:
            parts["COUNT"] = min(self.count, MAX_COUNT)
        elif self.until:
            # RFC 5545: with a DTSTART in a time zone, UNTIL is in UTC; for dates it is a date.
            parts["UNTIL"] = (
                self.until if self.all_day else end_of_day(self.until).astimezone(ZoneInfo("UTC"))
            )
        return parts


DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y")


def parse_dates(text):
    """Dates from an editor's list ("24.12.2026, 31.12.2026" or ISO dates, separated by commas,
    semicolons, spaces or lines): ``(sorted dates, [words that are no date])``."""
    found, wrong = set(), []
    for word in re.split(r"[\s,;]+", text or ""):
        if not word:
            continue
        for pattern in DATE_FORMATS:
            try:
                found.add(datetime.strptime(word, pattern).date())
                break
            except ValueError:
                continue
        else:
            wrong.append(word)
    return sorted(found), wrong


def month_window(year, month):
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return start_of_day(first), end_of_day(following - timedelta(days=1))
