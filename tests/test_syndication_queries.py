"""The umbrella's aggregated lists fetch what they show in a fixed number of queries: the same
with 5 members as with 50, in German and in English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.images import warm_renditions
from microsites.provisioning import member_homes

from .factories import make_image, make_member, make_news, news_index_of

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

PAGES = ["/", "/aktuelles/", "/en/", "/en/news/"]


def add_members(count, start):
    """Members with a logo and one shared news item with a lead image in each language."""
    for number in range(start, start + count):
        logo = make_image(f"Logo {number}")
        warm_renditions(logo)
        member = make_member(f"verein-{number}", logo=logo)
        homes = member_homes(member)
        image = make_image(f"Bild {number}")
        warm_renditions(image)
        german = make_news(news_index_of(homes["de"]), image=image, title=f"Nachricht {number}")[0]
        english = german.copy_for_translation(homes["en"].locale)
        for page in (german, english):
            page.show_in_network = True
            page.save_revision().publish()


def queries_for(client, path):
    client.get(path)  # site root paths and the host table are cached after the first request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), response.content.decode()


def test_network_lists_need_the_same_queries_for_5_and_50_members(network, client):
    add_members(5, start=1)
    few = {}
    for path in PAGES:
        few[path], html = queries_for(client, path)
        assert 'class="provenance"' in html, path
    add_members(45, start=6)
    many = {}
    for path in PAGES:
        many[path], html = queries_for(client, path)
        assert html.count('class="provenance"') >= 3, path
    assert few == many
