"""The events index's views (upcoming, past, month, filters) and the iCal feeds."""

import re
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from districts.models import District
from editorial.syndication import network_listing
from feeds.network import NetworkScope
from home.query_state import DISTRICT
from home.site_context import SiteContext
from serving.tags import cache_tags_for_site, generation

from . import ical
from .api import MAX_PAGE_ID
from .choices import EventKind
from .listings import (
    MAX_CANDIDATES,
    ONLINE,
    UPCOMING_DAYS,
    events_below,
    filtered,
    in_month,
    not_over,
    past,
    upcoming,
    with_provenance,
)
from .models import EventIndexPage, EventPage
from .recurrence import local

EVENTS_PER_PAGE = 10
PAST = "vergangen"
MONTH_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")
FIRST_YEAR, LAST_YEAR = 2000, 2100
# iCal feeds include the dates of the last months too, so that a subscribed calendar keeps them.
FEED_PAST_DAYS = 180
# Dates pass by themselves: the cached order of upcoming dates is never older than this.
UPCOMING_ORDER_TIMEOUT = 300


def _shown(value, length=40):
    """User input quoted back in a message: shortened (escaping is the template's job)."""
    return value if len(value) <= length else f"{value[:length]}…"


def _parse_month(raw):
    match = MONTH_PATTERN.match(raw)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
        return None
    return year, month


def _shift(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _filter_error(anchor, message, value):
    """An entry of the error summary: the message, and the id of the control to correct."""
    return {"anchor": anchor, "message": message % {"value": _shown(value)}}


def calendar_context(index, request):
    """What the index template shows; ``filter_errors`` lists what was wrong with the request
    (the page then answers 400 and shows the unfiltered list)."""
    net = SiteContext.for_request(request)
    network = net.is_umbrella
    errors = []
    districts = list(District.objects.all())

    kind = request.GET.get("art", "")
    if kind and kind not in EventKind.values:
        errors.append(_filter_error("events-kind", _("Die Art „%(value)s“ gibt es nicht."), kind))
        kind = ""
    district = request.GET.get(DISTRICT, "")
    if district and district != ONLINE and district not in {d.ars for d in districts}:
        errors.append(
            _filter_error("events-district", _("Den Kreis „%(value)s“ gibt es nicht."), district)
        )
        district = ""

    view = "upcoming"
    month = None
    raw_month = request.GET.get("monat", "")
    if raw_month:
        month = _parse_month(raw_month)
        if month is None:
            # The month has no field in the form: the summary shows the message without a link.
            errors.append(
                _filter_error(
                    "",
                    _(
                        "„%(value)s“ ist kein Monat. Bitte im Format JJJJ-MM angeben, z. B. 2026-12."
                    ),
                    raw_month,
                )
            )
        else:
            view = "month"
    elif request.GET.get("ansicht") == PAST:
        view = "past"

    now = timezone.now()
    events = filtered(
        events_below(index, network, net.restricted_paths), kind=kind, district=district
    )
    context = {
        "view": view,
        "filter_errors": errors,
        "kinds": EventKind.choices,
        "districts": districts,
        "selected_kind": kind,
        "selected_district": district,
        "online_filter": ONLINE,
        "current_month": local(now).strftime("%Y-%m"),
        "is_network_calendar": network,
    }
    if view == "month":
        year, number = month
        days = in_month(events, year, number)
        with_provenance([o.event for _day, items in days for o in items], index, network)
        previous, following = _shift(year, number, -1), _shift(year, number, 1)
        context.update(
            month_days=days,
            month_start=local(now).replace(year=year, month=number, day=1),
            month_value=f"{year:04d}-{number:02d}",
            previous_month=f"{previous[0]:04d}-{previous[1]:02d}",
            next_month=f"{following[0]:04d}-{following[1]:02d}",
        )
    elif view == "past":
        page = Paginator(past(events, now), EVENTS_PER_PAGE).get_page(request.GET.get("seite"))
        items = with_provenance(page.object_list, index, network)
        page.object_list = [event.schedule.last_occurrence(event) for event in items]
        context["occurrence_page"] = page
    elif settings.FRAGMENT_CACHE and net.site is not None:
        # The order of the upcoming dates is the same for every reader: kept in the cache (event
        # ids only) and forgotten with the site's and the network's tags; only the events of the
        # shown page are fetched and their next date computed.
        version = generation(cache_tags_for_site(net.site))
        key = f"eventcalendar:upcoming:{index.pk}:{kind}:{district}:{version}"
        order = cache.get(key)
        if order is None:
            order = [occurrence.event.pk for occurrence in upcoming(events, now)]
            cache.set(key, order, UPCOMING_ORDER_TIMEOUT)
        page = Paginator(order, EVENTS_PER_PAGE).get_page(request.GET.get("seite"))
        by_pk = {event.pk: event for event in events.filter(pk__in=page.object_list)}
        occurrences = [
            occurrence
            for pk in page.object_list
            if pk in by_pk and (occurrence := by_pk[pk].schedule.next_occurrence(by_pk[pk], now))
        ]
        page.object_list = occurrences
        with_provenance([occurrence.event for occurrence in occurrences], index, network)
        context["occurrence_page"] = page
    else:
        page = Paginator(upcoming(events, now), EVENTS_PER_PAGE).get_page(request.GET.get("seite"))
        with_provenance([occurrence.event for occurrence in page.object_list], index, network)
        context["occurrence_page"] = page
    return context


def upcoming_for_home(home, request, count=3):
    """The next dates for a home page (the umbrella's: with the network's events)."""
    net = SiteContext.for_request(request)
    # The site context knows the home pages with their locales and their children: finding the
    # events index costs no query.
    language_code = next(
        (code for code, candidate in net.homes.items() if candidate.pk == home.pk), None
    )
    index = next(
        (
            page
            for page in net._children_by_home.get(language_code, [])
            if page.content_type_id == _index_content_type_id()
        ),
        None,
    )
    if index is None:
        return None, []
    items = upcoming(events_below(index, net.is_umbrella, net.restricted_paths))[:count]
    with_provenance([occurrence.event for occurrence in items], index, net.is_umbrella)
    return index, items


def event_page_context(event, request, further=5):
    """The next date (or the last one, once the event is over), the following dates of a
    series and the site's contact page for registration by form."""
    now = timezone.now()
    schedule = event.schedule
    following = schedule.occurrences(event, now, now + timedelta(days=UPCOMING_DAYS), further + 1)
    next_occurrence = following[0] if following else None
    net = SiteContext.for_request(request)
    contact_type = _content_type_id("contact", "contactpage")
    home = net.home
    contact_page = next(
        (
            page
            for page in (net._children_by_home.get(home.locale.language_code, []) if home else [])
            if page.content_type_id == contact_type
        ),
        None,
    )
    return {
        "next_occurrence": next_occurrence,
        "shown_occurrence": next_occurrence
        or schedule.last_occurrence(event)
        or event.first_occurrence,
        "further_occurrences": following[1:],
        "cancelled_days": [day for day in schedule.cancelled if day >= local(now).date()],
        "contact_page": contact_page,
    }


def _content_type_id(app_label, model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_by_natural_key(app_label, model).pk


def _index_content_type_id():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(EventIndexPage).pk


# --- iCal -------------------------------------------------------------------------------------


def _feed_events(queryset):
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    return list(
        not_over(queryset, since)
        .select_related("locale", "district")
        .defer_streamfields()
        .order_by("start", "pk")[:MAX_CANDIDATES]
    )


def _site_index(net, locale):
    home = net.homes.get(locale.language_code)
    index = EventIndexPage.objects.live().public().child_of(home).first() if home else None
    if index is None:
        raise Http404(_("Diese Website hat keine Veranstaltungen in dieser Sprache."))
    return index


def site_calendar(request):
    """Every event of the current site in the current language."""
    net = SiteContext.for_request(request)
    locale = Locale.get_active()
    index = _site_index(net, locale)
    scope = NetworkScope.for_site(net, locale)
    events = _feed_events(scope.narrow(EventPage.objects.child_of(index)))
    site_name = str(net.settings.site_name)
    cal = ical.calendar(f"{index.title} – {site_name}", net.settings.tagline or "")
    for event in events:
        cal.add_component(ical.event_component(event, event.get_full_url(request)))
    return ical.response(cal, "veranstaltungen.ics")


def network_calendar(request):
    """The network calendar of the umbrella site: its own events and the members' shared ones."""
    net = SiteContext.for_request(request)
    if not net.is_umbrella:
        raise Http404(_("Den Netzwerkkalender gibt es nur auf der Website des Dachverbands."))
    locale = Locale.get_active()
    index = _site_index(net, locale)
    expired = EventPage.objects.filter(expire_at__lte=timezone.now()).values("pk")
    queryset = network_listing(EventPage.objects.all(), index).exclude(pk__in=expired)
    events = with_provenance(_feed_events(queryset), index, True)
    site_name = str(net.settings.site_name)
    cal = ical.calendar(
        _("Veranstaltungen im Netzwerk – %(site)s") % {"site": site_name},
        _("Veranstaltungen der %(site)s und ihrer Mitgliedsorganisationen.") % {"site": site_name},
    )
    for event in sorted(events, key=lambda event: (event.start, event.pk)):
        owner = event.network_member
        cal.add_component(
            ical.event_component(
                event, event.get_full_url(request), owner.name if owner else site_name
            )
        )
    return ical.response(cal, "netzwerk-veranstaltungen.ics")


def event_calendar(request, pk):
    """One event (with its series) of the current site, in the language of that page."""
    if pk > MAX_PAGE_ID:
        raise Http404(_("Diese Veranstaltung gibt es hier nicht."))
    net = SiteContext.for_request(request)
    scope = NetworkScope.for_site_in_all_languages(net)
    event = (
        scope.narrow(EventPage.objects.filter(pk=pk))
        .select_related("locale", "district")
        .defer_streamfields()
        .first()
    )
    if event is None:
        raise Http404(_("Diese Veranstaltung gibt es hier nicht."))
    cal = ical.calendar(event.title)
    cal.add_component(ical.event_component(event, event.get_full_url(request)))
    return ical.response(cal, f"{event.slug}.ics")
