"""Reading event pages stays private (no cookie, no write, nothing foreign, CSP-ready markup);
events are found by the site search and offered in its content-type filter."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from eventcalendar.recurrence import BERLIN

from .events_factories import events_index_of, make_event
from .factories import homes_of

HOST = "queer-vogtland.localhost"
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)
PATHS = [
    "/veranstaltungen/",
    "/veranstaltungen/?monat=2027-02",
    "/veranstaltungen/?ansicht=vergangen",
    "/veranstaltungen/?art=bogus",
    "/veranstaltungen/offener-treff/",
    "/en/events/",
    "/feeds/events.ics",
]


@pytest.fixture
def events(member):
    index = events_index_of(homes_of(member)["de"])
    start = timezone.localtime(timezone.now(), BERLIN) + timedelta(days=3)
    return make_event(
        index,
        title="Offener Treff",
        slug="offener-treff",
        teaser="Treffpunkt für Berater*innen und alle anderen.",
        start=start,
        recurrence="weekly",
        online_url="https://meet.example.org/x",
        attendance="hybrid",
    )


@pytest.mark.parametrize("path", PATHS)
def test_reading_events_sets_no_cookie_and_writes_nothing(host_client, events, path):
    client = host_client(HOST)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code in (200, 400)
    assert not response.cookies
    assert [q["sql"] for q in queries if WRITE.match(q["sql"])] == []


@pytest.mark.parametrize("path", [p for p in PATHS if not p.endswith(".ics")])
def test_event_markup_is_self_contained_and_csp_ready(host_client, events, path):
    html = host_client(HOST).get(path).content.decode()
    loaded = re.findall(
        r'<(?:script|img|link|source|iframe)[^>]+(?:src|href|srcset)="([^"]+)"', html
    )
    assert [
        url for url in loaded if url.startswith(("http", "//")) and "localhost" not in url
    ] == []
    assert "<iframe" not in html
    assert not re.search(r'<script(?![^>]*\b(?:src=|type="application/ld\+json"))[^>]*>', html)
    assert not re.search(r"\son[a-z]+=", html) and not re.search(r"\sstyle=", html)


def test_events_are_found_by_the_site_search_and_filterable_by_type(host_client, events):
    client = host_client(HOST)
    response = client.get("/suche/?q=Berater")
    assert "Offener Treff" in response.content.decode()
    kinds = {kind.value: kind.count for kind in response.context["kinds"]}
    assert kinds["eventcalendar.eventpage"] == 1
    only = client.get("/suche/?q=Berater&typ=eventcalendar.eventpage")
    assert "Offener Treff" in only.content.decode()
    assert 'value="eventcalendar.eventpage" selected' in only.content.decode()
