"""sitemap.xml per site: exactly the site's live public pages, with symmetric hreflang pairs."""

import xml.etree.ElementTree as ET
from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .factories import homes_of, make_news, news_index_of
from .fixtures_search import make_page

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def parse_sitemap(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    entries = {}
    for url in root.findall("sm:url", NS):
        location = url.find("sm:loc", NS).text
        alternates = {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)
        }
        lastmod = url.find("sm:lastmod", NS)
        entries[location] = {
            "alternates": alternates,
            "lastmod": lastmod.text if lastmod is not None else None,
        }
    return entries


def expected_urls(site_homes):
    """The live, public pages below the site's home pages, as absolute URLs."""
    urls = set()
    for home in site_homes.values():
        for page in Page.objects.live().public().descendant_of(home, inclusive=True):
            urls.add(page.get_full_url())
    return urls


def test_sitemap_lists_exactly_the_sites_live_public_pages(
    host_client, network, member, other_member
):
    homes = homes_of(member)
    make_news(news_index_of(homes["de"]), 3)
    make_news(news_index_of(homes["en"]), 1)
    make_page(homes["de"], "Entwurf", "Noch nicht fertig.", publish=False)
    private = make_page(homes["de"], "Intern", "Nur für Mitglieder.")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_page(homes_of(other_member)["de"], "Anderer Verein", "Gehört nicht hierher.")
    entries = parse_sitemap(host_client("queer-vogtland.localhost").get("/sitemap.xml"))
    assert set(entries) == expected_urls(homes)
    assert all(url.startswith("http://queer-vogtland.localhost/") for url in entries)
    assert not any("intern" in url or "entwurf" in url for url in entries)
    # Legal pages are provisioned as drafts and appear once published: the member's Impressum
    # is live (its site is public), its accessibility statement is still a draft.
    assert any("impressum" in url for url in entries)
    assert not any("barrierefreiheit" in url for url in entries)


def test_umbrella_sitemap_has_no_member_pages(client, network, member):
    entries = parse_sitemap(client.get("/sitemap.xml"))
    assert set(entries) == expected_urls(network)
    assert not any("queer-vogtland" in url for url in entries)


def test_hreflang_alternates_are_symmetric_and_include_x_default(host_client, member):
    entries = parse_sitemap(host_client("queer-vogtland.localhost").get("/sitemap.xml"))
    german_home = "http://queer-vogtland.localhost/"
    english_home = "http://queer-vogtland.localhost/en/"
    assert entries[german_home]["alternates"] == {
        "de": german_home,
        "en": english_home,
        "x-default": german_home,
    }
    for location, entry in entries.items():
        alternates = entry["alternates"]
        own = [code for code, url in alternates.items() if url == location and code != "x-default"]
        assert len(own) == 1, location
        for code, url in alternates.items():
            if code == "x-default":
                continue
            assert url in entries, url
            assert entries[url]["alternates"] == alternates


def test_a_page_without_translation_has_only_itself_as_alternate(host_client, member):
    page = make_page(homes_of(member)["de"], "Nur Deutsch", "Kein Englisch.")
    entries = parse_sitemap(host_client("queer-vogtland.localhost").get("/sitemap.xml"))
    url = page.get_full_url()
    assert entries[url]["alternates"] == {"de": url, "x-default": url}


def test_sitemap_leaves_out_expired_pages(host_client, member):
    page = make_page(homes_of(member)["de"], "Vorbei", "Abgelaufen.")
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save(update_fields=["expire_at"])
    entries = parse_sitemap(host_client("queer-vogtland.localhost").get("/sitemap.xml"))
    assert page.get_full_url() not in entries


def test_sitemap_entries_carry_their_last_publication(host_client, member):
    page = make_page(homes_of(member)["de"], "Neu", "Gerade veröffentlicht.")
    entries = parse_sitemap(host_client("queer-vogtland.localhost").get("/sitemap.xml"))
    assert entries[page.get_full_url()]["lastmod"].startswith(str(timezone.localdate()))


def test_sitemap_query_count_does_not_grow_with_pages(host_client, member):
    client = host_client("queer-vogtland.localhost")
    homes = homes_of(member)

    def count():
        client.get("/sitemap.xml")
        with CaptureQueriesContext(connection) as queries:
            client.get("/sitemap.xml")
        return len(queries)

    few = count()
    make_news(news_index_of(homes["de"]), 12)
    make_news(news_index_of(homes["en"]), 5)
    for number in range(5):
        make_page(homes["de"], f"Seite {number}", "Text.")
    assert count() == few


def test_sitemap_of_a_deactivated_member_is_gone(host_client, member):
    from microsites.provisioning import set_member_active

    set_member_active(member, False)
    assert host_client("queer-vogtland.localhost").get("/sitemap.xml").status_code == 410
