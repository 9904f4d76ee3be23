"""RSS 2.0 and Atom feeds per news index and for the network, per language, with discovery."""

from datetime import date, timedelta

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from microsites.provisioning import set_member_active

from .factories import homes_of, make_image, make_news, news_index_of


def parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def make_syndicated(home, title, **fields):
    item = make_news(news_index_of(home), 1, title=title, **fields)[0]
    item.show_in_network = True
    item.save_revision().publish()
    return item


@pytest.mark.parametrize("path", ["/feeds/news.rss", "/feeds/news.atom"])
def test_site_news_feed_lists_live_articles_newest_first(host_client, member, path):
    index = news_index_of(homes_of(member)["de"])
    make_news(index, 3)
    make_news(index, 1, title="Entwurf", publish=False)
    feed = parse(host_client("queer-vogtland.localhost").get(path))
    titles = [entry.title for entry in feed.entries]
    assert len(titles) == 3
    assert "Entwurf" not in titles
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    assert feed.feed.title == "Aktuelles – Queer im Vogtland e. V."


def test_rss_feed_is_rss_2_and_atom_feed_is_atom(client, network):
    make_news(news_index_of(network["de"]), 1)
    assert parse(client.get("/feeds/news.rss")).version == "rss20"
    assert parse(client.get("/feeds/news.atom")).version == "atom10"


def test_feed_items_carry_teaser_date_kind_and_canonical_link(host_client, member):
    index = news_index_of(homes_of(member)["de"])
    item = make_news(index, 1, title="Neue Beratungszeiten", teaser="Ab Mai auch freitags.")[0]
    item.date = date(2026, 5, 4)
    item.author_line = "Vorstand"
    item.save_revision().publish()
    feed = parse(host_client("queer-vogtland.localhost").get("/feeds/news.rss"))
    entry = feed.entries[0]
    assert entry.title == "Neue Beratungszeiten"
    assert entry.summary == "Ab Mai auch freitags."
    assert entry.link == f"http://queer-vogtland.localhost/aktuelles/{item.slug}/"
    assert entry.published_parsed[:3] == (2026, 5, 3) or entry.published_parsed[:3] == (2026, 5, 4)
    assert [tag.term for tag in entry.tags] == ["Aktuelles"]
    assert entry.author == "Vorstand"
    assert entry.id.startswith("urn:uuid:")


def test_feed_date_is_the_articles_date_in_berlin_time(host_client, member):
    index = news_index_of(homes_of(member)["de"])
    item = make_news(index, 1)[0]
    item.date = date(2026, 5, 4)
    item.save_revision().publish()
    body = host_client("queer-vogtland.localhost").get("/feeds/news.rss").content.decode()
    assert "<pubDate>Mon, 04 May 2026 00:00:00 +0200</pubDate>" in body


def test_english_feed_lists_english_articles_in_english(host_client, member):
    homes = homes_of(member)
    make_news(news_index_of(homes["de"]), 2, title="Deutsch")
    make_news(news_index_of(homes["en"]), 1, title="English")
    feed = parse(host_client("queer-vogtland.localhost").get("/en/feeds/news.rss"))
    assert [entry.title for entry in feed.entries] == ["English"]
    assert feed.feed.language == "en"
    assert feed.entries[0].link.startswith("http://queer-vogtland.localhost/en/news/")


def test_feed_leaves_out_expired_and_private_articles(host_client, member):
    from wagtail.models import PageViewRestriction

    index = news_index_of(homes_of(member)["de"])
    expired, private, visible = make_news(index, 3)
    expired.expire_at = timezone.now() - timedelta(minutes=5)
    expired.save(update_fields=["expire_at"])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    feed = parse(host_client("queer-vogtland.localhost").get("/feeds/news.rss"))
    assert [entry.title for entry in feed.entries] == [visible.title]


def test_feed_items_have_the_social_image_as_enclosure(host_client, member):
    image = make_image("Sommerfest")
    make_news(news_index_of(homes_of(member)["de"]), 1, image=image)
    feed = parse(host_client("queer-vogtland.localhost").get("/feeds/news.rss"))
    enclosure = feed.entries[0].enclosures[0]
    assert enclosure.type == "image/jpeg"
    assert enclosure.href.startswith("http://queer-vogtland.localhost/media/images/")


def test_feed_is_limited_to_the_newest_twenty(client, network):
    make_news(news_index_of(network["de"]), 25)
    assert len(parse(client.get("/feeds/news.rss")).entries) == 20


def test_network_feed_lists_syndicated_member_articles_with_provenance(
    client, network, member, other_member
):
    make_syndicated(homes_of(member)["de"], "CSD in Plauen")
    make_syndicated(homes_of(other_member)["de"], "Lesung in Bautzen")
    make_news(news_index_of(homes_of(member)["de"]), 1, title="Nur auf der Vereinsseite")
    feed = parse(client.get("/feeds/network.rss"))
    entries = {entry.title: entry for entry in feed.entries}
    assert set(entries) == {"CSD in Plauen", "Lesung in Bautzen"}
    plauen = entries["CSD in Plauen"]
    assert plauen.link.startswith("http://queer-vogtland.localhost/aktuelles/")
    assert plauen.author == "Queer im Vogtland e. V."
    assert plauen.source == {
        "href": "http://queer-vogtland.localhost/",
        "title": "Queer im Vogtland e. V.",
    } or (plauen.source.title == "Queer im Vogtland e. V.")
    assert "Queer im Vogtland e. V." in [tag.term for tag in plauen.tags]


def test_network_atom_feed_names_the_source_site(client, member):
    make_syndicated(homes_of(member)["de"], "CSD in Plauen")
    feed = parse(client.get("/feeds/network.atom"))
    assert feed.entries[0].source.title == "Queer im Vogtland e. V."


def test_network_feed_leaves_out_unpublished_and_deactivated_members(client, member, other_member):
    make_syndicated(homes_of(member)["de"], "CSD in Plauen")
    make_syndicated(homes_of(other_member)["de"], "Lesung in Bautzen")
    draft = make_news(news_index_of(homes_of(member)["de"]), 1, title="Entwurf", publish=False)[0]
    draft.show_in_network = True
    draft.save_revision()
    set_member_active(other_member, False)
    feed = parse(client.get("/feeds/network.rss"))
    assert [entry.title for entry in feed.entries] == ["CSD in Plauen"]


def test_network_feed_is_per_language(client, member):
    make_syndicated(homes_of(member)["de"], "Deutsch")
    make_syndicated(homes_of(member)["en"], "English")
    assert [e.title for e in parse(client.get("/en/feeds/network.rss")).entries] == ["English"]
    assert [e.title for e in parse(client.get("/feeds/network.rss")).entries] == ["Deutsch"]


def test_network_feed_exists_only_on_the_umbrella_site(host_client, member):
    assert host_client("queer-vogtland.localhost").get("/feeds/network.rss").status_code == 404


def test_feeds_set_no_cookie_and_are_cacheable(client, network):
    response = client.get("/feeds/news.rss")
    assert response.cookies == {}
    assert response["Cache-Control"] == "public, max-age=300"


def test_pages_advertise_their_feeds_in_the_head(client, host_client, member):
    umbrella = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="application/rss+xml" title="Nachrichten – LAG Queeres Netzwerk Sachsen (RSS)" href="/feeds/news.rss">'
        in umbrella
    )
    assert 'type="application/atom+xml"' in umbrella
    assert 'href="/feeds/network.rss"' in umbrella
    member_home = host_client("queer-vogtland.localhost").get("/en/").content.decode()
    assert 'href="/en/feeds/news.rss"' in member_home
    assert "network.rss" not in member_home


def test_other_apps_add_feed_links_through_the_hook(client, network):
    from wagtail import hooks

    from feeds.discovery import ICAL, FeedLink

    def calendar(request, site_context):
        return [FeedLink("Veranstaltungen (iCal)", "/termine.ics", ICAL)]

    with hooks.register_temporarily("register_feed_links", calendar):
        body = client.get("/").content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" title="Veranstaltungen (iCal)" href="/termine.ics">'
        in body
    )


def count_queries(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_feed_query_count_does_not_grow_with_items(client, network, member):
    image = make_image("Bild")
    make_news(news_index_of(network["de"]), 2, image=image)
    make_syndicated(homes_of(member)["de"], "Eins", image=image)
    few = {path: count_queries(client, path) for path in ("/feeds/news.rss", "/feeds/network.atom")}
    make_news(news_index_of(network["de"]), 15, image=image)
    for number in range(6):
        make_syndicated(homes_of(member)["de"], f"Mehr {number}", image=image)
    many = {
        path: count_queries(client, path) for path in ("/feeds/news.rss", "/feeds/network.atom")
    }
    assert few == many
