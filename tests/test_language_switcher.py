"""Every page links its translation; a missing translation is announced, never a 404 link."""

import re

from .factories import make_news, news_index_of


def switcher(html):
    return html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]


def test_switcher_links_the_translation_and_marks_the_current_language(client, network):
    html = client.get("/aktuelles/").content.decode()
    nav = switcher(html)
    assert '<a href="/en/news/" hreflang="en" lang="en">English</a>' in nav
    assert 'aria-current="true">Deutsch<' in nav


def test_english_page_links_back_to_german(client, network):
    nav = switcher(client.get("/en/news/").content.decode())
    assert '<a href="/aktuelles/" hreflang="de" lang="de">Deutsch</a>' in nav
    assert 'aria-current="true">English<' in nav


def test_page_without_translation_says_so_in_the_target_language(client, network):
    article = make_news(news_index_of(network["de"]), 1, title="Nur auf Deutsch")[0]
    response = client.get(f"/aktuelles/{article.slug}/")
    nav = switcher(response.content.decode())
    assert "This page is not available in English." in nav
    assert '<a href="/en/" hreflang="en">To the home page</a>' in nav
    assert "/en/news/" + article.slug not in nav


def test_page_with_translation_links_it_and_declares_alternates(client, network):
    german = make_news(news_index_of(network["de"]), 1, title="Zweisprachig")[0]
    english = german.copy_for_translation(network["en"].locale, copy_parents=False)
    english.get_parent()  # translation lives under the English news index
    english.save_revision().publish()
    html = client.get(f"/aktuelles/{german.slug}/").content.decode()
    assert f'href="/en/news/{english.slug}/" hreflang="en"' in switcher(html)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates["de"] == f"http://localhost/aktuelles/{german.slug}/"
    assert alternates["en"] == f"http://localhost/en/news/{english.slug}/"
    assert alternates["x-default"] == alternates["de"]


def test_draft_translation_is_not_linked(client, network):
    german = make_news(news_index_of(network["de"]), 1, title="Entwurf übersetzt")[0]
    german.copy_for_translation(network["en"].locale)  # a draft, not live
    nav = switcher(client.get(f"/aktuelles/{german.slug}/").content.decode())
    assert "This page is not available in English." in nav


def test_html_lang_follows_the_language_on_every_site(host_client, member):
    client = host_client("queer-vogtland.localhost")
    assert '<html lang="de"' in client.get("/").content.decode()
    assert '<html lang="en"' in client.get("/en/").content.decode()


def test_views_outside_the_page_tree_switch_language_by_url(client, network):
    nav = switcher(client.get("/suche/?q=netz").content.decode())
    assert 'href="/en/search/?q=netz"' in nav
