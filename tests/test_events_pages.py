"""Event pages and the events index of a site: dates, place, registration, lists, month view,
filters, validation, provisioning and structured data."""

import json
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageViewRestriction

from districts.models import District
from eventcalendar.models import EventIndexPage, EventPage
from eventcalendar.recurrence import BERLIN

from .events_factories import berlin, events_index_of, make_event
from .factories import homes_of

HOST = "queer-vogtland.localhost"


@pytest.fixture
def index(member):
    return events_index_of(homes_of(member)["de"])


@pytest.fixture
def site(host_client, member):
    return host_client(HOST)


def soon(days=3, hour=19):
    moment = timezone.localtime(timezone.now(), BERLIN) + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def html(response, status=200):
    assert response.status_code == status, response.status_code
    return response.content.decode()


# --- provisioning ------------------------------------------------------------------------------


def test_every_site_gets_an_events_index_in_both_languages(member, network):
    for homes in (homes_of(member), network):
        de = EventIndexPage.objects.child_of(homes["de"]).get()
        en = EventIndexPage.objects.child_of(homes["en"]).get()
        assert (de.slug, de.title, en.slug, en.title) == (
            "veranstaltungen",
            "Veranstaltungen",
            "events",
            "Events",
        )
        assert de.live and en.live and de.translation_key == en.translation_key


# --- the event page ---------------------------------------------------------------------------


def test_event_page_shows_dates_place_price_and_accessibility(index, site):
    event = make_event(
        index,
        title="Queerer Filmabend",
        start=berlin(2027, 3, 4, 19, 30),
        end=berlin(2027, 3, 4, 22, 0),
        venue="Malzhaus",
        street="Alter Teich 7",
        postcode="08527",
        is_free=False,
        price="5.00",
        price_note="ermäßigt 3 €",
        accessibility="Ebenerdiger Zugang, barrierefreie Toilette.",
    )
    page = html(site.get(event.url))
    assert '<time datetime="2027-03-04T19:30:00+01:00">' in page
    assert "19:30 Uhr" in page and "22:00 Uhr" in page
    assert "Malzhaus" in page and "Alter Teich 7" in page and "Vogtlandkreis" in page
    assert "5 €" in page and "ermäßigt 3 €" in page
    assert "Ebenerdiger Zugang" in page
    assert f'href="/feeds/events/{event.pk}.ics"' in page


def test_content_notes_come_before_the_text(index, site):
    event = make_event(
        index,
        content_notes="Es geht um Gewalt gegen trans* Personen.",
        body=[("paragraph", "<p>Der eigentliche Text.</p>")],
    )
    page = html(site.get(event.url))
    assert page.index("Inhaltshinweise") < page.index("Der eigentliche Text.")
    assert page.index("Gewalt gegen trans* Personen") < page.index("Der eigentliche Text.")


def test_all_day_event_shows_dates_without_times(index, site):
    event = make_event(
        index, all_day=True, start=berlin(2027, 7, 3, 12, 0), end=berlin(2027, 7, 4, 9, 0)
    )
    event.refresh_from_db()
    assert timezone.localtime(event.start, BERLIN) == berlin(2027, 7, 3, 0, 0)
    page = html(site.get(event.url))
    assert '<time datetime="2027-07-03">' in page and '<time datetime="2027-07-04">' in page
    assert "ganztägig" in page
    assert "Uhr" not in page.split('class="event__facts"')[1].split("</dl>")[0]


def test_series_page_names_the_rule_and_the_next_dates(index, site):
    start = soon(days=2)
    event = make_event(index, start=start, recurrence="weekly", recurrence_count=10)
    page = html(site.get(event.url))
    weekday = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
    assert f"jeden {weekday[start.weekday()]}, 10 Termine" in page
    assert "Weitere Termine" in page
    following = start + timedelta(days=7)
    assert f'<time datetime="{following.isoformat()}">' in page


def test_registration_by_form_points_to_the_sites_contact_page(index, site):
    event = make_event(index, registration="formular")
    assert 'href="/kontakt/"' in html(site.get(event.url))


def test_registration_by_link_and_online_event(index, site):
    event = make_event(
        index,
        attendance="online",
        district=None,
        town="",
        online_url="https://meet.example.org/gruppe",
        registration="link",
        registration_url="https://anmeldung.example.org/",
    )
    page = html(site.get(event.url))
    assert 'href="https://anmeldung.example.org/"' in page
    assert 'href="https://meet.example.org/gruppe"' in page


def test_event_page_describes_itself_as_schema_org_event(index, site):
    event = make_event(
        index,
        start=berlin(2027, 5, 6, 18, 0),
        end=berlin(2027, 5, 6, 20, 0),
        venue="Regenbogenhaus",
        attendance="hybrid",
        online_url="https://meet.example.org/x",
    )
    page = html(site.get(event.url))
    blocks = [
        json.loads(part.split("</script>")[0])
        for part in page.split('<script type="application/ld+json">')[1:]
    ]
    entities = [
        item for block in blocks for item in (block if isinstance(block, list) else [block])
    ]
    found = next(item for item in entities if item.get("@type") == "Event")
    assert found["startDate"] == "2027-05-06T18:00:00+02:00"
    assert found["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
    types = {location["@type"] for location in found["location"]}
    assert types == {"Place", "VirtualLocation"}
    place = next(location for location in found["location"] if location["@type"] == "Place")
    assert place["containedInPlace"]["identifier"] == "14523"
    assert found["url"] == event.get_full_url() == f"http://{HOST}/veranstaltungen/{event.slug}/"


# --- validation ---------------------------------------------------------------------------------


def invalid(index, **fields):
    fields.setdefault("start", berlin(2027, 1, 1, 19, 0))
    page = EventPage(title="X", slug="x", teaser="T", locale=index.locale, town="Plauen", **fields)
    page.district = fields.get("district", District.objects.get(ars="14523"))
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    return error.value.message_dict


def test_end_must_be_after_start(index):
    errors = invalid(index, end=berlin(2027, 1, 1, 18, 0))
    assert errors["end"] == ["Das Ende muss nach dem Beginn liegen."]


def test_series_end_must_not_be_before_start_and_not_both_until_and_count(index):
    errors = invalid(index, recurrence="weekly", recurrence_until=date(2026, 12, 1))
    assert "recurrence_until" in errors
    errors = invalid(
        index, recurrence="weekly", recurrence_until=date(2027, 3, 1), recurrence_count=4
    )
    assert "nicht beides" in errors["recurrence_count"][0]


def test_place_needs_a_district_and_online_needs_a_link(index):
    assert "district" in invalid(index, district=None)
    errors = invalid(index, attendance="online")
    assert "online_url" in errors


def test_registration_link_and_price_are_required_when_chosen(index):
    assert "registration_url" in invalid(index, registration="link")
    assert "price" in invalid(index, is_free=False)


def test_a_date_of_a_series_cannot_outlast_the_interval(index):
    errors = invalid(index, recurrence="weekly", end=berlin(2027, 1, 9, 19, 0))
    assert "Abstand" in errors["end"][0]


# --- the index: lists, month view, filters -------------------------------------------------------


def test_upcoming_list_shows_next_dates_soonest_first_and_hides_drafts(index, site):
    later = make_event(index, title="Später", start=soon(days=20))
    sooner = make_event(index, title="Früher", start=soon(days=2))
    make_event(index, title="Vorbei", start=soon(days=-10))
    make_event(index, title="Entwurf", start=soon(days=4), publish=False)
    page = html(site.get("/veranstaltungen/"))
    assert page.index(sooner.title) < page.index(later.title)
    assert "Vorbei" not in page and "Entwurf" not in page


def test_a_series_that_began_long_ago_appears_with_its_next_date(index, site):
    start = soon(days=-70)
    make_event(index, title="Jugendgruppe", start=start, recurrence="weekly")
    make_event(index, title="Einmalig in drei Wochen", start=soon(days=21))
    page = html(site.get("/veranstaltungen/"))
    assert page.index("Jugendgruppe") < page.index("Einmalig in drei Wochen")
    assert "Termin einer Reihe" in page


def test_past_list_shows_what_is_over(index, site):
    make_event(index, title="Letzter CSD", start=soon(days=-30), kind="demo")
    make_event(index, title="Nächster CSD", start=soon(days=30), kind="demo")
    page = html(site.get("/veranstaltungen/?ansicht=vergangen"))
    assert "Letzter CSD" in page and "Nächster CSD" not in page


def test_month_view_groups_expanded_series_by_day_with_neighbour_links(index, site):
    make_event(
        index,
        title="Monatliche Gruppe",
        start=berlin(2027, 1, 14, 18, 0),
        recurrence="monthly-weekday",
    )
    make_event(index, title="Nur im März", start=berlin(2027, 3, 2, 18, 0))
    page = html(site.get("/veranstaltungen/?monat=2027-02"))
    assert "Februar 2027" in page
    assert '<time datetime="2027-02-11">' in page  # the 2nd Thursday
    assert '<time datetime="2027-02-11T18:00:00+01:00">18:00 Uhr</time>' in page
    assert "Monatliche Gruppe" in page and "Nur im März" not in page
    assert 'href="/veranstaltungen/?monat=2027-01"' in page
    assert 'href="/veranstaltungen/?monat=2027-03"' in page


def test_filters_by_kind_and_district_and_online(index, site):
    make_event(index, title="Beratung Plauen", kind="beratung", start=soon(days=5))
    make_event(
        index,
        title="Kultur Bautzen",
        kind="kultur",
        start=soon(days=5),
        district=District.objects.get(ars="14625"),
        town="Bautzen",
    )
    make_event(
        index,
        title="Online-Treff",
        kind="begegnung",
        start=soon(days=5),
        attendance="online",
        district=None,
        town="",
        online_url="https://meet.example.org/",
    )
    by_kind = html(site.get("/veranstaltungen/?art=kultur"))
    assert "Kultur Bautzen" in by_kind and "Beratung Plauen" not in by_kind
    by_district = html(site.get("/veranstaltungen/?bezirk=14523"))
    assert "Beratung Plauen" in by_district and "Kultur Bautzen" not in by_district
    online = html(site.get("/veranstaltungen/?bezirk=online"))
    assert "Online-Treff" in online and "Beratung Plauen" not in online


@pytest.mark.parametrize(
    "query, message",
    [
        ("art=bogus", "Die Art „bogus“ gibt es nicht."),
        ("bezirk=99999", "Den Kreis „99999“ gibt es nicht."),
        ("monat=2027-13", "ist kein Monat"),
        ("monat=%3Cscript%3E", "„&lt;script&gt;“ ist kein Monat"),
    ],
)
def test_bad_filter_values_get_a_clear_message_and_a_400(index, site, query, message):
    make_event(index, title="Bleibt sichtbar", start=soon(days=5))
    page = html(site.get(f"/veranstaltungen/?{query}"), status=400)
    assert message in page
    assert "Bleibt sichtbar" in page


def test_english_index_has_english_messages(member, host_client):
    page = html(host_client(HOST).get("/en/events/?art=bogus"), status=400)
    assert "There is no kind" in page


def test_pagination_keeps_the_filters(index, site):
    for n in range(12):
        make_event(index, title=f"Beratung {n}", kind="beratung", start=soon(days=2 + n))
    first = html(site.get("/veranstaltungen/?art=beratung"))
    assert 'href="?art=beratung&amp;seite=2"' in first
    second = html(site.get("/veranstaltungen/?art=beratung&seite=2"))
    assert "Beratung 11" in second and "Beratung 0<" not in second
    assert html(site.get("/veranstaltungen/?seite=kaputt")).count("card__title") == 10


def test_other_members_and_restricted_events_stay_off_a_members_lists(index, site, other_member):
    other_index = events_index_of(homes_of(other_member)["de"])
    make_event(other_index, title="Beim anderen Verein", start=soon(days=4))
    private = make_event(index, title="Nur für Mitglieder", start=soon(days=4))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    page = html(site.get("/veranstaltungen/"))
    assert "Beim anderen Verein" not in page and "Nur für Mitglieder" not in page


def test_member_home_page_shows_the_next_events(index, site):
    make_event(index, title="Sommerfest", start=soon(days=6))
    page = html(site.get("/"))
    assert "Nächste Veranstaltungen" in page and "Sommerfest" in page


def test_last_weekday_series_must_start_on_a_last_weekday(index):
    errors = invalid(index, start=berlin(2027, 2, 19, 19, 0), recurrence="monthly-last-weekday")
    assert errors["start"] == [
        "Für „jeden letzten Freitag“ muss der erste Termin auf den letzten Freitag eines "
        "Monats fallen."
    ]


def test_cancelled_dates_must_be_dates_of_the_series(index):
    errors = invalid(index, recurrence="weekly", cancelled_dates="kaputt")
    assert errors["cancelled_dates"] == ["Kein Datum: kaputt. Bitte im Format TT.MM.JJJJ angeben."]
    errors = invalid(index, recurrence="weekly", cancelled_dates="02.01.2027")
    assert errors["cancelled_dates"] == ["An diesen Tagen hat die Reihe keinen Termin: 02.01.2027."]


def test_cancelled_dates_are_named_and_skipped(index, site):
    start = soon(days=1)
    skipped = (start + timedelta(days=7)).date()
    event = make_event(
        index,
        start=start,
        recurrence="weekly",
        cancelled_dates=skipped.isoformat(),
    )
    assert event.cancelled_dates == skipped.strftime("%d.%m.%Y")
    page = html(site.get(event.url))
    facts = page.split("Fällt aus am")[1].split("</dd>")[0]
    assert f'<time datetime="{skipped.isoformat()}">' in facts
    further = page.split("Weitere Termine")[1].split("</dd>")[0]
    assert f'datetime="{(start + timedelta(days=7)).isoformat()}"' not in further
    assert f'datetime="{(start + timedelta(days=14)).isoformat()}"' in further
