"""Umbrella and microsite home pages in both languages: accessible and self-contained."""

import pytest

from microsites.provisioning import member_homes
from tests.factories import make_member, make_news, news_index_of


@pytest.fixture
def demo_sites(live_network):
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    homes = member_homes(member)
    make_news(news_index_of(homes["de"]), 3)
    make_news(news_index_of(homes["en"]), 1)
    live_network.sync_ports()
    return live_network


# One browser session visits them all: the network is built once, not once per page.
PAGES = [
    ("localhost", "/", "de"),
    ("localhost", "/en/", "en"),
    ("queer-vogtland.localhost", "/", "de"),
    ("queer-vogtland.localhost", "/en/", "en"),
    ("queer-vogtland.localhost", "/aktuelles/", "de"),
    ("queer-vogtland.localhost", "/en/news/", "en"),
]


def test_home_pages_are_accessible_and_make_no_foreign_requests(demo_sites, reader_visit):
    for host, path, lang in PAGES:
        reader_visit(demo_sites.url_for(host, path), host, lang)


def test_skip_link_moves_focus_to_main_content(demo_sites, browser_page):
    browser_page.goto(demo_sites.url_for("localhost", "/"))
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Zum Inhalt springen"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"
