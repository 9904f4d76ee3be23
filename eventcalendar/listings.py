"""The event lists a site shows: upcoming, past, one month; own events and, on the umbrella
site, the network's. Each list costs a fixed number of queries; the expansion of series into
dates is bounded by a window and by ``MAX_CANDIDATES`` events per request."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from editorial.members import root_path
from editorial.syndication import attach_provenance, network_listing

from .choices import Attendance
from .models import EventPage
from .recurrence import month_window

# How far ahead "upcoming" looks, and how many events one list considers at most.
UPCOMING_DAYS = 366
MAX_CANDIDATES = 500
ONLINE = "online"


def events_below(index, network, restricted_paths=None):
    """Live public events of ``index`` – for the umbrella's index together with the network's
    events in its language – with what the lists show (locale, district). ``restricted_paths``
    (the site context has them) saves the query for view restrictions on a member's site."""
    items = EventPage.objects.all()
    if network:
        items = network_listing(items, index)
    elif restricted_paths is not None:
        items = items.live().child_of(index)
        for path in restricted_paths:
            items = items.exclude(path__startswith=path)
    else:
        items = items.live().public().child_of(index)
    return items.select_related("locale", "district").defer_streamfields()


def filtered(queryset, *, kind="", district=""):
    if kind:
        queryset = queryset.filter(kind=kind)
    if district == ONLINE:
        queryset = queryset.filter(attendance__in=[Attendance.ONLINE, Attendance.HYBRID])
    elif district:
        queryset = queryset.filter(district__ars=district)
    return queryset


def not_over(queryset, moment):
    return queryset.filter(Q(series_end__gte=moment) | Q(series_end__isnull=True))


def upcoming(queryset, now=None, days=UPCOMING_DAYS):
    """The next date of every event that is not over, soonest first (running dates count)."""
    now = now or timezone.now()
    horizon = now + timedelta(days=days)
    candidates = not_over(queryset, now).filter(start__lte=horizon).order_by("start", "pk")
    found = []
    for event in candidates[:MAX_CANDIDATES]:
        occurrence = event.schedule.next_occurrence(event, now)
        if occurrence is not None and occurrence.start <= horizon:
            found.append(occurrence)
    found.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return found


def past(queryset, now=None):
    """Events whose last date is over, most recent first (a queryset, for the paginator)."""
    now = now or timezone.now()
    return queryset.filter(series_end__lt=now).order_by("-series_end", "-pk")


def in_month(queryset, year, month):
    """Every date in the month (series expanded), grouped by day: ``[(day, [occurrence])]``.
    A date that began in the previous month is listed under the month's first day."""
    first, last = month_window(year, month)
    candidates = not_over(queryset, first).filter(start__lte=last).order_by("start", "pk")
    occurrences = []
    for event in candidates[:MAX_CANDIDATES]:
        occurrences.extend(event.schedule.occurrences(event, first, last))
    occurrences.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    days = {}
    for occurrence in occurrences:
        day = max(occurrence.start_date, first.date())
        days.setdefault(day, []).append(occurrence)
    return list(days.items())


def with_provenance(events, index, network):
    """Set ``network_member`` on the events (see ``editorial.syndication``)."""
    events = list({event.pk: event for event in events}.values())
    if network:
        attach_provenance(events, own_root_path=root_path(index.path))
    else:
        for event in events:
            event.network_member = None
    return events
