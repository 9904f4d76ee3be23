"""The demo network loads once, completely, and refuses to run in production: members, news,
events, offers, contact forms, legal pages and materials."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page

from accounts.policy import has_second_factor
from contact.models import ContactPage
from demo.content import MEMBERS
from demo.seeding import seed_demo
from directory.coverage import coverage
from directory.models import Offer
from eventcalendar.models import EventPage
from legal.models import AccessibilityStatementPage
from materials.models import MaterialsPage
from microsites.models import Member, SiteSettings
from news.models import NewsPage

from . import baseline
from .fixtures_accounts import DASHBOARD, VERIFY, new_client, sign_in, verify

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo network, seeded once for this module and rolled back afterwards."""
    with baseline.module_world(django_db_blocker):
        # What seeding would e-mail once committed: the callbacks run here, mail.outbox keeps it.
        mail.outbox = []
        with TestCase.captureOnCommitCallbacks(execute=True):
            context = seed_demo()
        context.sent_mail = list(mail.outbox)
        yield context


@pytest.fixture
def demo(seeded, db):
    return seeded


def test_demo_has_at_least_five_members_in_cities_and_rural_districts(demo):
    members = Member.objects.select_related("district")
    assert members.count() == len(MEMBERS) >= 5
    kinds = {member.district.kind for member in members}
    assert kinds == {"Landkreis", "Kreisfreie Stadt"}
    assert len({member.district_id for member in members}) == members.count()


def test_every_demo_site_answers_in_both_languages(demo, host_client):
    for member in Member.objects.all():
        client = host_client(member.hostname)
        assert client.get("/").status_code == 200
        assert client.get("/en/").status_code == 200
        assert client.get("/impressum/").status_code == 200, "legal pages are completed in the demo"


def test_demo_news_exist_in_german_with_some_english_translations(demo):
    german = NewsPage.objects.live().filter(locale__language_code="de").count()
    english = NewsPage.objects.live().filter(locale__language_code="en").count()
    assert german >= 2 * len(MEMBERS)
    assert 0 < english < german


def test_demo_colours_pass_the_contrast_check(demo):
    for site_settings in SiteSettings.objects.all():
        site_settings.full_clean()


def test_demo_accounts_exist_for_staff_and_every_member(demo):
    usernames = set(get_user_model().objects.values_list("username", flat=True))
    assert {"admin", "lag"} | {spec["slug"] for spec in MEMBERS} <= usernames


def test_seeding_twice_changes_nothing(demo):
    def counts():
        return (
            Page.objects.count(),
            NewsPage.objects.count(),
            EventPage.objects.count(),
            Offer.objects.count(),
            get_user_model().objects.count(),
        )

    before = counts()
    assert seed_demo().lines == [], "seeding again reports no change"
    assert counts() == before


def test_seed_demo_refuses_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "seed_demo"],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 60,
            "DATABASE_URL": "sqlite:///:memory:",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "refuses to run with production settings" in result.stderr


def test_seeding_emails_nobody(demo):
    assert [message.subject for message in demo.sent_mail] == []


# --- Offers ---


def test_demo_offers_cover_most_districts_and_leave_white_spots(demo):
    german = Offer.objects.filter(locale__language_code="de")
    assert german.count() >= 30
    assert not Offer.objects.filter(live=False).exists()
    assert Offer.objects.filter(locale__language_code="en", live=True).count() >= 3
    assert german.filter(remote_only=True).count() >= 3
    assert len(set(german.values_list("kind", flat=True))) >= 6
    report = coverage()
    assert 1 <= len(report.districts_without_offers()) <= 2
    assert any(districts for _label, districts in report.white_spots_by_kind())


def test_demo_directory_page_answers_in_both_languages(demo, client):
    body = client.get("/angebote/").content.decode()
    assert "Queere Beratung Dresden" in body
    english = client.get("/en/offers/").content.decode()
    assert "Queer counselling Dresden" in english
    assert "Queere Beratung Dresden" not in english


# --- Events ---


def test_demo_events_cover_series_all_day_online_and_the_network(demo, client):
    events = EventPage.objects.live()
    assert events.filter(locale__language_code="de").count() >= 2 + 4 * len(demo.members)
    assert events.filter(recurrence="monthly-weekday").exists()
    assert events.filter(recurrence="weekly").exists()
    assert events.filter(all_day=True).exists()
    assert events.filter(attendance="online").exists()
    assert events.filter(locale__language_code="en").exists()
    assert events.exclude(cancelled_dates="").exists()
    calendar = client.get("/veranstaltungen/").content.decode()
    assert "Aus dem Netzwerk" in calendar
    assert "Netzwerktreffen der Mitglieder" in calendar
    english = client.get("/en/events/").content.decode()
    assert "Open meet-up in" in english


def test_demo_event_pages_answer(demo, host_client):
    for event in EventPage.objects.live().select_related("locale")[:30]:
        response = host_client(event.get_site().hostname).get(event.get_url())
        assert response.status_code == 200, event.get_url()


# --- Contact forms, legal pages, materials ---


def test_demo_sites_have_live_contact_forms_legal_pages_and_materials(demo, host_client):
    umbrella = host_client("localhost")
    html = umbrella.get("/materialien/").content.decode()
    assert "Positionspapier: Queere Bildungsarbeit an Schulen" in html
    assert 'hreflang="de-x-ls"' in html
    pdf = MaterialsPage.objects.live().filter(locale__language_code="de").first()
    document = pdf.downloads[0].value["document"]
    response = umbrella.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-1.4")
    assert umbrella.get("/en/materials/").status_code == 200

    assert not ContactPage.objects.filter(live=False).exists()
    assert not ContactPage.objects.filter(to_address="").exists()
    first = Member.objects.order_by("pk").first()
    client = host_client(first.hostname)
    assert "Sie können uns anonym schreiben" in client.get("/kontakt/").content.decode()
    statement = client.get("/barrierefreiheit/").content.decode()
    assert "Schlichtungsstelle" in statement
    assert not AccessibilityStatementPage.objects.filter(live=False).exists()


def test_demo_staff_sign_in_with_the_printed_second_factor_code(demo, settings):
    settings.ACCOUNTS_SECOND_FACTOR_REQUIRED = True
    users = get_user_model().objects
    for username in ["admin", "lag", "rosa-lausitz-freigabe"]:
        assert has_second_factor(users.get(username=username)), username
    assert not has_second_factor(users.get(username="queer-vogtland"))

    listing = StringIO()
    call_command("demo_accounts", stdout=listing)
    assert "NETZWERKDEMOSACHSENQUEERLAGDEMOA" in listing.getvalue()
    code = StringIO()
    call_command("demo_accounts", "--code", stdout=code)

    client = new_client()
    assert sign_in(client, "lag", "netzwerk-demo").status_code == 302
    assert client.get(DASHBOARD)["Location"].startswith(VERIFY)
    assert verify(client, code.getvalue().strip()).status_code == 302
    assert client.get(DASHBOARD).status_code == 200
