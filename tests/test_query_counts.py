"""Every public page type fetches what it shows in a fixed number of queries.

The counts are pinned: a change that adds a query to a page type must change this table on
purpose. Each page is measured with 3 and with 30 news items (with lead images) in every news
index of its site (the member site has one fixed article more)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.models import StandardPage
from microsites.provisioning import member_homes

from .factories import complete_legal_page, make_image, make_member, make_news, news_index_of

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

MEMBER_HOST = "verein-a.localhost"
# page -> (host, path, pinned query count on a warm cache)
PINNED = {
    # Home pages list the next events (eventcalendar): one query for the events; on the
    # umbrella one more for view restrictions (editorial.syndication.network_listing).
    "umbrella home": ("localhost", "/", 17),
    "umbrella home (en)": ("localhost", "/en/", 18),
    "member home": (MEMBER_HOST, "/", 17),
    "news index": (MEMBER_HOST, "/aktuelles/", 19),
    "news index (en)": (MEMBER_HOST, "/en/news/", 20),
    # One query more than the article itself needs: the lead image's "social" rendition for the
    # OpenGraph tags and the JSON-LD (metadata app).
    "news article": (MEMBER_HOST, "/aktuelles/nachricht-x/", 18),
    "standard page": (MEMBER_HOST, "/ueber-uns/", 16),
    "contact form": (MEMBER_HOST, "/kontakt/", 15),
    "imprint": (MEMBER_HOST, "/impressum/", 14),
}


@pytest.fixture
def sites(network):
    member = make_member("verein-a")
    homes = member_homes(member)
    image = make_image("Titelbild", collection=member.collection)
    first = make_news(news_index_of(homes["de"]), 1, image=image)[0]
    first.slug = "nachricht-x"
    first.save_revision().publish()
    about = StandardPage(
        title="Über uns",
        slug="ueber-uns",
        intro="Wer wir sind",
        body=[
            ("heading", {"text": "Team", "level": "h2"}),
            (
                "image",
                {
                    "image": image,
                    "alt_text": "Team",
                    "decorative": False,
                    "caption": "",
                    "credit": "",
                },
            ),
            ("paragraph", "<p>Text</p>"),
        ],
    )
    homes["de"].add_child(instance=about)
    about.save_revision().publish()
    for page in Page.objects.descendant_of(homes["de"]).filter(live=False).specific():
        complete_legal_page(page).save_revision().publish()
    indexes = {
        "localhost": [news_index_of(home) for home in network.values()],
        MEMBER_HOST: [news_index_of(home) for home in homes.values()],
    }

    def add_news(host, count):
        for index in indexes[host]:
            make_news(index, count, image=image)

    return add_news


def warm_query_count(client, path):
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


@pytest.mark.parametrize("host", ["localhost", MEMBER_HOST])
def test_page_query_counts_are_pinned_and_independent_of_content_amount(sites, host_client, host):
    pages = {name: path for name, (page_host, path, _pinned) in PINNED.items() if page_host == host}
    client = host_client(host)
    sites(host, 3)
    with_few = {name: warm_query_count(client, path) for name, path in pages.items()}
    sites(host, 27)
    with_many = {name: warm_query_count(client, path) for name, path in pages.items()}
    assert with_few == with_many, "query counts grew with the number of news items"
    assert with_many == {name: PINNED[name][2] for name in pages}
