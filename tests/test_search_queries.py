"""The search page fetches what it shows in a fixed number of queries, whatever the results."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import homes_of, make_image, make_member
from .fixtures_search import make_article, make_page

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive


def count_queries(client, path, params):
    client.get(path, params)  # warm caches that are filled once per process (content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries), response


def add_results(network, member, count):
    # One page type only: the specific fields are fetched with one query per page type shown.
    for number in range(count):
        make_page(network["de"], f"Stammtisch {number}", "Wir treffen uns zum Stammtisch.")
        make_page(homes_of(member)["de"], f"Stammtisch Plauen {number}", "Stammtisch im Vogtland.")


def add_articles(network, count):
    image = make_image("Titelbild")
    for number in range(count):
        make_article(network["de"], f"Stammtisch-Bericht {number}", "Vom Stammtisch.", image=image)


def test_site_search_query_count_does_not_grow_with_results(client, network, member):
    add_results(network, member, 2)
    few, response = count_queries(client, "/suche/", {"q": "Stammtisch"})
    assert len(response.context["results"]) == 2
    add_results(network, member, 12)
    many, response = count_queries(client, "/suche/", {"q": "Stammtisch"})
    assert len(response.context["results"]) == 10
    assert few == many


def test_news_results_with_images_cost_no_query_per_result(client, network):
    add_articles(network, 2)
    params = {"q": "Stammtisch", "typ": "news.newspage"}
    few, response = count_queries(client, "/suche/", params)
    assert len(response.context["results"]) == 2
    add_articles(network, 12)
    many, response = count_queries(client, "/suche/", params)
    assert len(response.context["results"]) == 10
    assert few == many


def test_network_search_query_count_does_not_grow_with_results_or_members(client, network, member):
    add_results(network, member, 1)
    params = {"q": "Stammtisch", "bereich": "netzwerk"}
    few, _response = count_queries(client, "/suche/", params)
    add_results(network, member, 8)
    for slug in ("verein-a", "verein-b", "verein-c"):
        make_page(homes_of(make_member(slug))["de"], f"Stammtisch {slug}", "Stammtisch.")
    many, response = count_queries(client, "/suche/", params)
    assert len(response.context["results"]) == 10
    assert few == many
