"""The search page in Chromium: accessible in both languages, works without JavaScript."""

import pytest

from microsites.provisioning import umbrella_homes
from tests.factories import homes_of, make_member
from tests.fixtures_search import make_page


@pytest.fixture
def search_sites(live_network):
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    homes = umbrella_homes()
    make_page(homes["de"], "Beratung", "Unsere Berater*innen sind für dich da.")
    make_page(homes["en"], "Counselling", "Our counsellors are there for you.")
    make_page(homes_of(member)["de"], "Beratung im Vogtland", "Beratung in Plauen.")
    live_network.sync_ports()
    return live_network


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/suche/?q=Beraterin&bereich=netzwerk", "de"),
        ("/en/search/?q=counselling", "en"),
        ("/suche/?q=%3F%3F%3F", "de"),
    ],
)
def test_search_page_is_accessible_and_self_contained(search_sites, browser_page, axe, path, lang):
    response = browser_page.goto(search_sites.url_for("localhost", path))
    assert response.status in (200, 400)
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.locator("html").get_attribute("lang") == lang
    assert axe(browser_page) == []
    assert browser_page.request_log.foreign("localhost") == []
    assert browser_page.context.cookies() == []


def test_network_search_works_by_keyboard_without_javascript(search_sites, browser):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(search_sites.url_for("localhost", "/suche/"))
        page.get_by_label("Suchbegriff").fill("Beratung")
        page.get_by_label("Im ganzen Netzwerk (alle Mitgliedsorganisationen)").check()
        page.get_by_label("Suchbegriff").press("Enter")
        page.wait_for_load_state()
        results = page.locator(".search-result__title").all_inner_texts()
        assert set(results) == {"Beratung", "Beratung im Vogtland"}
        assert page.get_by_text("von Queer im Vogtland e. V.").count() == 1
    finally:
        context.close()
