"""Event lists and pages fetch what they show in a fixed number of queries: the same with 2 as
with 10 events per index (series included), on member sites and in the network calendar."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eventcalendar.recurrence import BERLIN

from .events_factories import events_index_of, make_event
from .factories import make_image, make_member

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

MEMBER_HOST = "verein-a.localhost"
# page -> (host, path, pinned query count on a warm cache). The past list pays one query for
# the paginator's count; the network lists pay one for view restrictions and two for the
# members' provenance (member records, logo renditions).
PINNED = {
    "member events": (MEMBER_HOST, "/veranstaltungen/", 16),
    "member events (en)": (MEMBER_HOST, "/en/events/", 17),
    "member past events": (MEMBER_HOST, "/veranstaltungen/?ansicht=vergangen", 17),
    "member month": (MEMBER_HOST, "/veranstaltungen/?monat={month}", 16),
    "member filtered": (MEMBER_HOST, "/veranstaltungen/?art=jugendgruppe&bezirk=14523", 16),
    "event page": (MEMBER_HOST, "/veranstaltungen/fester-termin/", 18),
    "member home": (MEMBER_HOST, "/", 15),
    "network calendar": ("localhost", "/veranstaltungen/", 18),
    "network calendar (en)": ("localhost", "/en/events/", 19),
    "network month": ("localhost", "/veranstaltungen/?monat={month}", 18),
    "umbrella home": ("localhost", "/", 17),
    "site ical": (MEMBER_HOST, "/feeds/events.ics", 9),
    "network ical": ("localhost", "/feeds/network-events.ics", 10),
}


def start_in(days):
    moment = timezone.localtime(timezone.now(), BERLIN) + timedelta(days=days)
    return moment.replace(hour=18, minute=0, second=0, microsecond=0)


@pytest.fixture
def sites(network):
    logo = make_image("Logo")
    members = [make_member("verein-a", logo=logo), make_member("verein-b", logo=logo)]
    from microsites.provisioning import member_homes

    indexes = []
    for member in members:
        homes = member_homes(member)
        indexes += [events_index_of(homes["de"]), events_index_of(homes["en"])]
    indexes += [events_index_of(network["de"]), events_index_of(network["en"])]
    make_event(indexes[0], title="Fester Termin", slug="fester-termin", start=start_in(2))

    def add_events(count):
        for index in indexes:
            for n in range(count):
                series = n % 2 == 0
                make_event(
                    index,
                    start=start_in(-40 + 9 * n),
                    kind="jugendgruppe",
                    recurrence="monthly-weekday" if series else "",
                    network=True,
                )

    return add_events


def warm_query_count(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def test_event_pages_need_a_fixed_number_of_queries(sites, host_client):
    month = start_in(2).strftime("%Y-%m")
    paths = {name: (host, path.format(month=month)) for name, (host, path, _n) in PINNED.items()}

    def measure():
        return {
            name: warm_query_count(host_client(host), path) for name, (host, path) in paths.items()
        }

    sites(2)
    with_few = measure()
    sites(8)
    with_many = measure()
    assert with_few == with_many, "query counts grew with the number of events"
    assert with_many == {name: pinned for name, (_h, _p, pinned) in PINNED.items()}
