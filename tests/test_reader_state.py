"""What the reader chose survives a language switch; one parameter vocabulary; addresses that
behave: the 404 page's switcher, the canonical link of later pages, the favicon, links without a
dangling ``?``."""

import re

from .factories import homes_of

HOST = "queer-vogtland.localhost"


def switcher(html):
    return html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]


def switcher_links(response):
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(
            r'<a href="([^"]+)" hreflang="([^"]+)"', switcher(response.content.decode())
        )
    }


def test_switching_language_keeps_the_directory_filter(client, network):
    response = client.get("/angebote/?bezirk=14511&art=beratung")
    assert response.status_code == 200
    assert switcher_links(response)["en"] == "/en/offers/?bezirk=14511&art=beratung"
    back = client.get("/en/offers/?bezirk=14511&art=beratung")
    assert switcher_links(back)["de"] == "/angebote/?bezirk=14511&art=beratung"


def test_switching_language_keeps_the_calendar_month_and_page(client, network):
    response = client.get("/veranstaltungen/?monat=2026-10")
    assert switcher_links(response)["en"] == "/en/events/?monat=2026-10"
    paged = client.get("/veranstaltungen/?ansicht=vergangen&seite=2")
    assert switcher_links(paged)["en"] == "/en/events/?ansicht=vergangen&seite=2"


def test_switching_language_drops_parameters_outside_the_vocabulary(client, network):
    response = client.get("/angebote/?bezirk=14511&utm_source=newsletter")
    assert switcher_links(response)["en"] == "/en/offers/?bezirk=14511"


def test_not_found_page_switches_to_the_nearest_existing_translation(client, network):
    response = client.get("/aktuelles/gibt-es-nicht/")
    assert response.status_code == 404
    assert switcher_links(response)["en"] == "/en/news/"
    english = client.get("/en/news/no-such-article/")
    assert english.status_code == 404
    assert switcher_links(english)["de"] == "/aktuelles/"


def test_not_found_page_without_existing_ancestor_links_the_other_home(client, network):
    response = client.get("/gibt-es-gar-nicht/tief/")
    assert response.status_code == 404
    assert switcher_links(response)["en"] == "/en/"
    for url in switcher_links(response).values():
        assert client.get(url).status_code == 200


def test_calendar_uses_the_district_parameter_of_the_directory(host_client, member):
    site = host_client(HOST)
    page = site.get("/veranstaltungen/").content.decode()
    assert '<select id="events-district" name="bezirk">' in page
    assert 'name="kreis"' not in page
    filtered = site.get("/veranstaltungen/?bezirk=14523")
    assert filtered.status_code == 200
    assert '<option value="14523" selected>' in filtered.content.decode()


def test_former_calendar_parameter_redirects_to_the_current_one(host_client, member):
    response = host_client(HOST).get("/veranstaltungen/?kreis=14523&art=kultur")
    assert response.status_code == 301
    assert response["Location"] == "/veranstaltungen/?bezirk=14523&art=kultur"


def test_upcoming_link_has_no_empty_query_string(host_client, member):
    page = host_client(HOST).get("/veranstaltungen/?monat=2026-10").content.decode()
    views = page.split('class="events-views"', 1)[1].split("</nav>", 1)[0]
    hrefs = re.findall(r'href="([^"]*)"', views)
    assert "/veranstaltungen/" in hrefs
    assert not any(href.endswith("?") for href in hrefs)


def test_later_page_of_a_listing_is_its_own_canonical(client, network):
    first = client.get("/angebote/").content.decode()
    assert '<link rel="canonical" href="http://localhost/angebote/">' in first
    second = client.get("/angebote/?seite=2&utm_source=x").content.decode()
    assert '<link rel="canonical" href="http://localhost/angebote/?seite=2">' in second
    nonsense = client.get("/angebote/?seite=abc").content.decode()
    assert '<link rel="canonical" href="http://localhost/angebote/">' in nonsense


def test_favicon_is_served_at_the_root_of_every_host(client, host_client, member):
    for response in (client.get("/favicon.ico"), host_client(HOST).get("/favicon.ico")):
        assert response.status_code == 200
        body = b"".join(response.streaming_content)
        assert body[:4] == b"\x00\x00\x01\x00"  # ICO header
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/").content.decode()


def test_german_tagline_is_marked_german_on_english_pages(client, network):
    from microsites.models import SiteSettings

    site = homes_of_umbrella_site(network)
    settings = SiteSettings.for_site(site)
    settings.tagline = "Gemeinsam für queeres Leben in Sachsen"
    settings.save()
    english = client.get("/en/").content.decode()
    assert '<span class="site-brand__tagline" lang="de">Gemeinsam' in english
    german = client.get("/").content.decode()
    assert '<span class="site-brand__tagline">Gemeinsam' in german


def homes_of_umbrella_site(network):
    return network["de"].get_site()


def test_member_site_switcher_keeps_filters_too(host_client, member):
    homes_of(member)
    response = host_client(HOST).get("/angebote/?zielgruppe=trans")
    assert switcher_links(response)["en"] == "/en/offers/?zielgruppe=trans"
