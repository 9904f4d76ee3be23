"""Every public page type of the demo network, in German and English: valid HTML (the Nu Html
Checker, one run for all pages), no axe-core WCAG 2.1 A/AA violation, headings without gaps,
and a layout that holds at 390 and 1280 px in Chromium.

The demo is seeded once for the module and rolled back afterwards. Pages are rendered with
Django's test client; Chromium loads them from that rendering (``page.route``), with their
stylesheets, scripts and images, so no live server and no second seeding are needed.

Set ``MARKUP_SCREENSHOTS=<folder>`` to keep a full-page screenshot of every page at both widths.
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from wagtail.models import Locale, Site

from contact.models import ContactPage
from demo.seeding import seed_demo
from directory.models import DirectoryPage, MemberDirectoryPage
from eventcalendar.models import EventIndexPage, EventPage
from home.models import StandardPage
from legal.models import AccessibilityStatementPage, ImprintPage, PrivacyPage
from materials.models import MaterialsPage
from microsites.models import Member
from microsites.provisioning import set_member_active
from news.models import NewsIndexPage, NewsPage
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

BASE_DIR = Path(settings.BASE_DIR)
VNU_JAR = Path(os.environ.get("VNU_JAR", BASE_DIR / "node_modules/vnu-jar/build/dist/vnu.jar"))
ORIGIN = "http://{host}"
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
UMBRELLA = "localhost"


@dataclass
class Rendered:
    """One page as the reader gets it: where, which page type, status and HTML."""

    label: str
    host: str
    path: str
    lang: str
    status: int
    html: str
    error_state: bool = False

    @property
    def url(self):
        return f"http://{self.host}{self.path}"


@dataclass
class Network:
    pages: list = field(default_factory=list)
    # url -> (status, content type, body) of every stylesheet, script and image the pages use.
    assets: dict = field(default_factory=dict)


def _host_of(page):
    site_id, root_url, _path = page.get_url_parts()
    return urlsplit(root_url).hostname


def _path_of(page):
    return page.get_url_parts()[2]


def _translations(page):
    """The German page and its English translation."""
    return {
        code: page.get_translation(Locale.objects.get(language_code=code)) for code in ("de", "en")
    }


def _translated(queryset):
    """The first German page of ``queryset`` that has a live English translation."""
    english = Locale.objects.get(language_code="en")
    for page in queryset:
        translation = page.get_translation_or_none(english)
        if translation is not None and translation.live:
            return page
    raise AssertionError(f"No page of {queryset.model.__name__} has an English translation.")


ASSET_PATTERN = re.compile(r'(?:href|src)="(/[^"#]*)"|srcset="([^"]+)"')


def _asset_urls(html):
    urls = set()
    for single, srcset in ASSET_PATTERN.findall(html):
        if single and (single.startswith(("/static/", "/media/", "/brand.css"))):
            urls.add(single.replace("&amp;", "&"))
        for candidate in srcset.split(","):
            path = candidate.strip().split(" ")[0]
            if path.startswith("/"):
                urls.add(path)
    return urls


def _fetch_asset(client, path):
    if path.startswith(settings.MEDIA_URL):
        # Media files are served by the web server in production, not by Django.
        file = Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]
        if not file.exists():
            return 404, "text/plain", b""
        kind = {".jpg": "image/jpeg", ".webp": "image/webp", ".png": "image/png"}.get(
            file.suffix, "application/octet-stream"
        )
        return 200, kind, file.read_bytes()
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, response.get("Content-Type", ""), body


def _render_network():
    network = Network()
    clients = {}

    def client_for(host):
        if host not in clients:
            clients[host] = Client(HTTP_HOST=host)
        return clients[host]

    def add(label, host, path, lang, *, post=None, expect=200):
        client = client_for(host)
        if post is None:
            response = client.get(path)
        else:
            response = client.post(path, post, HTTP_ORIGIN=ORIGIN.format(host=host))
        html = response.content.decode()
        network.pages.append(
            Rendered(label, host, path, lang, response.status_code, html, post is not None)
        )
        assert response.status_code == expect, f"{label} {host}{path}: {response.status_code}"
        for asset in _asset_urls(html):
            key = f"http://{host}{asset}"
            if key not in network.assets:
                network.assets[key] = _fetch_asset(client, asset)

    def add_page(label, page, query="", **kwargs):
        for lang, translated in _translations(page).items():
            add(label, _host_of(translated), _path_of(translated) + query, lang, **kwargs)

    umbrella_site = Site.objects.get(is_default_site=True)
    member = Member.objects.select_related("site").order_by("slug").first()
    member_site = member.site

    def below(model, site):
        return model.objects.live().filter(locale__language_code="de").descendant_of(site.root_page)

    add_page("umbrella home", umbrella_site.root_page.specific)
    add_page("member home", member_site.root_page.specific)
    add_page("standard page", below(StandardPage, umbrella_site).first())
    add_page("news index", below(NewsIndexPage, umbrella_site).first())
    add_page("news article", _translated(below(NewsPage, member_site).exclude(lead_image=None)))
    add_page("event index", below(EventIndexPage, umbrella_site).first())
    event = _translated(below(EventPage, member_site).order_by("start"))
    add_page(
        "event index, month",
        below(EventIndexPage, umbrella_site).first(),
        "?monat=" + date(event.start.year, event.start.month, 1).strftime("%Y-%m"),
    )
    add_page("event page", event)
    directory = below(DirectoryPage, umbrella_site).first()
    add_page("directory", directory)
    add_page("directory, filtered", directory, f"?bezirk={member.district_id}&art=beratung")
    add_page("directory, bad filter", directory, "?q=a%00b")
    add_page("member directory", below(MemberDirectoryPage, umbrella_site).first())
    add_page("materials", below(MaterialsPage, umbrella_site).first())
    contact = below(ContactPage, umbrella_site).first()
    add_page("contact form", contact)
    add_page("contact form, errors", contact, post={}, expect=200)
    add_page("member contact form, errors", below(ContactPage, member_site).first(), post={})
    add_page("Impressum", below(ImprintPage, member_site).first())
    add_page("Datenschutz", below(PrivacyPage, member_site).first())
    add_page("Barrierefreiheit", below(AccessibilityStatementPage, member_site).first())
    add("search, results", UMBRELLA, "/suche/?q=Beratung", "de")
    add("search, results", UMBRELLA, "/en/search/?q=counselling", "en")
    add("search, none", UMBRELLA, "/suche/?q=Zyxwvu", "de")
    add("search, none", UMBRELLA, "/en/search/?q=Zyxwvu", "en")
    add("search, error", UMBRELLA, "/suche/?q=" + "x" * 250, "de", expect=400)
    add("event index, bad filter", UMBRELLA, "/veranstaltungen/?monat=kaputt", "de", expect=400)
    add("404", UMBRELLA, "/gibt-es-nicht/", "de", expect=404)
    add("404", UMBRELLA, "/en/does-not-exist/", "en", expect=404)
    add("404 member", member_site.hostname, "/gibt-es-nicht/", "de", expect=404)
    add("400 unknown host", "unknown.localhost", "/", "de", expect=400)
    gone = Member.objects.exclude(pk=member.pk).order_by("slug").first()
    set_member_active(gone, False)
    cache.clear()
    add("410 deactivated member", gone.site.hostname, "/", "de", expect=410)
    add("410 deactivated member", gone.site.hostname, "/en/", "de", expect=410)
    return network


@pytest.fixture(scope="module")
def rendered_network(django_db_setup, django_db_blocker):
    """Every page type rendered once from the seeded demo, then the seeding is rolled back."""
    with django_db_blocker.unblock():
        # pytest-django creates the test database only if a collected test asks for ``db``;
        # without it the seeding would go into the development database.
        if connection.settings_dict["NAME"] != connection.creation._get_test_db_name():
            pytest.fail("Run this module whole: its database tests create the test database.")
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        seed_demo()
        cache.clear()
        yield _render_network()
        transaction.set_rollback(True)
    cache.clear()


@pytest.fixture
def network(rendered_network, db):
    # ``db`` marks the tests without a browser as database tests, so that pytest-django creates
    # the test database before the module fixture runs. The browser tests use the rendering
    # alone: Playwright's greenlets would give ``db``'s teardown a second connection, which
    # SQLite locks out while the module's transaction is open.
    return rendered_network


def test_every_page_type_is_covered_in_both_languages(network):
    labels = {}
    for rendered in network.pages:
        labels.setdefault(rendered.label, set()).add(rendered.lang)
    bilingual = [label for label in labels if not label.startswith(("4", "search, error"))]
    bilingual = [label for label in bilingual if "bad filter" not in label]
    assert all(labels[label] == {"de", "en"} for label in bilingual), labels
    assert len(network.pages) >= 50


def test_nu_html_checker_finds_no_error_on_any_page(network, tmp_path):
    java = shutil.which("java")
    if not java:
        pytest.fail("Java is missing: the Nu Html Checker needs it (Debian package default-jre).")
    if not VNU_JAR.exists():
        pytest.fail(f"The Nu Html Checker is missing at {VNU_JAR}: run `make checkers`.")
    files = {}
    for number, rendered in enumerate(network.pages):
        file = tmp_path / f"page-{number:03d}.html"
        file.write_text(rendered.html, encoding="utf-8")
        files[file.name] = rendered
    # One Java start for all pages: starting it per page costs seconds each.
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, sorted(tmp_path.glob("*.html"))),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        report = json.loads(result.stderr)
    except ValueError:
        pytest.fail(
            f"The Nu Html Checker gave no report (exit {result.returncode}): {result.stderr[:500]}"
        )
    errors = []
    for message in report["messages"]:
        rendered = files.get(Path(urlsplit(message.get("url", "")).path).name)
        where = f"{rendered.label} ({rendered.lang}) {rendered.url}" if rendered else message
        errors.append(
            f"{where} line {message.get('lastLine')}: {message['message']} "
            f"[{message.get('extract', '').strip()[:120]}]"
        )
    assert errors == [], "\n".join(errors)


def test_the_deactivated_members_page_leads_to_the_network(network):
    gone = [r for r in network.pages if r.status == 410]
    assert gone and all('href="http://localhost/' in r.html for r in gone)


FOCUSABLE = "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex='0']"

LAYOUT_FACTS = """([focusable]) => {
    const rect = (el) => el ? el.getBoundingClientRect() : null;
    const exit = document.querySelector('.quick-exit');
    const nav = document.querySelector('.site-nav__link');
    const crumb = document.querySelector('.breadcrumbs__list li');
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const covered = [];
    if (exit) {
        for (const el of document.querySelectorAll(focusable)) {
            if (exit.contains(el) || el.closest('.skip-link, .contact-trap')) continue;
            if (el.getClientRects().length === 0) continue;
            el.focus();
            const box = rect(el), exitBox = rect(exit);
            if (box.width && overlaps(box, exitBox)) covered.push(el.outerHTML.slice(0, 80));
        }
        document.activeElement.blur();
        window.scrollTo(0, 0);
    }
    const wide = [...document.querySelectorAll('body *')].filter(
        (el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
            && !el.closest('.skip-link, .contact-trap, .visually-hidden')
    ).map((el) => el.tagName + '.' + el.className).slice(0, 5);
    return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        navLeft: nav ? rect(nav).left : null,
        crumbLeft: crumb ? rect(crumb).left : null,
        covered: covered,
        wide: wide,
    };
}"""

HEADINGS = """() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
    .filter((h) => !h.closest('[hidden]'))
    .map((h) => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)])"""


@pytest.fixture(scope="module")
def chromium():
    """Chromium for this module alone: the shared ``browser`` fixture restores serialized data
    for live-server tests, which these tests (no live server) do not need."""
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
def network_browser(chromium, rendered_network):
    """A Chromium context that gets every page and asset from the rendered network and records
    anything it had to ask for that was not rendered (a broken or foreign reference)."""
    context = chromium.new_context(locale="de-DE")
    missing = []
    documents = {}

    def handle(route):
        url = route.request.url.split("#")[0]
        if url in documents:
            status, html = documents[url]
            return route.fulfill(status=status, content_type="text/html; charset=utf-8", body=html)
        if url in rendered_network.assets:
            status, kind, body = rendered_network.assets[url]
            if status != 200:
                missing.append(f"{url}: {status}")
            return route.fulfill(status=status, content_type=kind, body=body)
        missing.append(url)
        return route.fulfill(status=404, body="")

    context.route("**/*", handle)

    def open_page(page, rendered):
        url = rendered.url
        documents[url] = (rendered.status, rendered.html)
        page.goto(url)
        page.wait_for_load_state("load")
        return page

    context.open_page = open_page
    context.missing = missing
    yield context
    context.close()


def test_no_page_has_axe_violations_or_heading_gaps(rendered_network, network_browser, axe):
    page = network_browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    problems = []
    for rendered in rendered_network.pages:
        network_browser.open_page(page, rendered)
        where = f"{rendered.label} ({rendered.lang}) {rendered.url}"
        violations = axe(page)
        if violations:
            problems.append(f"{where}: axe {violations}")
        if page.locator("html").get_attribute("lang") != rendered.lang:
            problems.append(f"{where}: html lang is not {rendered.lang}")
        levels = page.evaluate(HEADINGS)
        if not levels or levels[0][0] != 1:
            problems.append(f"{where}: the first heading is not h1: {levels[:1]}")
        for (before, _), (level, text) in zip(levels, levels[1:], strict=False):
            if level > before + 1:
                problems.append(f"{where}: h{before} -> h{level} ({text})")
    assert network_browser.missing == []
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("width", ["phone", "desktop"])
def test_nothing_is_wider_than_the_screen_or_touches_its_edge_or_hides_under_quick_exit(
    rendered_network, network_browser, width
):
    page = network_browser.new_page()
    w, h = WIDTHS[width]
    page.set_viewport_size({"width": w, "height": h})
    shots = os.environ.get("MARKUP_SCREENSHOTS")
    problems = []
    for number, rendered in enumerate(rendered_network.pages):
        network_browser.open_page(page, rendered)
        where = f"{rendered.label} ({rendered.lang}) {rendered.url}"
        if shots:
            name = re.sub(r"[^a-z0-9]+", "-", f"{number:02d} {rendered.label} {rendered.lang}")
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{shots}/{name}-{w}.png", full_page=True)
        facts = page.evaluate(LAYOUT_FACTS, [FOCUSABLE])
        if facts["scrollWidth"] > facts["innerWidth"]:
            problems.append(f"{where}: {facts['scrollWidth']} px wide: {facts['wide']}")
        for name in ("navLeft", "crumbLeft"):
            if facts[name] is not None and facts[name] < 8:
                problems.append(f"{where}: {name} at {facts[name]} px from the edge")
        if facts["covered"]:
            problems.append(f"{where}: the quick exit covers {facts['covered'][:3]}")
    assert problems == [], "\n".join(problems)


def test_error_summary_takes_the_focus_and_the_title_says_error(rendered_network, network_browser):
    page = network_browser.new_page()
    with_errors = [r for r in rendered_network.pages if r.error_state or "bad filter" in r.label]
    with_errors += [r for r in rendered_network.pages if r.label == "search, error"]
    assert len(with_errors) >= 6
    for rendered in with_errors:
        network_browser.open_page(page, rendered)
        where = f"{rendered.label} ({rendered.lang}) {rendered.url}"
        assert page.title().startswith(("Fehler: ", "Error: ")), where
        assert page.evaluate("document.activeElement.className") == "error-summary", where
        for link in page.locator(".error-summary a").all():
            target = link.get_attribute("href")[1:]
            assert page.locator(f"[id='{target}']").count() == 1, f"{where}: #{target}"
        described = page.evaluate(
            "[...document.querySelectorAll('[aria-describedby]')]"
            ".flatMap((el) => el.getAttribute('aria-describedby').split(' '))"
        )
        for target in described:
            assert page.locator(f"[id='{target}']").count() == 1, f"{where}: {target}"


def test_contact_error_summary_links_focus_their_field(rendered_network, network_browser):
    page = network_browser.new_page()
    rendered = next(r for r in rendered_network.pages if r.label == "contact form, errors")
    network_browser.open_page(page, rendered)
    link = page.locator(".error-summary a").first
    target = link.get_attribute("href")[1:]
    link.click()
    assert page.evaluate("document.activeElement.id") == target
