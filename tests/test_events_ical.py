"""iCal (RFC 5545) feeds: per site and language, the network calendar and single events, with
Europe/Berlin time zone, RRULEs, all-day dates and stable UIDs – and nothing that is not public."""

from datetime import date, datetime

import pytest
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from eventcalendar.recurrence import BERLIN
from microsites.provisioning import set_member_active

from .events_factories import berlin, events_index_of, make_event
from .factories import homes_of

HOST = "queer-vogtland.localhost"


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events_by_title(cal):
    return {str(event["SUMMARY"]): event for event in cal.walk("VEVENT")}


@pytest.fixture
def index(member):
    return events_index_of(homes_of(member)["de"])


@pytest.fixture
def site(host_client, member):
    return host_client(HOST)


def test_site_feed_has_berlin_timezone_and_local_start(index, site):
    make_event(
        index,
        title="Filmabend",
        slug="filmabend",
        start=berlin(2027, 3, 4, 19, 30),
        end=berlin(2027, 3, 4, 22, 0),
    )
    cal = parse(site.get("/feeds/events.ics"))
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    event = events_by_title(cal)["Filmabend"]
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert event.decoded("DTSTART") == datetime(2027, 3, 4, 19, 30, tzinfo=BERLIN)
    assert event.decoded("DTEND") == datetime(2027, 3, 4, 22, 0, tzinfo=BERLIN)
    assert b"DTSTART;TZID=Europe/Berlin:20270304T193000" in site.get("/feeds/events.ics").content
    assert str(event["URL"]) == f"http://{HOST}/veranstaltungen/filmabend/"


def test_series_carry_their_rrule(index, site):
    make_event(
        index,
        title="Jugendgruppe",
        start=berlin(2027, 1, 14, 17, 0),
        recurrence="monthly-weekday",
        recurrence_count=12,
    )
    make_event(
        index,
        title="Beratung",
        start=berlin(2027, 1, 4, 10, 0),
        recurrence="weekly",
        recurrence_until=date(2027, 6, 28),
    )
    events = events_by_title(parse(site.get("/feeds/events.ics")))
    monthly = events["Jugendgruppe"]["RRULE"]
    assert monthly["FREQ"] == ["MONTHLY"] and monthly["COUNT"] == [12]
    assert monthly.to_ical().decode().count("BYDAY=2TH") == 1
    weekly = events["Beratung"]["RRULE"]
    assert weekly["FREQ"] == ["WEEKLY"] and weekly["BYDAY"] == ["MO"]
    # UNTIL of a series in a time zone is in UTC (RFC 5545 3.3.10): 23:59:59 Berlin summer time.
    assert weekly["UNTIL"][0].utcoffset().total_seconds() == 0
    assert weekly["UNTIL"][0].strftime("%Y%m%dT%H%M%S") == "20270628T215959"


def test_all_day_events_use_dates_with_exclusive_end(index, site):
    make_event(
        index,
        title="CSD-Wochenende",
        all_day=True,
        start=berlin(2027, 7, 3, 0, 0),
        end=berlin(2027, 7, 4, 0, 0),
    )
    event = events_by_title(parse(site.get("/feeds/events.ics")))["CSD-Wochenende"]
    assert event.decoded("DTSTART") == date(2027, 7, 3)
    assert event.decoded("DTEND") == date(2027, 7, 5)
    assert event["DTSTART"].params.get("VALUE") == "DATE"


def test_uid_is_stable_across_edits_and_slug_changes(index, site):
    event = make_event(index, title="Stammtisch", start=berlin(2027, 2, 2, 20, 0))
    first = str(events_by_title(parse(site.get("/feeds/events.ics")))["Stammtisch"]["UID"])
    event.slug = "neuer-slug"
    event.teaser = "Neuer Text"
    event.save_revision().publish()
    second = str(events_by_title(parse(site.get("/feeds/events.ics")))["Stammtisch"]["UID"])
    assert first == second
    assert first.startswith(str(event.translation_key))
    assert "DTSTAMP" in events_by_title(parse(site.get("/feeds/events.ics")))["Stammtisch"]


def test_site_feed_leaves_out_drafts_restricted_and_other_members_events(index, site, other_member):
    make_event(index, title="Öffentlich", start=berlin(2027, 2, 2, 20, 0))
    make_event(index, title="Entwurf", start=berlin(2027, 2, 2, 20, 0), publish=False)
    private = make_event(index, title="Geschützt", start=berlin(2027, 2, 2, 20, 0))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    other = events_index_of(homes_of(other_member)["de"])
    make_event(other, title="Anderer Verein", start=berlin(2027, 2, 2, 20, 0))
    assert set(events_by_title(parse(site.get("/feeds/events.ics")))) == {"Öffentlich"}


def test_english_feed_lists_english_events(member, index, site):
    english_index = events_index_of(homes_of(member)["en"])
    make_event(english_index, title="Film night", start=berlin(2027, 3, 4, 19, 30))
    cal = parse(site.get("/en/feeds/events.ics"))
    assert set(events_by_title(cal)) == {"Film night"}


def test_network_feed_combines_umbrella_and_shared_member_events(
    network, member, client, host_client
):
    make_event(events_index_of(network["de"]), title="LAG-Fachtag", start=berlin(2027, 4, 1, 10, 0))
    homes = homes_of(member)
    make_event(
        events_index_of(homes["de"]), title="Geteilt", network=True, start=berlin(2027, 4, 2, 18, 0)
    )
    make_event(events_index_of(homes["de"]), title="Nicht geteilt", start=berlin(2027, 4, 2, 18, 0))
    events = events_by_title(parse(client.get("/feeds/network-events.ics")))
    assert set(events) == {"LAG-Fachtag", "Geteilt"}
    assert str(events["Geteilt"]["URL"]).startswith(f"http://{HOST}/veranstaltungen/")
    assert "Queer im Vogtland e. V." in str(events["Geteilt"]["DESCRIPTION"])
    assert host_client(HOST).get("/feeds/network-events.ics").status_code == 404
    set_member_active(member, False)
    assert set(events_by_title(parse(client.get("/feeds/network-events.ics")))) == {"LAG-Fachtag"}


def test_single_event_feed_only_on_its_own_site_and_only_when_public(index, site, client):
    event = make_event(index, title="Lesung", start=berlin(2027, 5, 5, 19, 0))
    draft = make_event(index, title="Entwurf", start=berlin(2027, 5, 5, 19, 0), publish=False)
    cal = parse(site.get(f"/feeds/events/{event.pk}.ics"))
    assert set(events_by_title(cal)) == {"Lesung"}
    assert site.get(f"/feeds/events/{draft.pk}.ics").status_code == 404
    assert client.get(f"/feeds/events/{event.pk}.ics").status_code == 404


def test_event_feeds_are_discoverable(index, site, network, client):
    page = site.get("/veranstaltungen/").content.decode()
    assert '<link rel="alternate" type="text/calendar"' in page
    assert 'href="/feeds/events.ics"' in page
    umbrella = client.get("/").content.decode()
    assert 'href="/feeds/network-events.ics"' in umbrella
    english = site.get("/en/events/").content.decode()
    assert 'href="/en/feeds/events.ics"' in english


def test_feeds_set_no_cookie_and_are_cacheable(index, site):
    make_event(index, start=berlin(2027, 5, 5, 19, 0))
    response = site.get("/feeds/events.ics")
    assert not response.cookies
    assert response["Cache-Control"] == "public, max-age=300"


def test_cancelled_dates_become_exdates(index, site):
    make_event(
        index,
        title="Stammtisch",
        start=berlin(2026, 12, 3, 19, 0),
        recurrence="weekly",
        recurrence_until=date(2027, 1, 28),
        cancelled_dates="24.12.2026, 31.12.2026",
    )
    body = site.get("/feeds/events.ics").content
    assert b"EXDATE;TZID=Europe/Berlin:20261224T190000,20261231T190000" in body or (
        b"EXDATE;TZID=Europe/Berlin:20261224T190000" in body
        and b"EXDATE;TZID=Europe/Berlin:20261231T190000" in body
    )


@pytest.mark.parametrize("pk", ["0", "2147483648", "99999999999999999999999"])
def test_unknown_event_ids_get_a_404(site, pk):
    assert site.get(f"/feeds/events/{pk}.ics").status_code == 404


def test_api_detail_with_an_absurd_id_is_no_server_error(client, network):
    response = client.get("/api/v2/events/99999999999999999999999/")
    assert response.status_code in (400, 404)
