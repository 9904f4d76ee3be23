"""Head metadata: canonical, hreflang, description and image fallbacks, OpenGraph and Twitter."""

from html.parser import HTMLParser

import pytest

from microsites.models import SiteSettings

from .factories import homes_of, make_image, make_news, news_index_of
from .fixtures_search import make_page


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta = {}
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.links.append(attrs)


def head(response):
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def meta(parsed, key):
    values = parsed.meta.get(key, [])
    return values[0] if len(values) == 1 else values


@pytest.fixture
def article(member):
    image = make_image("Sommerfest", size=(1600, 1000))
    item = make_news(news_index_of(homes_of(member)["de"]), 1, image=image)[0]
    item.title = "Sommerfest im Vogtland"
    item.teaser = "Am 4. Juli feiern wir im Stadtpark Plauen."
    item.lead_image_alt = "Menschen mit Regenbogenfahnen im Park"
    item.save_revision().publish()
    return item


def test_canonical_of_a_member_article_is_on_the_members_own_site(host_client, article):
    parsed = head(host_client("queer-vogtland.localhost").get(article.url))
    canonical = [link["href"] for link in parsed.links if link.get("rel") == "canonical"]
    assert canonical == [f"http://queer-vogtland.localhost/aktuelles/{article.slug}/"]
    assert meta(parsed, "og:url") == canonical[0]


def test_hreflang_alternates_link_translations_both_ways(client, network):
    german = make_page(network["de"], "Über uns", "Wer wir sind.")
    english = make_page(
        network["en"], "About us", "Who we are.", translation_key=german.translation_key
    )
    for url in (german.url, english.url):
        alternates = {
            link["hreflang"]: link["href"]
            for link in head(client.get(url)).links
            if link.get("rel") == "alternate" and link.get("hreflang")
        }
        assert alternates == {
            "de": german.get_full_url(),
            "en": english.get_full_url(),
            "x-default": german.get_full_url(),
        }


def test_article_has_opengraph_and_twitter_tags_with_the_social_rendition(host_client, article):
    parsed = head(host_client("queer-vogtland.localhost").get(article.url))
    assert meta(parsed, "og:type") == "article"
    assert meta(parsed, "og:title") == "Sommerfest im Vogtland"
    assert meta(parsed, "og:description") == "Am 4. Juli feiern wir im Stadtpark Plauen."
    assert meta(parsed, "og:site_name") == "Queer im Vogtland e. V."
    assert meta(parsed, "og:locale") == "de_DE"
    assert meta(parsed, "og:locale:alternate") == "en_GB"
    image = meta(parsed, "og:image")
    assert image.startswith("http://queer-vogtland.localhost/media/images/")
    assert "fill-1200x630.format-jpeg" in image
    assert meta(parsed, "og:image:width") == "1200"
    assert meta(parsed, "og:image:height") == "630"
    assert meta(parsed, "og:image:alt") == "Menschen mit Regenbogenfahnen im Park"
    assert meta(parsed, "twitter:card") == "summary_large_image"
    assert meta(parsed, "twitter:image") == image
    assert meta(parsed, "article:published_time").startswith("2026-")


def test_search_description_overrides_the_teaser(host_client, article):
    article.search_description = "Sommerfest 2026: Programm und Anfahrt."
    article.save_revision().publish()
    parsed = head(host_client("queer-vogtland.localhost").get(article.url))
    assert meta(parsed, "description") == "Sommerfest 2026: Programm und Anfahrt."
    assert meta(parsed, "og:description") == "Sommerfest 2026: Programm und Anfahrt."


def test_social_image_overrides_the_lead_image(host_client, article):
    article.social_image = make_image("Teilen", colour=(10, 10, 10))
    article.save_revision().publish()
    image = meta(head(host_client("queer-vogtland.localhost").get(article.url)), "og:image")
    assert "/teilen." in image


def test_pages_without_image_fall_back_to_the_site_logo(client, network):
    site_settings = SiteSettings.objects.get(site__is_default_site=True)
    site_settings.logo = make_image("LAG Logo")
    site_settings.save()
    page = make_page(network["de"], "Über uns", "Wer wir sind.")
    parsed = head(client.get(page.url))
    assert "/lag-logo." in meta(parsed, "og:image")
    assert meta(parsed, "og:type") == "website"


def test_pages_without_any_image_get_a_summary_card(client, network):
    parsed = head(client.get(make_page(network["de"], "Über uns", "Wer wir sind.").url))
    assert meta(parsed, "og:image") == []
    assert meta(parsed, "twitter:card") == "summary"


def test_description_falls_back_to_intro_then_tagline(client, network):
    site_settings = SiteSettings.objects.get(site__is_default_site=True)
    site_settings.tagline = "Landesarbeitsgemeinschaft der queeren Vereine in Sachsen"
    site_settings.save()
    with_intro = make_page(
        network["de"], "Über uns", "", intro="Wir sind " + "sehr " * 60 + "viele."
    )
    without = make_page(network["de"], "Leer", "")
    description = meta(head(client.get(with_intro.url)), "description")
    assert description.startswith("Wir sind sehr")
    assert len(description) <= 160
    assert meta(head(client.get(without.url)), "description") == site_settings.tagline


def test_english_pages_say_their_locale(client, network):
    parsed = head(client.get("/en/"))
    assert meta(parsed, "og:locale") == "en_GB"
    assert meta(parsed, "og:locale:alternate") == "de_DE"


def test_metadata_escapes_page_text(client, network):
    page = make_page(network["de"], 'Zitat "laut" <b>fett</b>', "Text.")
    body = client.get(page.url).content.decode()
    assert (
        '<meta property="og:title" content="Zitat &quot;laut&quot; &lt;b&gt;fett&lt;/b&gt;">'
        in body
    )
