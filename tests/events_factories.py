"""Builders for events in tests."""

import itertools
from datetime import datetime

from eventcalendar.models import EventIndexPage, EventPage
from eventcalendar.recurrence import BERLIN

_counter = itertools.count(1)


def berlin(*args):
    return datetime(*args, tzinfo=BERLIN)


def events_index_of(home):
    return EventIndexPage.objects.child_of(home).get().specific


def make_event(index, *, publish=True, network=False, **fields):
    """One event below ``index`` (published unless ``publish=False``)."""
    number = next(_counter)
    fields.setdefault("title", f"Veranstaltung {number}")
    fields.setdefault("slug", f"veranstaltung-{number}")
    fields.setdefault("teaser", f"Anreißer {number}")
    fields.setdefault("start", berlin(2026, 12, 10, 19, 0))
    fields.setdefault("town", "Plauen")
    if "district" not in fields and fields.get("attendance", "vor-ort") != "online":
        from districts.models import District

        fields["district"] = District.objects.get(ars="14523")
    page = EventPage(locale=index.locale, live=publish, show_in_network=network, **fields)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page
