"""The demo network loads once, completely, and refuses to run in production."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page

from demo.content import MEMBERS
from demo.seeding import seed_demo
from microsites.models import Member, SiteSettings
from news.models import NewsPage

BASE_DIR = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The demo network, seeded once for this module and rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


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
    counts = (Page.objects.count(), NewsPage.objects.count(), get_user_model().objects.count())
    seed_demo()
    assert (
        Page.objects.count(),
        NewsPage.objects.count(),
        get_user_model().objects.count(),
    ) == counts


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


def test_seeding_emails_nobody(db, mailoutbox, django_capture_on_commit_callbacks):
    from demo.seeding import seed_demo

    with django_capture_on_commit_callbacks(execute=True):
        seed_demo()
    assert mailoutbox == []
