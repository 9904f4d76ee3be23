"""Opening hours as data: the editor's form, the reader's text in each language, schema.org,
the API, "open now" in Berlin time and the reading of the former free text."""

import json
import re
from datetime import datetime, time
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale

from directory.models import Offer, OpeningHours
from directory.opening_hours import Slot, is_open, lines, parse_hours

from .test_directory import make_offer

BERLIN = ZoneInfo("Europe/Berlin")
HOST = "queer-vogtland.localhost"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def with_hours(offer, *rows):
    """Give a published offer its rows the way publishing does: as a new revision."""
    offer.opening_hours = [
        OpeningHours(weekday=day, opens=time(*opens), closes=time(*closes))
        for day, opens, closes in rows
    ]
    offer.save_revision().publish()
    offer.refresh_from_db()
    return offer


# --- Reading and writing the hours ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "german", "note"),
    [
        ("Di 16–19 Uhr, Do 10–13 Uhr", ["Di 16–19 Uhr", "Do 10–13 Uhr"], ""),
        ("Mo–Fr 10–12 Uhr", ["Mo–Fr 10–12 Uhr"], ""),
        ("Mo und Do 18–21 Uhr", ["Mo, Do 18–21 Uhr"], ""),
        ("Mo 17–19 Uhr und nach Vereinbarung", ["Mo 17–19 Uhr"], "nach Vereinbarung"),
        ("Do 18:30–21 Uhr", ["Do 18:30–21 Uhr"], ""),
        ("jeden 2. Dienstag, 18:30 Uhr", [], "jeden 2. Dienstag, 18:30 Uhr"),
        ("nach Vereinbarung", [], "nach Vereinbarung"),
        ("Di 19–16 Uhr", [], "Di 19–16 Uhr"),
    ],
)
def test_former_free_text_becomes_rows_where_it_is_clear(text, german, note):
    slots, rest = parse_hours(text)
    assert lines(slots, "de") == german
    assert rest == note


def test_hours_read_in_each_language():
    slots = [Slot(1, time(16), time(19)), Slot(3, time(16), time(19)), Slot(5, time(10), time(13))]
    assert lines(slots, "de") == ["Di, Do 16–19 Uhr", "Sa 10–13 Uhr"]
    assert lines(slots, "en") == ["Tue, Thu 16:00–19:00", "Sat 10:00–13:00"]


def test_open_now_is_taken_in_berlin_time():
    slots = [Slot(1, time(16), time(19))]  # Tuesday
    # 15:30 UTC on Tuesday 6 October 2026 is 17:30 in Berlin (summer time).
    assert is_open(slots, datetime(2026, 10, 6, 15, 30, tzinfo=ZoneInfo("UTC")))
    assert not is_open(slots, datetime(2026, 10, 6, 19, 0, tzinfo=BERLIN))
    assert not is_open(slots, datetime(2026, 10, 7, 17, 0, tzinfo=BERLIN))
    # Winter time: 15:30 UTC is 16:30 in Berlin.
    assert is_open(slots, datetime(2026, 12, 1, 15, 30, tzinfo=ZoneInfo("UTC")))


# --- The editor's form ------------------------------------------------------------------------


class FormFields(HTMLParser):
    """Every field of the admin form with the value it is rendered with."""

    def __init__(self):
        super().__init__()
        self.values = {}
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            if attrs.get("type") in ("checkbox", "radio"):
                self.values.setdefault(name, [])
                if "checked" in attrs:
                    self.values[name].append(attrs.get("value", "on"))
            elif attrs.get("type") not in ("submit", "button"):
                self.values[name] = attrs.get("value", "")
        elif tag == "select" and name:
            self.select = name
            self.values.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.values[self.select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self.values[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def rendered_fields(html):
    parser = FormFields()
    parser.feed(html)
    return parser.values


def test_member_editor_adds_hours_rows_in_the_offer_form_and_saves(member, member_editor):
    client = Client(HTTP_HOST="localhost")
    client.force_login(member_editor)
    url = reverse("wagtailsnippets_directory_offer:add")
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    fields = rendered_fields(html)
    # What the form shows: the management fields and the row template ("Zeit hinzufügen").
    assert fields["opening_hours-TOTAL_FORMS"] == "0"
    assert 'name="opening_hours-__prefix__-weekday"' in html
    assert 'name="opening_hours-__prefix__-opens"' in html
    assert "Öffnungs- und Sprechzeiten" in html

    data = {name: value for name, value in fields.items() if "__prefix__" not in name}
    # Pressing "add" twice copies the row template with the next numbers.
    for number, (weekday, opens, closes) in enumerate(
        [("1", "16:00", "19:00"), ("3", "10:00", "13:00")]
    ):
        for name, value in fields.items():
            if name.startswith("opening_hours-__prefix__-"):
                data[name.replace("__prefix__", str(number))] = value
        data[f"opening_hours-{number}-weekday"] = weekday
        data[f"opening_hours-{number}-opens"] = opens
        data[f"opening_hours-{number}-closes"] = closes
        data[f"opening_hours-{number}-ORDER"] = str(number + 1)
        data[f"opening_hours-{number}-DELETE"] = ""
    data["opening_hours-TOTAL_FORMS"] = "2"
    data.update(
        {
            "member": str(member.pk),
            "name": "Sprechstunde Plauen",
            "kind": "beratung",
            "district": "14523",
            "target_groups": ["alle"],
            "town": "Plauen",
            "phone": "03741 12345",
            "languages": ["de"],
            "hours": "und nach Vereinbarung",
        }
    )
    data = {name: value for name, value in data.items() if value != []}
    response = client.post(url, data)
    assert response.status_code == 302, re.findall(
        r'class="error-message"[^>]*>(.*?)<', response.content.decode(), re.S
    )
    offer = Offer.objects.get(name="Sprechstunde Plauen")
    # Saved as a draft revision: the rows are in it and, once published, in the database.
    draft = offer.latest_revision.as_object()
    assert [(row.weekday, row.opens, row.closes) for row in draft.opening_hours.all()] == [
        (1, time(16), time(19)),
        (3, time(10), time(13)),
    ]
    assert lines(draft.opening_slots, "de") == ["Di 16–19 Uhr", "Do 10–13 Uhr"]


def test_closing_before_opening_is_refused_with_a_clear_message(member, member_editor):
    client = Client(HTTP_HOST="localhost")
    client.force_login(member_editor)
    url = reverse("wagtailsnippets_directory_offer:add")
    fields = rendered_fields(client.get(url).content.decode())
    data = {name: value for name, value in fields.items() if "__prefix__" not in name}
    data.update(
        {
            "member": str(member.pk),
            "name": "Nachtcafé",
            "kind": "treffpunkt",
            "district": "14523",
            "target_groups": ["alle"],
            "town": "Plauen",
            "phone": "03741 12345",
            "languages": ["de"],
            "opening_hours-TOTAL_FORMS": "1",
            "opening_hours-0-weekday": "4",
            "opening_hours-0-opens": "22:00",
            "opening_hours-0-closes": "02:00",
            "opening_hours-0-ORDER": "1",
        }
    )
    data = {name: value for name, value in data.items() if value != []}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Das Ende muss nach dem Beginn liegen" in response.content.decode()
    assert not Offer.objects.filter(name="Nachtcafé").exists()


# --- What readers and machines see ------------------------------------------------------------


def test_english_directory_shows_hours_in_english(host_client, member):
    offer = make_offer(member, "Sprechstunde")
    with_hours(offer, (1, (16,), (19,)))
    german = host_client(HOST).get("/angebote/").content.decode()
    assert "Di 16–19 Uhr" in german
    english_offer = offer.copy_for_translation(Locale.objects.get(language_code="en"))
    english_offer.name = "Consultation hours"
    english_offer.save()
    english_offer.save_revision().publish()
    english = host_client(HOST).get("/en/offers/").content.decode()
    assert "Consultation hours" in english
    assert "Tue 16:00–19:00" in english
    assert "Di 16–19 Uhr" not in english


def test_offer_json_ld_carries_opening_hours_specification(host_client, member):
    offer = make_offer(member, "Sprechstunde", street="Bahnhofstraße 1", postcode="08523")
    with_hours(offer, (1, (16,), (19,)), (3, (10, 30), (13,)))
    html = host_client(HOST).get("/angebote/").content.decode()
    listing = next(
        item for item in map(json.loads, JSON_LD.findall(html)) if item["@type"] == "ItemList"
    )
    service = listing["itemListElement"][0]["item"]
    expected = [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Tuesday",
            "opens": "16:00",
            "closes": "19:00",
        },
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": "https://schema.org/Thursday",
            "opens": "10:30",
            "closes": "13:00",
        },
    ]
    assert service["hoursAvailable"] == expected
    assert service["availableChannel"]["serviceLocation"]["openingHoursSpecification"] == expected


def test_api_gives_opening_hours_as_data(client, member):
    offer = make_offer(member, "Sprechstunde")
    with_hours(offer, (1, (16,), (19,)))
    detail = client.get(f"/api/v2/offers/{offer.pk}/").json()
    assert detail["opening_hours"] == [{"day": "tuesday", "opens": "16:00", "closes": "19:00"}]


def test_open_now_mark_and_filter_follow_berlin_time(host_client, member, monkeypatch):
    open_offer = with_hours(make_offer(member, "Offen am Dienstag"), (1, (16,), (19,)))
    with_hours(make_offer(member, "Offen am Mittwoch"), (2, (16,), (19,)))
    make_offer(member, "Ohne Zeiten")
    tuesday_evening = datetime(2026, 10, 6, 17, 30, tzinfo=BERLIN)
    monkeypatch.setattr("django.utils.timezone.now", lambda: tuesday_evening)
    site = host_client(HOST)
    html = site.get("/angebote/").content.decode()
    card = html.split("Offen am Dienstag", 1)[1].split("</article>", 1)[0]
    assert "jetzt geöffnet" in card
    assert html.count("jetzt geöffnet</strong>") == 1
    filtered = site.get("/angebote/?geoeffnet=1").content.decode()
    assert re.findall(r'<h3 class="offer__title">([^<]+)</h3>', filtered) == [open_offer.name]
    assert "1 Angebot gefunden" in filtered
