"""The read-only API's pages endpoint: public content only, filtered by site and locale."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from microsites.provisioning import set_member_active

from .factories import homes_of, make_news, news_index_of
from .fixtures_search import make_page


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def titles(response):
    return {item["title"] for item in items(response)}


@pytest.fixture
def content(network, member, other_member):
    homes = homes_of(member)
    return {
        "umbrella": make_page(network["de"], "Dachverband Seite", "Text."),
        "member_de": make_page(homes["de"], "Vogtland Seite", "Text."),
        "member_en": make_page(homes["en"], "Vogtland page", "Text."),
        "member_draft": make_page(homes["de"], "Vogtland Entwurf", "Text.", publish=False),
        "other": make_page(homes_of(other_member)["de"], "Lausitz Seite", "Text."),
        "other_draft": make_page(
            homes_of(other_member)["de"], "Lausitz Entwurf", "T.", publish=False
        ),
    }


def test_the_umbrella_host_lists_the_whole_networks_public_pages(client, content):
    found = titles(client.get("/api/v2/pages/", {"limit": 100}))
    assert {"Dachverband Seite", "Vogtland Seite", "Vogtland page", "Lausitz Seite"} <= found
    assert not found & {"Vogtland Entwurf", "Lausitz Entwurf"}


def test_a_member_host_lists_its_own_site_by_default(host_client, content):
    found = titles(host_client("queer-vogtland.localhost").get("/api/v2/pages/", {"limit": 100}))
    assert {"Vogtland Seite", "Vogtland page"} <= found
    assert not found & {"Dachverband Seite", "Lausitz Seite", "Vogtland Entwurf"}


@pytest.mark.parametrize("site", ["queer-vogtland", "queer-vogtland.localhost", "QUEER-VOGTLAND"])
def test_site_filter_accepts_member_slug_or_host_name(client, content, site):
    found = titles(client.get("/api/v2/pages/", {"site": site, "limit": 100}))
    assert {"Vogtland Seite", "Vogtland page"} <= found
    assert not found & {"Dachverband Seite", "Lausitz Seite"}


def test_site_all_widens_a_member_host_to_the_network(host_client, content):
    found = titles(
        host_client("queer-vogtland.localhost").get("/api/v2/pages/", {"site": "all", "limit": 100})
    )
    assert {"Dachverband Seite", "Lausitz Seite"} <= found


def test_locale_filter_keeps_one_language(client, content):
    english = items(client.get("/api/v2/pages/", {"site": "queer-vogtland", "locale": "en"}))
    assert english
    assert {item["meta"]["locale"] for item in english} == {"en"}
    assert "Vogtland page" in {item["title"] for item in english}


def test_unknown_site_or_locale_is_a_clear_400(client, content):
    response = client.get("/api/v2/pages/", {"site": "gibt-es-nicht"})
    assert response.status_code == 400
    assert "no active site 'gibt-es-nicht'" in response.json()["message"]
    assert client.get("/api/v2/pages/", {"locale": "fr"}).status_code in (400, 404)


def test_pages_carry_their_member_and_canonical_url(client, content):
    entry = next(
        item
        for item in items(client.get("/api/v2/pages/", {"limit": 100}))
        if item["title"] == "Vogtland Seite"
    )
    assert entry["meta"]["member"] == {
        "name": "Queer im Vogtland e. V.",
        "slug": "queer-vogtland",
        "url": "http://queer-vogtland.localhost/",
    }
    assert entry["meta"]["html_url"].startswith("http://queer-vogtland.localhost/")


def test_drafts_private_and_expired_pages_are_never_served(client, content, network):
    private = make_page(network["de"], "Intern", "Text.")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = make_page(network["de"], "Abgelaufen", "Text.")
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save(update_fields=["expire_at"])
    found = titles(client.get("/api/v2/pages/", {"limit": 100}))
    assert not found & {"Intern", "Abgelaufen", "Vogtland Entwurf", "Lausitz Entwurf"}
    for page in (private, expired, content["member_draft"], content["other_draft"]):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert items(client.get("/api/v2/pages/", {"id": page.pk})) == []
        assert client.get(f"/api/v2/pages/find/?id={page.pk}").status_code == 404


def test_draft_changes_of_a_live_page_are_not_served(client, content):
    page = content["member_de"]
    page.title = "Geheimer neuer Titel"
    page.save_revision()
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["title"] == "Vogtland Seite"


def test_pages_of_a_deactivated_member_disappear(client, content, member):
    set_member_active(member, False)
    found = titles(client.get("/api/v2/pages/", {"limit": 100}))
    assert "Vogtland Seite" not in found
    assert client.get("/api/v2/pages/", {"site": "queer-vogtland"}).status_code == 400


def test_page_detail_shows_the_body(client, content):
    detail = client.get(f"/api/v2/pages/{content['umbrella'].pk}/").json()
    assert detail["meta"]["type"] == "home.StandardPage"
    assert detail["body"][0]["type"] == "paragraph"


def test_search_uses_the_german_search(client, network):
    make_page(network["de"], "Team", "Unsere Berater*innen helfen.")
    assert titles(client.get("/api/v2/pages/", {"search": "Beraterin"})) == {"Team"}


def test_type_filter_returns_specific_fields(client, network):
    make_news(news_index_of(network["de"]), 2)
    found = items(client.get("/api/v2/pages/", {"type": "news.NewsPage", "fields": "teaser,date"}))
    assert len(found) == 2
    assert {"teaser", "date"} <= set(found[0])


def test_unknown_parameters_are_a_clear_400(client, network):
    response = client.get("/api/v2/pages/", {"colour": "pink"})
    assert response.status_code == 400
    assert "colour" in response.json()["message"]


def test_api_is_read_only(client, network):
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.delete("/api/v2/pages/3/").status_code == 405


def test_api_sets_no_cookie_and_opens_no_session(client, network):
    response = client.get("/api/v2/pages/")
    assert response.cookies == {}
    assert response["Content-Type"] == "application/json"


def test_api_listing_query_count_does_not_grow_with_results(client, network, member):
    def count():
        client.get("/api/v2/pages/", {"limit": 50})
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/pages/", {"limit": 50}).status_code == 200
        return len(queries)

    few = count()
    for number in range(8):
        make_page(network["de"], f"Seite {number}", "Text.")
        make_page(homes_of(member)["en"], f"Page {number}", "Text.")
    make_news(news_index_of(network["de"]), 5)
    assert count() == few
