"""The search backend is chosen by the environment; every backend normalises German alike."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from home.models import StandardPage

from .fixtures_search import make_page

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive


def settings_backends(**environment):
    code = "import json, config.settings.base as s; print(json.dumps(s.WAGTAILSEARCH_BACKENDS))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    )
    return result


def test_database_backend_with_german_configuration_is_the_default():
    result = settings_backends(SEARCH_BACKEND="")
    backends = json.loads(result.stdout)
    assert backends["default"] == {
        "BACKEND": "search.backends.database",
        "SEARCH_CONFIG": "german",
    }


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_an_external_engine_is_configured_from_the_environment(engine):
    result = settings_backends(
        SEARCH_BACKEND=engine,
        SEARCH_URLS="https://search-1.internal:9200,https://search-2.internal:9200",
        SEARCH_INDEX_PREFIX="netzwerk_",
    )
    backend = json.loads(result.stdout)["default"]
    assert backend["BACKEND"] == f"search.backends.{engine}"
    assert backend["URLS"] == ["https://search-1.internal:9200", "https://search-2.internal:9200"]
    assert backend["INDEX_PREFIX"] == "netzwerk_"


def test_an_unknown_search_backend_stops_the_start_with_a_clear_error():
    result = settings_backends(SEARCH_BACKEND="solr")
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be database, opensearch or elasticsearch" in result.stderr


def test_the_configured_backend_normalises_german(db):
    backend = get_search_backend()
    assert type(backend).__name__.startswith("German")
    # PostgreSQL stems in the database, SQLite's full text search needs the stems from Python.
    assert backend.stems_in_python is (settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"))


@pytest.fixture
def opensearch_backend():
    from search.backends.opensearch import SearchBackend

    return SearchBackend({"URLS": ["http://localhost:9200"], "INDEX_PREFIX": "test_"})


def test_opensearch_documents_carry_normalised_text(opensearch_backend, network):
    page = make_page(network["de"], "Team der Berater:innen", "Unsere Kolleg*innen beraten.")
    mapping = opensearch_backend.mapping_class(StandardPage)
    document = mapping.get_document(StandardPage.objects.get(pk=page.pk))
    title = document[mapping.get_field_column_name(StandardPage.get_search_fields()[0])]
    assert "Berater Beraterin Beraterinnen" in title
    body_text = json.dumps(document, ensure_ascii=False, default=str)
    assert "Kolleg Kollegin Kolleginnen" in body_text


def test_opensearch_indexes_use_the_german_analyser(opensearch_backend):
    analysis = opensearch_backend.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == {"type": "german"}
    # Wagtail's own analysers for autocomplete stay in place.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_opensearch_queries_are_normalised_like_database_queries(opensearch_backend, network):
    results = opensearch_backend.search("Berater*innen", StandardPage.objects.live())
    query = json.dumps(results.query_compiler.get_query())
    assert "Beraterinnen" in query
    assert "Beraterin" in query
    assert "*" not in query.replace("_all_text", "")


def test_rebuilding_the_index_keeps_the_german_normalisation(client, network):
    from django.core.management import call_command

    make_page(network["de"], "Team", "Unsere Berater*innen helfen.")
    call_command("update_index", verbosity=0)
    response = client.get("/suche/", {"q": "Beraterin"})
    assert [r.page.title for r in response.context["results"]] == ["Team"]
