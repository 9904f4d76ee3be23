"""``/api/v2/events/``: public events of the requested sites with their fields and filters."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from districts.models import District

from .events_factories import berlin, events_index_of, make_event
from .factories import homes_of


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response):
    return [item["title"] for item in items(response)]


@pytest.fixture
def events(network, member, other_member):
    index = events_index_of(homes_of(member)["de"])
    created = {
        "Beratung Plauen": make_event(
            index, title="Beratung Plauen", kind="beratung", start=berlin(2027, 1, 10, 10, 0)
        ),
        "Jugendgruppe": make_event(
            index,
            title="Jugendgruppe",
            kind="jugendgruppe",
            start=berlin(2026, 9, 3, 17, 0),
            recurrence="monthly-weekday",
        ),
        "Online-Treff": make_event(
            index,
            title="Online-Treff",
            kind="begegnung",
            start=berlin(2027, 3, 1, 19, 0),
            attendance="online",
            district=None,
            town="",
            online_url="https://meet.example.org/",
        ),
    }
    other = events_index_of(homes_of(other_member)["de"])
    created["Kultur Bautzen"] = make_event(
        other,
        title="Kultur Bautzen",
        kind="kultur",
        start=berlin(2027, 2, 1, 19, 0),
        district=District.objects.get(ars="14625"),
        town="Bautzen",
    )
    make_event(index, title="Entwurf", publish=False)
    return created


def test_events_endpoint_lists_public_events_soonest_first_with_fields(client, events):
    found = items(client.get("/api/v2/events/?site=all"))
    assert [item["title"] for item in found] == [
        "Jugendgruppe",
        "Beratung Plauen",
        "Kultur Bautzen",
        "Online-Treff",
    ]
    first = found[0]
    assert first["start"] == "2026-09-03T17:00:00+02:00"
    assert first["recurrence"] == "monthly-weekday"
    assert first["series_end"] is None
    assert first["district_ars"] == "14523"
    assert first["meta"]["member"]["slug"] == "queer-vogtland"
    detail = client.get(f"/api/v2/events/{first['id']}/").json()
    assert detail["accessibility"] == "" and detail["attendance"] == "vor-ort"


def test_member_host_answers_for_its_own_events(host_client, events):
    found = titles(host_client("queer-vogtland.localhost").get("/api/v2/events/"))
    assert "Kultur Bautzen" not in found and "Entwurf" not in found
    assert "Beratung Plauen" in found


def test_filters_by_district_kind_attendance_and_dates(client, events):
    assert titles(client.get("/api/v2/events/?site=all&district=14625")) == ["Kultur Bautzen"]
    assert titles(client.get("/api/v2/events/?site=all&kind=beratung,kultur")) == [
        "Beratung Plauen",
        "Kultur Bautzen",
    ]
    assert titles(client.get("/api/v2/events/?site=all&attendance=online")) == ["Online-Treff"]
    # The open monthly series still has dates in spring 2027.
    found = titles(client.get("/api/v2/events/?site=all&start_from=2027-02-01&start_to=2027-02-28"))
    assert found == ["Jugendgruppe", "Kultur Bautzen"]


@pytest.mark.parametrize(
    "query, word",
    [
        ("kind=bogus", "kind"),
        ("district=99999", "district"),
        ("start_from=gestern", "start_from"),
        ("start_from=2027-02-01&start_to=2027-01-01", "start_to"),
        ("type=news.NewsPage", "type"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, events, query, word):
    response = client.get(f"/api/v2/events/?site=all&{query}")
    assert response.status_code == 400
    assert word in response.json()["message"]


def test_events_endpoint_needs_the_same_queries_for_few_and_many_events(client, events, member):
    index = events_index_of(homes_of(member)["de"])

    def count():
        client.get("/api/v2/events/?site=all")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/events/?site=all").status_code == 200
        return len(queries)

    few = count()
    for n in range(8):
        make_event(index, title=f"Mehr {n}", start=berlin(2027, 4, 1 + n, 18, 0))
    assert count() == few
