"""The site search finds offers and contact points, scoped like the directory (the umbrella:
every active member's; a microsite: its own), in the reader's language, with the gender forms
the search understands; results show reader-facing text only."""

import re
from urllib.parse import parse_qs, urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from microsites.provisioning import set_member_active

from .test_directory import make_offer
from .test_materials import download, make_document, materials_page, publish

HOST = "queer-vogtland.localhost"


def offer_links(response):
    assert response.status_code == 200
    html = response.content.decode()
    if 'class="search-offers"' not in html:
        return {}
    section = html.split('class="search-offers"', 1)[1].split("</section>", 1)[0]
    return {
        re.sub(r"<[^>]+>", "", title): href.replace("&amp;", "&")
        for href, title in re.findall(
            r'<h3 class="search-result__title"><a href="([^"]+)">(.*?)</a></h3>', section
        )
    }


def test_umbrella_search_finds_counselling_offers_of_every_active_member(
    client, member, other_member
):
    own = make_offer(member, "Queere Beratung Plauen")
    other = make_offer(other_member, "Beratung in der Lausitz", ars="14625", town="Bautzen")
    make_offer(member, "Jugendtreff Plauen", kind="jugendgruppe")
    found = offer_links(client.get("/suche/", {"q": "Beratung"}))
    assert set(found) == {own.name, other.name}
    # Each result leads to its card in the directory.
    link = urlsplit(found[own.name])
    assert link.path == "/angebote/"
    assert link.fragment == f"angebot-{own.pk}"
    directory = client.get(f"{link.path}?{link.query}").content.decode()
    assert f'id="angebot-{own.pk}"' in directory
    assert parse_qs(link.query)["q"] == [own.name]

    set_member_active(other_member, False)
    assert set(offer_links(client.get("/suche/", {"q": "Beratung"}))) == {own.name}


def test_microsite_search_finds_only_the_members_own_offers(host_client, member, other_member):
    own = make_offer(member, "Queere Beratung Plauen")
    make_offer(other_member, "Beratung in der Lausitz", ars="14625", town="Bautzen")
    found = offer_links(host_client(HOST).get("/suche/", {"q": "Beratung"}))
    assert set(found) == {own.name}
    assert urlsplit(found[own.name]).path == "/angebote/"


def test_gender_forms_find_offers(client, member):
    offer = make_offer(
        member, "Peer-Unterstützung", description="Gespräche mit geschulten Berater*innen."
    )
    for query in ("Beraterin", "Berater", "Beraterinnen"):
        assert set(offer_links(client.get("/suche/", {"q": query}))) == {offer.name}, query


def test_english_search_shows_translations_and_untranslated_originals(client, member):
    english = Locale.objects.get(language_code="en")
    translated = make_offer(member, "Beratung für Regenbogenfamilien")
    translation = translated.copy_for_translation(english)
    translation.name = "Counselling for rainbow families"
    translation.description = "Beratung and support in English."
    translation.save()
    translation.save_revision().publish()
    untranslated = make_offer(member, "Beratung im Vogtland")
    found = offer_links(client.get("/en/search/", {"q": "Beratung"}))
    assert set(found) == {translation.name, untranslated.name}
    assert urlsplit(found[translation.name]).path == "/en/offers/"


def test_drafts_are_not_found(client, member):
    make_offer(member, "Beratung als Entwurf", publish=False)
    assert offer_links(client.get("/suche/", {"q": "Beratung"})) == {}


def test_search_with_offers_costs_a_fixed_number_of_queries(client, member, other_member):
    def measure():
        client.get("/suche/", {"q": "Beratung"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/suche/", {"q": "Beratung"})
        return len(queries), response

    make_offer(member, "Beratung 1")
    few, response = measure()
    assert len(offer_links(response)) == 1
    for number in range(2, 9):
        make_offer(other_member if number % 2 else member, f"Beratung {number}", ars="14625")
    many, response = measure()
    assert len(offer_links(response)) == 5
    assert "Alle passenden Angebote im Verzeichnis" in response.content.decode()
    assert few == many


def test_materials_snippet_shows_no_codes_and_no_other_language(host_client, member):
    page = materials_page(member)
    collection = member.collection
    publish(
        page,
        [
            download(
                make_document("Flyer", collection),
                title="Unser Beratungsflyer",
                description="Alles über unsere Beratung.",
            ),
            download(make_document("Paper", collection), category="position_paper"),
            download(
                make_document("Broschuere", collection),
                category="brochure",
                language="de-x-ls",
                title="Beratung in Leichter Sprache",
            ),
            download(
                make_document("Who", collection),
                language="en",
                title="Who we are",
                description="Unser Flyer auf Englisch, mit Beratung.",
            ),
        ],
    )
    html = host_client(HOST).get("/suche/", {"q": "Beratung"}).content.decode()
    snippets = " ".join(re.findall(r'<p class="search-result__snippet">(.*?)</p>', html, re.S))
    assert "Beratung" in snippets
    for code in ("flyer de", "position_paper", "brochure", "de-x-ls", "Who we are"):
        assert code not in snippets, code
