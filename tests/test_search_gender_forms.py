"""Gender-inclusive spellings are found by their base and feminine forms, on every database."""

import pytest

from search.text import expand_gender_forms, feminine_base, normalise_for_index, query_terms

from .fixtures_search import make_page

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

SPELLINGS = ["Berater*innen", "Berater:innen", "Berater_innen", "Berater/-innen", "BeraterInnen"]


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("query", ["Berater", "Beraterin", "Beraterinnen", "berater"])
def test_gender_gap_spellings_are_found_by_base_and_feminine_form(client, network, spelling, query):
    make_page(network["de"], "Unser Team", f"Unsere {spelling} sind montags erreichbar.")
    make_page(network["de"], "Anfahrt", "So kommst du zu uns.")
    response = client.get("/suche/", {"q": query})
    assert [r.page.title for r in response.context["results"]] == ["Unser Team"]


@pytest.mark.parametrize("query", SPELLINGS)
def test_a_gender_gap_query_finds_every_spelling(client, network, query):
    make_page(network["de"], "Team A", "Unsere Berater*innen helfen.")
    make_page(network["de"], "Team B", "Unsere Berater:innen helfen.")
    make_page(network["de"], "Team C", "Unsere Beraterinnen helfen.")
    make_page(network["de"], "Team D", "Unser Berater hilft.")
    response = client.get("/suche/", {"q": query})
    assert {r.page.title for r in response.context["results"]} == {
        "Team A",
        "Team B",
        "Team C",
        "Team D",
    }


def test_the_base_form_finds_a_plain_feminine_form(client, network):
    make_page(network["de"], "Studium", "Studentinnen beraten Studentinnen.")
    response = client.get("/suche/", {"q": "Student"})
    assert [r.page.title for r in response.context["results"]] == ["Studium"]


def test_words_that_merely_end_in_in_keep_their_meaning(client, network):
    make_page(network["de"], "Termine", "Einen Termin vereinbaren.")
    response = client.get("/suche/", {"q": "Term"})
    assert [r.page.title for r in response.context["results"]] == []


def test_gender_gap_words_are_highlighted_whole(client, network):
    make_page(network["de"], "Team", "Unsere Berater*innen sind da.")
    response = client.get("/suche/", {"q": "Beraterin"})
    assert "<mark>Berater*innen</mark>" in str(response.context["results"][0].snippet)


def test_index_text_expands_gap_forms_into_three_words():
    assert expand_gender_forms("die Kolleg*innen") == "die Kolleg Kollegin Kolleginnen"
    assert expand_gender_forms("StudentInnen") == "Student Studentin Studentinnen"


def test_feminine_base_is_limited_to_person_nouns():
    assert feminine_base("Beraterinnen") == "Berater"
    assert feminine_base("Studentin") == "Student"
    assert feminine_base("Termin") is None
    assert feminine_base("Medizin") is None
    assert feminine_base("Berlin") is None


def test_index_text_carries_stems_where_the_database_does_not_stem():
    text = normalise_for_index("Beratungen für Jugendgruppen", stems=True)
    assert "berat" in text.split()
    assert "jugendgrupp" in text.split()


def test_query_groups_a_gap_form_as_alternatives():
    assert query_terms("Berater*innen Leipzig") == [
        ["Berater", "Beraterin", "Beraterinnen"],
        ["Leipzig"],
    ]
