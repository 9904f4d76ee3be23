"""Events members share with the network: written and submitted in the admin, approved by the
LAG, then listed in the umbrella's network calendar and on its home page with provenance – and
gone at once after withdrawal, unpublishing or deactivation."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from districts.models import District
from editorial.syndication import syndicated_models
from eventcalendar.models import EventPage
from eventcalendar.recurrence import BERLIN
from microsites.provisioning import set_member_active

from .events_factories import events_index_of, make_event
from .factories import homes_of, make_image
from .fixtures_editorial import *  # noqa: F403


def soon(days=5):
    moment = timezone.localtime(timezone.now(), BERLIN) + timedelta(days=days)
    return moment.replace(hour=18, minute=0, second=0, microsecond=0)


def page_html(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response.content.decode()


def add_event(admin, index, **fields):
    """Create an event through the admin's add view, as an editor does; returns (page, response)."""
    url = reverse("wagtailadmin_pages:add", args=["eventcalendar", "eventpage", index.pk])
    data, _response = admin.page_form(url)
    fields.setdefault("teaser", "Kommt vorbei!")
    fields.setdefault("slug", fields["title"].lower().replace(" ", "-"))
    fields.setdefault("start", soon())
    fields.setdefault("town", "Plauen")
    fields.setdefault("district", District.objects.get(ars="14523").pk)
    fields.setdefault("kind", "jugendgruppe")
    admin._fill(data, fields)
    response = admin.client.post(url, admin._action(data, "submit"))
    page = EventPage.objects.child_of(index).filter(slug=fields["slug"]).first()
    return page, response


@pytest.fixture
def shared_event(member, member_editor, lag_staff, session):
    index = events_index_of(homes_of(member)["de"])
    page, response = add_event(
        session(member_editor), index, title="Queerer Jugendtreff", show_in_network=True
    )
    assert page is not None, response.content.decode()[:2000]
    session(lag_staff).decide(page, "approve", via="editor")
    page = EventPage.objects.get(pk=page.pk)
    assert page.live
    return page


def test_events_take_part_in_syndication():
    assert EventPage in syndicated_models()


def test_shared_event_appears_only_after_the_lag_approved_it(
    member, member_editor, lag_staff, session, client
):
    index = events_index_of(homes_of(member)["de"])
    page, _response = add_event(
        session(member_editor), index, title="Regenbogenbrunch", show_in_network=True
    )
    assert page is not None and not page.live
    assert "Regenbogenbrunch" not in page_html(client, "/veranstaltungen/")
    session(lag_staff).decide(page, "approve")
    assert "Regenbogenbrunch" in page_html(client, "/veranstaltungen/")
    assert "Regenbogenbrunch" in page_html(client, "/")


def test_approving_from_the_editor_does_not_restart_the_approval(shared_event):
    # The reviewer's save of the unchanged form must not count as a change of the dates.
    assert shared_event.live
    assert not shared_event.has_unpublished_changes
    assert shared_event.revisions.count() == 1


def test_network_calendar_shows_provenance_and_links_to_the_member_site(
    member, shared_event, client
):
    member.logo = make_image("Logo Vogtland", member.collection)
    member.save()
    html = page_html(client, "/veranstaltungen/")
    assert "Aus dem Netzwerk: Queer im Vogtland e. V." in html
    assert f'href="http://queer-vogtland.localhost/veranstaltungen/{shared_event.slug}/"' in html
    assert 'class="provenance__logo"' in html
    month = timezone.localtime(shared_event.start, BERLIN).strftime("%Y-%m")
    assert "Aus dem Netzwerk" in page_html(client, f"/veranstaltungen/?monat={month}")


def test_unshared_events_stay_on_the_member_site(member, client, host_client):
    make_event(events_index_of(homes_of(member)["de"]), title="Nur bei uns", start=soon())
    assert "Nur bei uns" in page_html(host_client(member.hostname), "/veranstaltungen/")
    assert "Nur bei uns" not in page_html(client, "/veranstaltungen/")


def test_umbrella_calendar_keeps_its_own_events_without_provenance(network, shared_event, client):
    make_event(events_index_of(network["de"]), title="LAG-Fachtag", start=soon(3))
    html = page_html(client, "/veranstaltungen/")
    own = html.split("LAG-Fachtag")[1].split("</article>")[0]
    assert "Aus dem Netzwerk" not in own
    assert shared_event.title in html


def test_english_calendar_shows_english_versions_only(member, network, client):
    homes = homes_of(member)
    german = make_event(
        events_index_of(homes["de"]), title="Nur deutsch", start=soon(), network=True
    )
    both = make_event(
        events_index_of(homes["de"]), title="Zweisprachig", start=soon(), network=True
    )
    english = both.copy_for_translation(homes["en"].locale)
    english.title = "Bilingual"
    english.save_revision().publish()
    html = page_html(client, "/en/events/")
    assert "Bilingual" in html
    assert german.title not in html and "Zweisprachig" not in html


def test_withdrawal_unpublishing_and_deactivation_remove_the_event_at_once(
    member, shared_event, lag_staff, session, client
):
    lag = session(lag_staff)
    lag.post(reverse("editorial:withdraw", args=[shared_event.pk]), {"reason": "Doppelt."})
    assert shared_event.title not in page_html(client, "/veranstaltungen/")
    assert shared_event.title not in page_html(client, "/")
    lag.post(reverse("editorial:restore", args=[shared_event.pk]))
    assert shared_event.title in page_html(client, "/veranstaltungen/")

    set_member_active(member, False)
    assert shared_event.title not in page_html(client, "/veranstaltungen/")
    set_member_active(member, True)
    assert shared_event.title in page_html(client, "/veranstaltungen/")

    Page.objects.get(pk=shared_event.pk).specific.unpublish()
    assert shared_event.title not in page_html(client, "/veranstaltungen/")
    assert shared_event.title not in page_html(client, "/")


def test_translating_an_event_in_the_admin_creates_an_english_draft_with_the_same_dates(
    member, member_editor, session
):
    index = events_index_of(homes_of(member)["de"])
    event = make_event(
        index,
        title="Lesung",
        start=soon(8),
        recurrence="weekly",
        recurrence_count=4,
        cancelled_dates=(soon(8) + timedelta(days=7)).date().isoformat(),
        venue="Bibliothek",
        street="Markt 1",
    )
    english = session(member_editor).translate(event)
    assert english.locale.language_code == "en" and not english.live
    assert (english.start, english.recurrence, english.recurrence_count) == (
        event.start,
        "weekly",
        4,
    )
    assert english.cancelled_dates == event.cancelled_dates
    assert english.street == "Markt 1" and english.series_end == event.series_end
