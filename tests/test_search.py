"""Site search: relevance on a German corpus, scope by site, language and network, exclusions."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from microsites.provisioning import set_member_active

from .factories import homes_of, make_member
from .fixtures_search import make_article, make_page

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

CORPUS = [
    (
        "Beratung für trans* Personen",
        "Wir beraten trans*, inter* und nicht-binäre Menschen zu Transition, Namensänderung "
        "und Personenstand, vertraulich und kostenlos.",
    ),
    (
        "Jugendgruppe in Plauen",
        "Jeden zweiten Freitag trifft sich unsere queere Jugendgruppe für junge Menschen "
        "zwischen 14 und 27 Jahren.",
    ),
    (
        "HIV-Test anonym",
        "Im Gesundheitsamt und bei der Aidshilfe kannst du dich anonym auf HIV und andere "
        "sexuell übertragbare Infektionen testen lassen.",
    ),
    (
        "Selbsthilfe für Eltern",
        "Eltern queerer Kinder tauschen sich in unserer Selbsthilfegruppe aus.",
    ),
    (
        "Vorstand und Satzung",
        "Der Verein wird von einem ehrenamtlichen Vorstand geleitet; die Satzung regelt die "
        "Mitgliedschaft.",
    ),
]


@pytest.fixture
def corpus(network):
    return [make_page(network["de"], title, text) for title, text in CORPUS]


def result_titles(response):
    return [result.page.title for result in response.context["results"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Beratung", "Beratung für trans* Personen"),
        ("Namensänderung", "Beratung für trans* Personen"),
        ("Jugendgruppen", "Jugendgruppe in Plauen"),
        ("jugendgruppe plauen", "Jugendgruppe in Plauen"),
        ("HIV Test", "HIV-Test anonym"),
        ("anonym testen", "HIV-Test anonym"),
        ("Selbsthilfegruppe Eltern", "Selbsthilfe für Eltern"),
        ("Satzung", "Vorstand und Satzung"),
    ],
)
def test_a_querys_expected_page_ranks_first(client, corpus, query, expected):
    response = client.get("/suche/", {"q": query})
    assert response.status_code == 200
    assert result_titles(response)[0] == expected


def test_german_stemming_finds_inflected_forms(client, corpus):
    # "beraten" (verb) and "Beratungen" (plural) share the stem of "Beratung".
    for query in ("Beratungen", "beraten"):
        assert "Beratung für trans* Personen" in result_titles(client.get("/suche/", {"q": query}))


def test_title_matches_rank_above_body_matches(client, network):
    make_page(network["de"], "Unsere Arbeit", "Wir bieten auch Beratung an, neben vielem anderen.")
    make_page(network["de"], "Beratung", "Was wir anbieten und für wen.")
    assert result_titles(client.get("/suche/", {"q": "Beratung"}))[0] == "Beratung"


def test_search_covers_only_the_current_site(client, host_client, network, member):
    make_page(network["de"], "Netzwerktreffen des Dachverbands", "Alle Vereine treffen sich.")
    make_page(homes_of(member)["de"], "Netzwerktreffen im Vogtland", "Wir treffen uns in Plauen.")
    on_umbrella = result_titles(client.get("/suche/", {"q": "Netzwerktreffen"}))
    on_member = result_titles(
        host_client("queer-vogtland.localhost").get("/suche/", {"q": "Netzwerktreffen"})
    )
    assert on_umbrella == ["Netzwerktreffen des Dachverbands"]
    assert on_member == ["Netzwerktreffen im Vogtland"]


def test_search_covers_only_the_current_language(client, network):
    make_page(network["de"], "Regenbogenfamilien", "Beratung für Regenbogenfamilien.")
    make_page(network["en"], "Rainbow families Regenbogenfamilien", "Advice for families.")
    german = result_titles(client.get("/suche/", {"q": "Regenbogenfamilien"}))
    english = result_titles(client.get("/en/search/", {"q": "Regenbogenfamilien"}))
    assert german == ["Regenbogenfamilien"]
    assert english == ["Rainbow families Regenbogenfamilien"]


def test_network_search_on_the_umbrella_labels_results_with_their_member(
    client, network, member, other_member
):
    make_page(network["de"], "Sommerfest des Netzwerks", "Ein Fest für alle.")
    make_page(homes_of(member)["de"], "Sommerfest in Plauen", "Wir feiern.")
    make_page(homes_of(other_member)["de"], "Sommerfest in Bautzen", "Wir feiern auch.")
    response = client.get("/suche/", {"q": "Sommerfest", "bereich": "netzwerk"})
    assert response.status_code == 200
    owners = {result.page.title: result.owner for result in response.context["results"]}
    assert owners == {
        "Sommerfest des Netzwerks": "LAG Queeres Netzwerk Sachsen",
        "Sommerfest in Plauen": "Queer im Vogtland e. V.",
        "Sommerfest in Bautzen": "Rosa Lausitz e. V.",
    }
    body = response.content.decode()
    assert "von Queer im Vogtland e. V." in body
    # Results on member sites link to the member's own host.
    urls = {result.page.title: result.url for result in response.context["results"]}
    assert urls["Sommerfest in Plauen"].startswith("http://queer-vogtland.localhost/")


def test_network_search_leaves_out_deactivated_members(client, network, member):
    make_page(homes_of(member)["de"], "Sommerfest in Plauen", "Wir feiern.")
    set_member_active(member, False)
    response = client.get("/suche/", {"q": "Sommerfest", "bereich": "netzwerk"})
    assert result_titles(response) == []


def test_member_sites_offer_no_network_switch(host_client, member):
    response = host_client("queer-vogtland.localhost").get(
        "/suche/", {"q": "Sommerfest", "bereich": "netzwerk"}
    )
    assert response.status_code == 200
    assert response.context["network"] is False
    assert 'name="bereich"' not in response.content.decode()


def test_unpublished_pages_are_never_found(client, network):
    make_page(network["de"], "Geheimer Entwurf Zebrafink", "Noch nicht fertig.", publish=False)
    assert result_titles(client.get("/suche/", {"q": "Zebrafink"})) == []


def test_unpublished_changes_of_a_live_page_are_not_searchable(client, network):
    page = make_page(network["de"], "Öffnungszeiten", "Montag bis Freitag.")
    page.title = "Öffnungszeiten Zebrafink"
    page.save_revision()
    assert result_titles(client.get("/suche/", {"q": "Zebrafink"})) == []


def test_private_pages_are_never_found(client, network):
    page = make_page(network["de"], "Interne Protokolle Zebrafink", "Nur für Mitglieder.")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    assert result_titles(client.get("/suche/", {"q": "Zebrafink"})) == []


def test_expired_pages_are_never_found_even_before_the_scheduler_runs(client, network):
    page = make_page(network["de"], "Aktion Zebrafink", "Nur bis gestern.")
    page.expire_at = timezone.now() - timedelta(hours=1)
    page.save(update_fields=["expire_at"])
    assert result_titles(client.get("/suche/", {"q": "Zebrafink"})) == []


def test_unpublished_member_pages_never_appear_in_the_network_search(client, network, member):
    make_page(homes_of(member)["de"], "Entwurf Zebrafink", "Noch nicht freigegeben.", publish=False)
    response = client.get("/suche/", {"q": "Zebrafink", "bereich": "netzwerk"})
    assert result_titles(response) == []


def test_results_are_paginated_and_keep_the_query(client, network):
    for number in range(23):
        make_page(network["de"], f"Stammtisch {number}", "Wir treffen uns zum Stammtisch.")
    first = client.get("/suche/", {"q": "Stammtisch"})
    third = client.get("/suche/", {"q": "Stammtisch", "seite": 3})
    assert len(first.context["results"]) == 10
    assert len(third.context["results"]) == 3
    assert first.context["results_page"].paginator.count == 23
    assert "?q=Stammtisch&amp;seite=2" in first.content.decode()


def test_pagination_beyond_the_end_shows_the_last_page(client, network):
    make_page(network["de"], "Stammtisch", "Wir treffen uns.")
    for bad in ("99", "abc", "-1"):
        response = client.get("/suche/", {"q": "Stammtisch", "seite": bad})
        assert response.status_code == 200
        assert result_titles(response) == ["Stammtisch"]


def test_snippets_highlight_the_searched_words(client, network):
    make_page(
        network["de"],
        "Angebote",
        "Einleitung ohne Treffer. " * 20 + "Unsere Beratung ist vertraulich und kostenlos.",
    )
    response = client.get("/suche/", {"q": "Beratung"})
    snippet = str(response.context["results"][0].snippet)
    assert "<mark>Beratung</mark>" in snippet
    assert snippet.startswith("… ")
    assert "<mark>Beratung</mark> ist vertraulich" in response.content.decode()


def test_snippets_escape_page_text(client, network):
    make_page(network["de"], "Sonderzeichen", "Beratung &lt;b&gt;fett&lt;/b&gt; und mehr")
    body = client.get("/suche/", {"q": "Beratung"}).content.decode()
    assert "<b>fett</b>" not in body


def test_content_type_filter_narrows_results_and_shows_counts(client, network):
    make_page(network["de"], "Beratung vor Ort", "Wir beraten in Leipzig.")
    make_article(network["de"], "Neue Beratung in Zwickau", "Ab Mai beraten wir auch in Zwickau.")
    response = client.get("/suche/", {"q": "Beratung"})
    kinds = {kind.value: kind.count for kind in response.context["kinds"]}
    assert kinds == {"home.standardpage": 1, "news.newspage": 1}
    news_only = client.get("/suche/", {"q": "Beratung", "typ": "news.newspage"})
    assert result_titles(news_only) == ["Neue Beratung in Zwickau"]
    assert "typ=news.newspage" in news_only.content.decode()


def test_an_unknown_content_type_filter_is_ignored(client, network):
    make_page(network["de"], "Beratung vor Ort", "Wir beraten in Leipzig.")
    for bad in ("auth.user", "nonsense", "a.b.c", "<script>"):
        response = client.get("/suche/", {"q": "Beratung", "typ": bad})
        assert response.status_code == 200
        assert result_titles(response) == ["Beratung vor Ort"]


def test_english_search_answers_under_en_with_english_interface(client, network):
    make_page(network["en"], "Counselling", "We offer counselling.")
    response = client.get("/en/search/", {"q": "counselling"})
    assert response.status_code == 200
    assert result_titles(response) == ["Counselling"]
    assert "1 result for" in response.content.decode()


def test_search_page_is_not_indexed_by_search_engines(client, network):
    body = client.get("/suche/", {"q": "Beratung"}).content.decode()
    assert '<meta name="robots" content="noindex' in body


def test_a_reader_searching_gets_no_cookie_and_writes_nothing(
    client, network, django_assert_max_num_queries
):
    make_page(network["de"], "Beratung", "Wir beraten.")
    from wagtail.contrib.search_promotions.models import Query

    response = client.get("/suche/", {"q": "Beratung"})
    assert response.cookies == {}
    assert not Query.objects.exists()


def test_member_search_finds_pages_of_a_member_on_a_custom_domain(host_client, network):
    club = make_member("csd-erz", name="CSD Erzgebirge e. V.", custom_domain="csd-erz.example")
    make_page(homes_of(club)["de"], "Parade in Annaberg", "Der CSD zieht durch die Stadt.")
    response = host_client("csd-erz.example").get("/suche/", {"q": "Parade"})
    assert result_titles(response) == ["Parade in Annaberg"]
