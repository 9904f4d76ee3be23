"""Browser tests: the system Chromium driven by Playwright against a live server.

Chromium resolves every ``*.localhost`` name to the loopback address, so member microsites are
reachable as ``http://<slug>.localhost:<port>/`` exactly as in development."""

import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from wagtail.models import Site

from tests import baseline

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; the ORM calls made by the tests
# themselves are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def serialized_db(_baseline_session):
    """The database content the migrations created, captured before Playwright starts.

    Playwright's sync API switches greenlets, which gives the test code a fresh Django
    connection object without the serialized state Django uses to restore data after a
    transactional test; ``baseline.restore_migrated_data`` puts it back from this copy."""
    return baseline.remember_migrated_data()


@pytest.fixture(scope="session")
def browser(serialized_db, django_db_blocker):
    # Layers built on the connection object of the main greenlet could not be rolled back
    # from Playwright's: empty the stack before Playwright starts.
    baseline.reset(django_db_blocker)
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install the Debian package 'chromium'.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def live_network(live_server, django_db_serialized_rollback, transactional_db, serialized_db):
    """Provisioned network whose sites answer on the live server's port."""
    from microsites.provisioning import provision_network

    baseline.restore_migrated_data(serialized_db)
    provision_network()
    port = urlsplit(live_server.url).port

    def sync_ports():
        Site.objects.update(port=port)
        cache.clear()

    sync_ports()
    live_server.sync_ports = sync_ports
    live_server.port = port
    live_server.url_for = lambda host, path="/": f"http://{host}:{port}{path}"
    return live_server


class RequestLog:
    """Every request a page makes, to prove that none leaves the site's own origin."""

    def __init__(self):
        self.urls = []

    def record(self, request):
        self.urls.append(request.url)

    def foreign(self, origin_host):
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and urlsplit(url).hostname != origin_host
        ]


@pytest.fixture
def browser_page(browser):
    """A fresh browser context and page, with a log of every request made."""
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.request_log = RequestLog()
    page.on("request", page.request_log.record)
    yield page
    context.close()


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        violations = results.response["violations"]
        summary = [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in violations
        ]
        return summary

    return check


@pytest.fixture
def reader_visit(browser_page, axe):
    """Open ``url`` as a reader and check what every public page must hold: it answers 200 in
    ``lang``, loads nothing from another origin, sets no cookie and has no WCAG 2.1 A/AA
    violation."""

    def visit(url, host, lang):
        browser_page.request_log.urls.clear()
        response = browser_page.goto(url)
        assert response.status == 200, url
        browser_page.wait_for_load_state("networkidle")
        assert browser_page.locator("html").get_attribute("lang") == lang, url
        assert browser_page.request_log.foreign(host) == [], url
        assert axe(browser_page) == [], url
        assert browser_page.context.cookies() == [], url
        return response

    return visit


def reader_without_http_cache(browser):
    """A reader's page that asks the server every time. Reader pages may be kept by browsers for
    ``CACHE_BROWSER_MAX_AGE`` seconds; a story that checks the moment a change goes live must
    not see the copy from a minute ago."""
    page = browser.new_context(locale="de-DE").new_page()
    # Playwright turns the HTTP cache off for a page whose requests it routes.
    page.route("**/*", lambda route: route.continue_())
    return page
