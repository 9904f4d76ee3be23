"""iCalendar (RFC 5545) for events: one VEVENT per event, series as RRULE, times in
Europe/Berlin with its VTIMEZONE, all-day events as DATE values, stable UIDs."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .recurrence import BERLIN, local

PRODID = "-//LAG Queeres Netzwerk Sachsen//Veranstaltungen//DE"
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_uid(page):
    """Stable across edits, slug changes and moves: translation key and language."""
    return f"{page.translation_key}-{page.locale.language_code}@{settings.NETWORK_DOMAIN}"


def location_text(page):
    parts = []
    if page.is_in_person:
        town = " ".join(part for part in (page.postcode, page.town) if part)
        parts = [part for part in (page.venue, page.street, town) if part]
    if page.is_online and page.online_url:
        parts.append(page.online_url)
    return ", ".join(parts)


def event_component(page, url, organiser_name=""):
    schedule = page.schedule
    component = Event()
    component.add("uid", event_uid(page))
    component.add("dtstamp", page.last_published_at or timezone.now())
    if page.last_published_at:
        component.add("last-modified", page.last_published_at)
    component.add("summary", page.title)
    description = [page.teaser]
    if page.content_notes:
        description.append(f"{page.content_notes}")
    if page.accessibility:
        description.append(page.accessibility)
    if organiser_name:
        description.append(_("Veranstaltet von: %(name)s") % {"name": organiser_name})
    description.append(url)
    component.add("description", "\n\n".join(text for text in description if text))
    if schedule.all_day:
        component.add("dtstart", schedule.first_start.date())
        # DTEND of a date is exclusive: the day after the last day.
        component.add("dtend", schedule.first_end.date() + timedelta(days=1))
    else:
        component.add("dtstart", local(schedule.first_start))
        if schedule.first_end != schedule.first_start:
            component.add("dtend", local(schedule.first_end))
    rule = schedule.ical_rule()
    if rule:
        component.add("rrule", rule)
        for cancelled in schedule.ical_exdates():
            component.add("exdate", cancelled)
    location = location_text(page)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("categories", [str(page.get_kind_display())])
    component.add("status", "CONFIRMED")
    return component


def calendar(name, description=""):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", BERLIN.key)
    if description:
        cal.add("x-wr-caldesc", description)
    return cal


def response(cal, filename):
    cal.add_missing_timezones()
    result = HttpResponse(cal.to_ical(), content_type=CONTENT_TYPE)
    result["Content-Disposition"] = f'inline; filename="{filename}"'
    result["Cache-Control"] = "public, max-age=300"
    return result
