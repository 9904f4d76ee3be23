"""The directory of offers and the member directory in a real browser: accessible in both
languages, self-contained, keyboard-operable, and usable without JavaScript."""

import pytest
from wagtail.models import Locale

from tests.factories import make_member
from tests.test_directory import BAUTZEN, make_offer


@pytest.fixture
def directory_sites(live_network):
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    other = make_member(
        "rosa-lausitz", name="Rosa Lausitz e. V.", short_name="Rosa Lausitz", district=BAUTZEN
    )
    offer = make_offer(member, "Beratung Plauen", step_free=True, languages=["de", "cs"])
    english = offer.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Counselling Plauen"
    english.save()
    english.save_revision().publish()
    make_offer(member, "Jugendgruppe Plauen", kind="jugendgruppe", target_groups=["jugend"])
    make_offer(other, "Telefonberatung", ars=BAUTZEN, town="Bautzen", remote_only=True)
    live_network.sync_ports()
    return live_network


PAGES = [
    ("localhost", "/angebote/", "de"),
    ("localhost", "/en/offers/", "en"),
    ("localhost", "/angebote/?bezirk=14625&art=beratung", "de"),
    ("localhost", "/en/offers/?q=" + "x" * 120, "en"),
    ("queer-vogtland.localhost", "/angebote/", "de"),
    ("localhost", "/mitglieder/", "de"),
    ("localhost", "/en/members/", "en"),
]


def test_directory_pages_are_accessible_and_make_no_foreign_requests(directory_sites, reader_visit):
    for host, path, lang in PAGES:
        reader_visit(directory_sites.url_for(host, path), host, lang)


def tab_to(page, is_target, limit=120):
    """Press Tab until ``is_target(attributes of the focused element)`` holds; fail otherwise."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " return {id: e.id, tag: e.tagName.toLowerCase(), type: e.type || '',"
            " label: e.getAttribute('aria-label') || '', text: e.textContent.trim()}; }"
        )
        if is_target(focused):
            return focused
    raise AssertionError("not reachable with the Tab key")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_rural_district_is_chosen_with_the_keyboard_alone(directory_sites, browser, javascript):
    """Bautzen chosen twice without a mouse: in the filter form and on the map."""
    context = browser.new_context(java_script_enabled=javascript, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(directory_sites.url_for("localhost", "/angebote/"))
        tab_to(page, lambda e: e["id"] == "id_bezirk")
        page.keyboard.type("Bautzen")
        tab_to(page, lambda e: e["tag"] == "button" and e["type"] == "submit")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "bezirk=14625" in page.url
        assert page.locator(".offer__title").all_inner_texts() == ["Telefonberatung"]

        page.goto(directory_sites.url_for("localhost", "/angebote/"))
        tab_to(page, lambda e: e["tag"] == "a" and e["label"].startswith("Bautzen"))
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert "bezirk=14625" in page.url
        assert page.locator(".offer__title").all_inner_texts() == ["Telefonberatung"]
    finally:
        context.close()
