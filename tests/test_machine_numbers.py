"""Numbers that machines read are never written the German way: SVG coordinates, JSON-LD, the
API, iCal, the brand stylesheet, sitemaps and meta tags use a decimal point, whatever the page's
language. Rendered in German with counts of ten and more and values with fractions."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import time
from decimal import Decimal

import pytest

from directory.models import OpeningHours

from .events_factories import events_index_of, make_event
from .factories import homes_of
from .test_directory import make_offer

HOST = "queer-vogtland.localhost"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
DECIMAL_COMMA = re.compile(r"\d,\d")


@pytest.fixture
def busy_directory(member):
    """Twelve offers in one district (a two-digit count on the map), with coordinates and
    opening hours at half past."""
    for number in range(12):
        offer = make_offer(
            member,
            f"Angebot {number:02d}",
            street="Bahnhofstraße 1",
            postcode="08523",
            latitude=Decimal("50.49520"),
            longitude=Decimal("12.13702"),
        )
        offer.opening_hours = [OpeningHours(weekday=1, opens=time(16, 30), closes=time(19))]
        offer.save_revision().publish()
    return member


def floats(text):
    return [float(part) for part in text.split()]


def test_map_coordinates_and_counts_are_plain_numbers_in_german(host_client, busy_directory):
    html = host_client(HOST).get("/angebote/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert '<html lang="de"' in html
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    view_box = re.search(r'viewBox="([^"]+)"', "<svg" + svg)[1]
    assert len(floats(view_box)) == 4
    labels = re.findall(r'<text x="([^"]+)" y="([^"]+)"[^>]*>([^<]*)</text>', svg)
    assert len(labels) == 13
    for x, y, count in labels:
        float(x), float(y)  # raises on "444,5"
        int(count)
    assert any(count == "12" for _x, _y, count in labels)
    assert any("." in x or "." in y for x, y, _count in labels)


def test_json_ld_of_the_directory_parses_and_keeps_fractions(host_client, busy_directory):
    html = host_client(HOST).get("/angebote/").content.decode()
    entities = [json.loads(block) for block in JSON_LD.findall(html)]
    listing = next(entity for entity in entities if entity["@type"] == "ItemList")
    assert listing["numberOfItems"] == 12
    location = listing["itemListElement"][0]["item"]["availableChannel"]["serviceLocation"]
    assert location["geo"]["latitude"] == pytest.approx(50.4952)
    assert location["openingHoursSpecification"][0]["opens"] == "16:30"
    for block in JSON_LD.findall(html):
        assert not DECIMAL_COMMA.search(re.sub(r'"(?:[^"\\]|\\.)*"', '""', block))


def test_api_numbers_are_json_numbers(client, busy_directory):
    data = client.get("/api/v2/offers/?fields=address,opening_hours").json()
    assert data["meta"]["total_count"] == 12
    item = data["items"][0]
    assert item["address"]["latitude"] == pytest.approx(50.4952)
    assert item["opening_hours"][0]["opens"] == "16:30"


def test_ical_has_no_localised_numbers(host_client, member):
    index = events_index_of(homes_of(member)["de"])
    make_event(index, title="Lesung", price=Decimal("12.50"))
    body = host_client(HOST).get("/feeds/events.ics").content.decode()
    assert "BEGIN:VEVENT" in body
    for line in body.splitlines():
        if line.startswith(("DTSTART", "DTEND", "DTSTAMP", "GEO", "SEQUENCE", "LAST-MODIFIED")):
            assert not DECIMAL_COMMA.search(line), line


def test_brand_stylesheet_and_sitemap_parse(host_client, member):
    site = host_client(HOST)
    css = site.get("/brand.css").content.decode()
    assert re.fullmatch(r":root\{(--[a-z-]+:#[0-9a-fA-F]{3,8};)+\}\s*", css)
    sitemap = site.get("/sitemap.xml").content
    ET.fromstring(sitemap)  # noqa: S314 - our own output
    assert not DECIMAL_COMMA.search(sitemap.decode())


def test_meta_numbers_are_plain_in_german(host_client, member):
    html = host_client(HOST).get("/").content.decode()
    for value in re.findall(r'<meta property="og:image:(?:width|height)" content="([^"]+)"', html):
        int(value)
