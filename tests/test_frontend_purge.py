"""The Varnish in front (deploy/varnish/default.vcl) is purged by Wagtail on every change a
reader would see: each test fetches pages through a real Varnish in front of the live server
until they are served from the cache, changes something as the admin does (through the model
API the admin views call), and fetches again: the cached HTML must show the change.

varnishd is required (Debian package ``varnish``; ``.ci/run`` installs it): without it these
tests fail, they are not skipped."""

import re
import urllib.error
import urllib.request
from datetime import date

import pytest
from wagtail.models import Locale

from editorial.syndication import restore, withdraw
from home.models import StandardPage
from microsites.models import SiteSettings
from news.models import NewsPage
from serving.varnish import APT_PACKAGES, Varnish, find_varnishd

from .events_factories import events_index_of, make_event
from .factories import homes_of, news_index_of
from .test_directory import make_offer

UMBRELLA = "localhost"
MEMBER = "queer-vogtland.localhost"
VARNISH_PORT = 8697

# The live server needs committed data; the rows the migrations create (the page tree's root,
# the locales) are restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def varnish(live_server, settings):
    if find_varnishd() is None:
        pytest.fail(
            f"varnishd is not installed: these tests need a real Varnish "
            f"(apt-get install -y {APT_PACKAGES})."
        )
    port = live_server.url.rsplit(":", 1)[1]
    cache = Varnish(("127.0.0.1", VARNISH_PORT), ("127.0.0.1", int(port)), memory="32m")
    cache.start()
    # The application's fragment cache is on, as in production: it must be forgotten too.
    settings.FRAGMENT_CACHE = True
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "serving.frontend_cache.VarnishBackend", "LOCATION": cache.url}
    }
    yield cache
    cache.stop()


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def fetch(cache, host, path):
    """(status, X-Cache, body) of a GET through the cache; redirects are not followed (the
    body of a redirect is its Location)."""
    request = urllib.request.Request(cache.url + path, headers={"Host": host})
    try:
        with _opener.open(request, timeout=30) as response:
            return response.status, response.headers.get("X-Cache"), response.read().decode()
    except urllib.error.HTTPError as error:
        if 300 <= error.code < 400:
            return error.code, error.headers.get("X-Cache"), error.headers["Location"]
        return error.code, error.headers.get("X-Cache"), error.read().decode()


def cached(cache, host, path):
    """Fetch until the page comes from the cache; returns its body."""
    fetch(cache, host, path)
    status, hit, body = fetch(cache, host, path)
    assert (status, hit) == (200, "HIT"), (host, path, status, hit)
    return body


def add_news(index, title, *, network=False, publish=True):
    page = NewsPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        teaser="Anreißer",
        date=date(2026, 12, 1),
        locale=index.locale,
        show_in_network=network,
        live=False,
    )
    index.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


@pytest.fixture
def member_news(member):
    return news_index_of(homes_of(member)["de"])


def test_publishing_shows_the_item_in_the_member_list_and_the_network(varnish, member, member_news):
    assert "Sommerfest" not in cached(varnish, MEMBER, "/aktuelles/")
    assert "Sommerfest" not in cached(varnish, UMBRELLA, "/aktuelles/")
    assert "Sommerfest" not in cached(varnish, UMBRELLA, "/")

    add_news(member_news, "Sommerfest", network=True)

    assert "Sommerfest" in fetch(varnish, MEMBER, "/aktuelles/")[2]
    assert "Sommerfest" in fetch(varnish, UMBRELLA, "/aktuelles/")[2]
    assert "Sommerfest" in fetch(varnish, UMBRELLA, "/")[2]


def test_a_new_revision_replaces_the_cached_page(varnish, member, member_news):
    page = add_news(member_news, "Alter Titel")
    assert "Alter Titel" in cached(varnish, MEMBER, "/aktuelles/alter-titel/")
    page.title = "Neuer Titel"
    page.save_revision().publish()
    body = fetch(varnish, MEMBER, "/aktuelles/alter-titel/")[2]
    assert "Neuer Titel" in body and "Alter Titel" not in body


def test_unpublishing_and_deleting_remove_the_item(varnish, member, member_news):
    first = add_news(member_news, "Erste Meldung", network=True)
    second = add_news(member_news, "Zweite Meldung", network=True)
    assert "Erste Meldung" in cached(varnish, UMBRELLA, "/aktuelles/")
    assert "Erste Meldung" in cached(varnish, MEMBER, "/aktuelles/")
    cached(varnish, MEMBER, "/aktuelles/erste-meldung/")

    first.unpublish()
    assert "Erste Meldung" not in fetch(varnish, UMBRELLA, "/aktuelles/")[2]
    assert "Erste Meldung" not in fetch(varnish, MEMBER, "/aktuelles/")[2]
    assert fetch(varnish, MEMBER, "/aktuelles/erste-meldung/")[0] == 404

    assert "Zweite Meldung" in cached(varnish, UMBRELLA, "/aktuelles/")
    cached(varnish, MEMBER, "/aktuelles/zweite-meldung/")
    second.delete()
    assert "Zweite Meldung" not in fetch(varnish, UMBRELLA, "/aktuelles/")[2]
    assert fetch(varnish, MEMBER, "/aktuelles/zweite-meldung/")[0] == 404


def test_moving_a_page_changes_its_address_and_the_menu(varnish, member):
    home = homes_of(member)["de"]
    parent = home.add_child(instance=StandardPage(title="Über uns", slug="ueber", live=True))
    parent.save_revision().publish()
    page = home.add_child(
        instance=StandardPage(title="Team Seite", slug="team", show_in_menus=True, live=True)
    )
    page.save_revision().publish()
    assert 'href="/team/"' in cached(varnish, MEMBER, "/")
    cached(varnish, MEMBER, "/team/")

    page.move(parent, pos="last-child")

    assert 'href="/team/"' not in fetch(varnish, MEMBER, "/")[2]
    # Wagtail leaves a redirect at the old address.
    status, _hit, location = fetch(varnish, MEMBER, "/team/")
    assert status == 301 and location.endswith("/ueber/team/")
    assert "Team Seite" in fetch(varnish, MEMBER, "/ueber/team/")[2]


def test_a_new_menu_page_appears_on_every_page_of_the_site(varnish, member):
    home = homes_of(member)["de"]
    assert "Beratungsstelle" not in cached(varnish, MEMBER, "/aktuelles/")
    page = home.add_child(
        instance=StandardPage(title="Beratungsstelle", slug="beratungsstelle", show_in_menus=True)
    )
    page.save_revision().publish()
    assert "Beratungsstelle" in fetch(varnish, MEMBER, "/aktuelles/")[2]


def test_a_new_translation_is_linked_from_the_original(varnish, member, member_news):
    page = add_news(member_news, "Nur deutsch")
    english_link = re.compile(r'hreflang="en" href="[^"]*/en/[^"]+/nur-deutsch/"')
    assert not english_link.search(cached(varnish, MEMBER, "/aktuelles/nur-deutsch/"))
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "English too"
    english.save_revision().publish()
    assert english_link.search(fetch(varnish, MEMBER, "/aktuelles/nur-deutsch/")[2])


def test_the_lag_withdrawing_and_restoring_an_item(varnish, member, member_news, lag_staff):
    page = add_news(member_news, "Umstrittene Meldung", network=True)
    assert "Umstrittene Meldung" in cached(varnish, UMBRELLA, "/aktuelles/")
    withdraw(page, lag_staff, reason="Prüfung")
    assert "Umstrittene Meldung" not in fetch(varnish, UMBRELLA, "/aktuelles/")[2]
    assert "Umstrittene Meldung" not in cached(varnish, UMBRELLA, "/aktuelles/")
    restore(page, lag_staff)
    assert "Umstrittene Meldung" in fetch(varnish, UMBRELLA, "/aktuelles/")[2]


def test_site_settings_and_branding(varnish, member):
    body = cached(varnish, MEMBER, "/aktuelles/")
    settings = SiteSettings.objects.get(site=member.site)
    old_version = str(settings.brand_version)
    assert f"?v={old_version}" in body
    settings.site_name = "Vogtland Queer Neu"
    settings.primary_colour = "#1d4ed8" if settings.primary_colour != "#1d4ed8" else "#7c2d12"
    settings.save()
    body = fetch(varnish, MEMBER, "/aktuelles/")[2]
    assert "Vogtland Queer Neu" in body
    assert f"?v={old_version}" not in body


def test_an_offer_appears_in_the_network_directory(varnish, member):
    assert "Queere Jugendgruppe Plauen" not in cached(varnish, UMBRELLA, "/angebote/")
    make_offer(member, "Queere Jugendgruppe Plauen")
    assert "Queere Jugendgruppe Plauen" in fetch(varnish, UMBRELLA, "/angebote/")[2]


def test_an_event_appears_in_the_network_calendar_and_on_the_umbrella_home(varnish, member):
    assert "Lesenacht im Vogtland" not in cached(varnish, UMBRELLA, "/veranstaltungen/")
    assert "Lesenacht im Vogtland" not in cached(varnish, UMBRELLA, "/")
    make_event(events_index_of(homes_of(member)["de"]), title="Lesenacht im Vogtland", network=True)
    assert "Lesenacht im Vogtland" in fetch(varnish, UMBRELLA, "/veranstaltungen/")[2]
    assert "Lesenacht im Vogtland" in fetch(varnish, UMBRELLA, "/")[2]


def test_signed_in_staff_and_posts_pass_the_cache(varnish, member):
    cached(varnish, MEMBER, "/aktuelles/")
    request = urllib.request.Request(
        varnish.url + "/aktuelles/", headers={"Host": MEMBER, "Cookie": "sessionid=abc"}
    )
    for _ in range(2):
        with urllib.request.urlopen(request, timeout=30) as response:
            assert response.headers["X-Cache"] == "MISS"
