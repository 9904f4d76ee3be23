"""``/api/v2/offers/``: only live offers of active members, filters, clear errors, constant
queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from microsites.provisioning import set_member_active

from .test_directory import BAUTZEN, make_offer


def names(response):
    assert response.status_code == 200, response.content
    return sorted(item["name"] for item in response.json()["items"])


@pytest.fixture
def offers(member, other_member):
    make_offer(member, "Beratung", target_groups=["alle"], street="Bahnhofstraße 1")
    make_offer(member, "Jugendgruppe", kind="jugendgruppe", target_groups=["jugend"])
    make_offer(
        other_member,
        "Telefon",
        ars=BAUTZEN,
        town="Bautzen",
        target_groups=["trans"],
        remote_only=True,
        street="Geheimweg 1",
    )
    make_offer(member, "Entwurf", publish=False)


def test_lists_live_offers_with_their_fields_and_never_drafts(client, offers):
    response = client.get("/api/v2/offers/")
    assert names(response) == ["Beratung", "Jugendgruppe", "Telefon"]
    item = next(i for i in response.json()["items"] if i["name"] == "Beratung")
    assert item["kind"] == "beratung"
    assert item["target_groups"] == ["alle"]
    assert item["district"] == {"ars": "14523", "name": "Vogtlandkreis"}
    assert item["address"]["street"] == "Bahnhofstraße 1"
    assert item["member"]["slug"] == "queer-vogtland"
    assert item["language"] == "de"
    remote = next(i for i in response.json()["items"] if i["name"] == "Telefon")
    assert remote["address"] is None
    assert "Geheimweg" not in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("district=14625", ["Telefon"]),
        ("district=14523,14625", ["Beratung", "Jugendgruppe", "Telefon"]),
        ("kind=jugendgruppe", ["Jugendgruppe"]),
        ("target_group=trans", ["Beratung", "Telefon"]),
        ("target_group=jugend", ["Beratung", "Jugendgruppe"]),
        ("remote_only=true", ["Telefon"]),
        ("locale=en", []),
        ("search=jugend", ["Jugendgruppe"]),
        ("site=rosa-lausitz", ["Telefon"]),
    ],
)
def test_filters(client, offers, query, expected):
    assert names(client.get(f"/api/v2/offers/?{query}")) == expected


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("district=99999", "district"),
        ("kind=party", "kind"),
        ("target_group=alles", "target_group"),
        ("locale=fr", "locale"),
        ("remote_only=vielleicht", "remote_only"),
        ("unknown=1", "unknown"),
    ],
)
def test_bad_parameters_get_a_400_naming_them(client, offers, query, param):
    response = client.get(f"/api/v2/offers/?{query}")
    assert response.status_code == 400
    assert param in response.json()["message"]


def test_member_host_answers_for_its_own_offers(host_client, member, offers):
    assert names(host_client(member.hostname).get("/api/v2/offers/")) == [
        "Beratung",
        "Jugendgruppe",
    ]


def test_drafts_and_deactivated_members_are_not_served_in_detail(client, member, other_member):
    draft = make_offer(member, "Entwurf", publish=False)
    live = make_offer(other_member, "Live", ars=BAUTZEN, town="Bautzen")
    assert client.get(f"/api/v2/offers/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/offers/{live.pk}/").status_code == 200
    set_member_active(other_member, False)
    assert client.get(f"/api/v2/offers/{live.pk}/").status_code == 404
    assert names(client.get("/api/v2/offers/")) == []


def test_listing_needs_the_same_number_of_queries_for_2_and_10_offers(client, member):
    def count():
        client.get("/api/v2/offers/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/offers/").status_code == 200
        return len(queries)

    for number in range(2):
        make_offer(member, f"Angebot {number}")
    few = count()
    for number in range(2, 10):
        make_offer(member, f"Angebot {number}")
    assert count() == few
