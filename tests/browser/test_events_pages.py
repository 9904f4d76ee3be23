"""Event pages, the events index, the month view and the network calendar in both languages:
accessible (axe, WCAG 2.1 AA), without foreign requests or cookies, usable by keyboard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from eventcalendar.recurrence import BERLIN
from microsites.provisioning import member_homes, umbrella_homes
from tests.events_factories import events_index_of, make_event
from tests.factories import make_member


def soon(days):
    moment = timezone.localtime(timezone.now(), BERLIN) + timedelta(days=days)
    return moment.replace(hour=18, minute=0, second=0, microsecond=0)


@pytest.fixture
def event_sites(live_network):
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    homes = member_homes(member)
    series = make_event(
        events_index_of(homes["de"]),
        title="Offener Treff",
        slug="offener-treff",
        start=soon(2),
        end=soon(2) + timedelta(hours=3),
        recurrence="monthly-weekday",
        content_notes="Es geht auch um Diskriminierung.",
        accessibility="Ebenerdiger Zugang.",
        registration="formular",
        network=True,
    )
    english = series.copy_for_translation(homes["en"].locale)
    english.title = "Open meet-up"
    english.slug = "open-meet-up"
    english.save_revision().publish()
    make_event(
        events_index_of(homes["de"]),
        title="Online-Austausch",
        start=soon(5),
        attendance="online",
        district=None,
        town="",
        online_url="https://meet.example.org/x",
    )
    make_event(
        events_index_of(umbrella_homes()["de"]), title="Fachtag", all_day=True, start=soon(9)
    )
    live_network.sync_ports()
    live_network.month = soon(2).strftime("%Y-%m")
    return live_network


PAGES = [
    ("queer-vogtland.localhost", "/veranstaltungen/", "de"),
    ("queer-vogtland.localhost", "/veranstaltungen/offener-treff/", "de"),
    ("queer-vogtland.localhost", "/veranstaltungen/?monat={month}", "de"),
    ("queer-vogtland.localhost", "/veranstaltungen/?ansicht=vergangen", "de"),
    ("queer-vogtland.localhost", "/en/events/", "en"),
    ("queer-vogtland.localhost", "/en/events/open-meet-up/", "en"),
    ("queer-vogtland.localhost", "/en/events/?monat={month}", "en"),
    ("localhost", "/veranstaltungen/", "de"),
    ("localhost", "/veranstaltungen/?monat={month}", "de"),
    ("localhost", "/en/events/", "en"),
]


def test_event_pages_are_accessible_and_make_no_foreign_requests(event_sites, reader_visit):
    for host, path, lang in PAGES:
        reader_visit(event_sites.url_for(host, path.format(month=event_sites.month)), host, lang)


def test_filter_form_works_by_keyboard_without_javascript(event_sites, browser):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.goto(event_sites.url_for("queer-vogtland.localhost", "/veranstaltungen/"))
    page.get_by_label("Kreis").select_option("online")
    page.get_by_label("Kreis").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Anzeigen"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "bezirk=online" in page.url
    titles = page.locator(".card__title").all_inner_texts()
    assert titles == ["Online-Austausch"]
    context.close()


def test_month_view_moves_to_the_next_month(event_sites, browser_page):
    browser_page.goto(
        event_sites.url_for(
            "queer-vogtland.localhost", f"/veranstaltungen/?monat={event_sites.month}"
        )
    )
    with browser_page.expect_navigation():
        browser_page.get_by_role("link", name="Nächster Monat").click()
    assert "monat=" in browser_page.url and event_sites.month not in browser_page.url
    assert browser_page.get_by_text("Offener Treff").count() >= 1
