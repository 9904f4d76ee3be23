"""The demo offers: realistic spread over Saxony, live, some in English, white spots left."""

import pytest
from django.db import transaction

from demo.seeding import seed_demo
from directory.coverage import coverage
from directory.models import Offer


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db):
    return seeded


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


def test_seeding_offers_twice_changes_nothing(demo):
    before = Offer.objects.count()
    seed_demo()
    assert Offer.objects.count() == before
