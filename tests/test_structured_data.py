"""JSON-LD: Organization per site, NewsArticle, BreadcrumbList, Event with place or online."""

import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from wagtail import hooks

from districts.models import District
from metadata.structured_data import event, place, to_json_ld, virtual_location
from microsites.models import SiteSettings

from .factories import homes_of, make_image, make_news, news_index_of
from .fixtures_search import make_page

BERLIN = ZoneInfo("Europe/Berlin")
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def entities(response):
    assert response.status_code == 200
    return {
        item["@type"]: item for item in map(json.loads, JSON_LD.findall(response.content.decode()))
    }


def test_member_site_describes_its_organisation_from_member_and_settings(host_client, member):
    site_settings = SiteSettings.objects.get(site=member.site)
    site_settings.contact_phone = "03741 123456"
    site_settings.tagline = "Queeres Leben im Vogtland"
    site_settings.social_links = [
        ("link", {"platform": "mastodon", "url": "https://social.example/@qiv", "label": ""})
    ]
    site_settings.save()
    organisation = entities(host_client("queer-vogtland.localhost").get("/"))["NGO"]
    assert organisation["@context"] == "https://schema.org"
    assert organisation["name"] == "Queer im Vogtland e. V."
    assert organisation["url"] == "http://queer-vogtland.localhost/"
    assert organisation["email"] == "kontakt@queer-vogtland.example.org"
    assert organisation["telephone"] == "03741 123456"
    assert organisation["description"] == "Queeres Leben im Vogtland"
    assert organisation["sameAs"] == ["https://social.example/@qiv"]
    assert organisation["areaServed"] == {
        "@type": "AdministrativeArea",
        "name": "Vogtlandkreis",
        "identifier": "14523",
    }
    assert organisation["location"]["address"]["addressLocality"] == "Plauen"
    assert organisation["memberOf"]["name"] == "LAG Queeres Netzwerk Sachsen"


def test_umbrella_site_describes_the_lag(client, network):
    organisation = entities(client.get("/"))["NGO"]
    assert organisation["name"] == "LAG Queeres Netzwerk Sachsen"
    assert organisation["areaServed"] == {"@type": "State", "name": "Sachsen"}
    assert "memberOf" not in organisation


def test_organisation_logo_is_an_image_object(client, network):
    site_settings = SiteSettings.objects.get(site__is_default_site=True)
    site_settings.logo = make_image("Logo", size=(1300, 700))
    site_settings.save()
    logo = entities(client.get("/"))["NGO"]["logo"]
    assert logo["@type"] == "ImageObject"
    assert logo["url"].startswith("http://localhost/media/images/")
    assert (logo["width"], logo["height"]) == (1200, 630)


def test_news_article_has_the_required_properties(host_client, member):
    item = make_news(news_index_of(homes_of(member)["de"]), 1, image=make_image("Titel"))[0]
    item.date = date(2026, 6, 1)
    item.author_line = "Vorstand"
    item.save_revision().publish()
    found = entities(host_client("queer-vogtland.localhost").get(item.url))
    article = found["NewsArticle"]
    assert article["headline"] == item.title
    assert article["description"] == item.teaser
    assert article["datePublished"] == "2026-06-01T00:00:00+02:00"
    assert article["dateModified"]
    assert article["inLanguage"] == "de"
    assert article["mainEntityOfPage"] == item.get_full_url()
    assert article["image"][0]["url"].endswith(".jpg")
    assert article["author"] == {
        "@type": "Organization",
        "name": "Vorstand",
        "url": "http://queer-vogtland.localhost/",
    }
    assert article["publisher"] == {"@id": found["NGO"]["@id"]}


def test_breadcrumbs_list_the_path_from_the_home_page(client, network):
    parent = make_page(network["de"], "Über uns", "Wer wir sind.")
    child = make_page(parent, "Vorstand", "Wer den Verein leitet.")
    crumbs = entities(client.get(child.url))["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Startseite", "http://localhost/"),
        (2, "Über uns", parent.get_full_url()),
        (3, "Vorstand", child.get_full_url()),
    ]


def test_home_pages_have_no_breadcrumbs(client, network):
    assert "BreadcrumbList" not in entities(client.get("/"))


def test_json_ld_cannot_close_its_script_element(client, network):
    page = make_page(network["de"], "</script><script>alert(1)</script>", "Text.")
    body = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in body
    assert "\\u003c/script\\u003e" in body


def test_event_with_a_place_is_offline_and_carries_its_address():
    data = event(
        name="Queerer Stammtisch",
        url="https://queer-vogtland.example/termine/stammtisch/",
        start=datetime(2026, 7, 3, 19, 0, tzinfo=BERLIN),
        end=datetime(2026, 7, 3, 22, 0, tzinfo=BERLIN),
        location=place(
            "Café Regenbogen",
            street="Bahnhofstraße 1",
            postal_code="08523",
            town="Plauen",
            district=District(ars="14523", name="Vogtlandkreis"),
        ),
        is_free=True,
    )
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-07-03T19:00:00+02:00"
    assert data["endDate"] == "2026-07-03T22:00:00+02:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Plauen"
    assert data["location"]["containedInPlace"]["identifier"] == "14523"
    assert data["offers"]["price"] == "0"
    assert data["isAccessibleForFree"] is True


def test_online_event_has_a_virtual_location():
    data = event(
        name="Online-Beratung",
        url="https://example.org/e/",
        start=datetime(2026, 7, 3, 18, 0, tzinfo=BERLIN),
        location=virtual_location("https://meet.example.org/raum"),
    )
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example.org/raum"}
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_hybrid_all_day_event_lists_both_locations_with_dates_only():
    data = event(
        name="CSD",
        url="https://example.org/csd/",
        start=datetime(2026, 8, 1, 0, 0, tzinfo=BERLIN),
        end=datetime(2026, 8, 2, 0, 0, tzinfo=BERLIN),
        all_day=True,
        location=[place("Marktplatz", town="Zwickau"), virtual_location("https://stream.example/")],
    )
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [item["@type"] for item in data["location"]] == ["Place", "VirtualLocation"]
    assert (data["startDate"], data["endDate"]) == ("2026-08-01", "2026-08-02")


def test_a_page_type_supplies_its_own_json_ld(client, network):
    from home.models import StandardPage

    page = make_page(network["de"], "Sommerfest", "Am Samstag.")

    def supply(self, request, site_context):
        return [
            event(
                name=self.title,
                url=self.get_full_url(request),
                start=datetime(2026, 7, 4, 15, tzinfo=BERLIN),
            )
        ]

    StandardPage.get_structured_data = supply
    try:
        found = entities(client.get(page.url))
    finally:
        del StandardPage.get_structured_data
    assert found["Event"]["name"] == "Sommerfest"
    assert "NGO" in found


def test_other_apps_add_json_ld_through_the_hook(client, network):
    def faq(page, request, site_context):
        return [{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": []}]

    with hooks.register_temporarily("register_structured_data", faq):
        assert "FAQPage" in entities(client.get("/"))


def test_to_json_ld_is_valid_json():
    assert json.loads(to_json_ld({"a": "<&>"})) == {"a": "<&>"}


@pytest.mark.parametrize("path", ["/", "/en/", "/aktuelles/"])
def test_every_page_carries_valid_json_ld(client, network, path):
    found = entities(client.get(path))
    assert found["NGO"]["@context"] == "https://schema.org"
