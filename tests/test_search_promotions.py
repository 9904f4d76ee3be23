"""Promoted results (Wagtail search promotions): managed by LAG staff, shown within scope only."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .factories import homes_of
from .fixtures_search import make_page

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive


def promote(query_string, page=None, **fields):
    query = Query.objects.get_or_create(query_string=query_string)[0]
    return SearchPromotion.objects.create(query=query, page=page, **fields)


def promoted_titles(response):
    return [promotion.title for promotion in response.context["promotions"]]


def test_a_promoted_page_is_shown_first_and_once(client, network):
    make_page(network["de"], "Beratung", "Wir beraten zu allem.")
    target = make_page(network["de"], "Notfallnummern", "Hilfe rund um die Uhr, Beratung.")
    promote("beratung", target, description="Sofort Hilfe bekommen")
    response = client.get("/suche/", {"q": "Beratung"})
    assert promoted_titles(response) == ["Notfallnummern"]
    assert [r.page.title for r in response.context["results"]] == ["Beratung"]
    body = response.content.decode()
    assert body.index("Notfallnummern") < body.index('search-results" start=')
    assert "Sofort Hilfe bekommen" in body


def test_promotions_match_the_query_case_and_space_insensitively(client, network):
    target = make_page(network["de"], "Notfallnummern", "Hilfe.")
    promote("hilfe sofort", target)
    assert promoted_titles(client.get("/suche/", {"q": "  Hilfe   SOFORT "})) == ["Notfallnummern"]


def test_a_promoted_page_is_shown_in_the_readers_language(client, network):
    german = make_page(network["de"], "Notfallnummern", "Hilfe.")
    english = make_page(
        network["en"], "Emergency numbers", "Help.", translation_key=german.translation_key
    )
    promote("help", german)
    response = client.get("/en/search/", {"q": "help"})
    assert promoted_titles(response) == [english.title]


def test_an_unpublished_promoted_page_is_not_shown(client, network):
    target = make_page(network["de"], "Entwurf", "Hilfe.", publish=False)
    promote("hilfe", target)
    assert promoted_titles(client.get("/suche/", {"q": "Hilfe"})) == []


def test_a_promoted_page_of_another_site_is_not_shown_on_a_member_site(
    host_client, network, member
):
    target = make_page(network["de"], "Notfallnummern", "Hilfe.")
    promote("hilfe", target)
    make_page(homes_of(member)["de"], "Hilfe im Vogtland", "Hilfe vor Ort.")
    response = host_client("queer-vogtland.localhost").get("/suche/", {"q": "Hilfe"})
    assert promoted_titles(response) == []
    assert [r.page.title for r in response.context["results"]] == ["Hilfe im Vogtland"]


def test_a_member_page_is_promoted_in_the_network_search(client, network, member):
    target = make_page(homes_of(member)["de"], "Hilfe im Vogtland", "Hilfe vor Ort.")
    promote("hilfe", target)
    assert promoted_titles(client.get("/suche/", {"q": "Hilfe"})) == []
    network_search = client.get("/suche/", {"q": "Hilfe", "bereich": "netzwerk"})
    assert promoted_titles(network_search) == ["Hilfe im Vogtland"]
    assert [r.page.title for r in network_search.context["results"]] == []


def test_external_promotions_are_shown_on_the_umbrella_site_only(client, host_client, member):
    promote(
        "hilfe",
        external_link_url="https://www.hilfetelefon.de/",
        external_link_text="Hilfetelefon",
    )
    assert promoted_titles(client.get("/suche/", {"q": "Hilfe"})) == ["Hilfetelefon"]
    member_search = host_client("queer-vogtland.localhost").get("/suche/", {"q": "Hilfe"})
    assert promoted_titles(member_search) == []


def test_lag_staff_manage_search_promotions(client, lag_staff):
    client.force_login(lag_staff)
    assert client.get("/admin/searchpicks/").status_code == 200


def test_member_editors_cannot_manage_search_promotions(client, member_editor):
    client.force_login(member_editor)
    assert client.get("/admin/searchpicks/").status_code != 200
