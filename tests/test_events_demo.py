"""The demo network has events on every site: series, all-day, online, shared ones."""

import pytest
from django.db import transaction

from demo.seeding import seed_demo
from eventcalendar.models import EventPage


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db):
    return seeded


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


def test_seeding_events_twice_changes_nothing(demo):
    before = EventPage.objects.count()
    seed_demo()
    assert EventPage.objects.count() == before
