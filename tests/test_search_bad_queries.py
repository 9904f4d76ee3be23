"""Empty, overlong and hostile queries get a clear message in the reader's language, never a 500."""

import pytest

from .fixtures_search import make_page

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive


@pytest.fixture
def page(network):
    return make_page(network["de"], "Beratung", "Wir beraten vertraulich.")


def test_empty_query_shows_the_form_without_error(client, page):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get("/suche/", params)
        assert response.status_code == 200
        assert response.context["results"] == []
        assert 'role="alert"' not in response.content.decode()


def test_overlong_query_is_refused_with_a_message(client, page):
    response = client.get("/suche/", {"q": "Beratung " * 40})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Der Suchbegriff ist zu lang: höchstens 200 Zeichen" in body
    assert 'aria-invalid="true"' in body


def test_overlong_query_message_is_english_on_the_english_site(client, page):
    response = client.get("/en/search/", {"q": "x" * 500})
    assert response.status_code == 400
    assert "The search term is too long" in response.content.decode()


@pytest.mark.parametrize("query", ["???", "...", "*", "-- ;", "🏳️‍🌈", "„“"])
def test_query_of_only_punctuation_or_symbols_is_refused_with_a_message(client, page, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 400
    assert "mindestens einen Buchstaben oder eine Ziffer" in response.content.decode()


def test_null_characters_are_refused_with_a_message(client, page):
    response = client.get("/suche/", {"q": "Bera\x00tung"})
    assert response.status_code == 400
    assert "ungültige Zeichen" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "' OR 1=1; --",
        "Beratung'; DROP TABLE wagtailcore_page; --",
        '"Beratung',
        "Beratung NEAR(vertraulich)",
        "Beratung AND OR NOT",
        "Beratung*",
        "title:Beratung",
        "{Beratung} : (x)",
        "%' UNION SELECT password FROM auth_user --",
        "Beratung\\",
        "Beratung & | !",
    ],
)
def test_sql_and_search_syntax_characters_are_searched_as_plain_words(client, page, query):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200


def test_special_characters_found_in_a_query_are_named_to_the_reader(client, page):
    response = client.get("/suche/", {"q": "Beratung; <>"})
    assert response.status_code == 200
    assert [r.page.title for r in response.context["results"]] == ["Beratung"]
    assert "Diese Zeichen wurden bei der Suche ignoriert: ; &lt; &gt;" in response.content.decode()


def test_markup_in_the_query_is_escaped_everywhere(client, page):
    response = client.get("/suche/", {"q": "<script>alert(1)</script> Beratung"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert(1)" not in body
    assert "&lt;script&gt;alert(1)" in body


def test_an_invalid_scope_is_refused_with_a_message(client, page):
    response = client.get("/suche/", {"q": "Beratung", "bereich": "alles"})
    assert response.status_code == 400


def test_many_words_do_not_break_the_search(client, page):
    response = client.get("/suche/", {"q": " ".join(["Beratung", "vertraulich"] * 9)})
    assert response.status_code == 200


def test_search_answers_head_and_refuses_post(client, page):
    assert client.head("/suche/?q=Beratung").status_code == 200
    assert client.post("/suche/", {"q": "Beratung"}).status_code == 405
