"""The directory pages fetch what they show in a fixed number of queries: pinned, measured
with 2 and with 10 offers (and members)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from microsites.provisioning import member_homes

from .factories import make_image, make_member
from .test_directory import BAUTZEN, make_offer

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive

# page -> (host, path, pinned query count on a warm cache); the offer pages include one query
# for the opening hours of the listed offers.
PINNED = {
    "umbrella directory": ("localhost", "/angebote/", 18),
    "umbrella directory, filtered": (
        "localhost",
        "/angebote/?bezirk=14523&art=beratung&zielgruppe=trans&barrierefrei=step_free&q=plauen",
        18,
    ),
    "umbrella directory (en)": ("localhost", "/en/offers/", 19),
    "member directory of offers": ("verein-a.localhost", "/angebote/", 19),
    "member directory": ("localhost", "/mitglieder/", 19),
    "member directory, filtered": ("localhost", "/mitglieder/?bezirk=14523&art=beratung", 19),
    "member directory (en)": ("localhost", "/en/members/", 20),
}


def add_offers(members, count):
    english = Locale.objects.get(language_code="en")
    for number in range(count):
        member = members[number % len(members)]
        offer = make_offer(
            member,
            f"Angebot {member.slug} {number}",
            ars="14523" if number % 2 else BAUTZEN,
            step_free=True,
            target_groups=["alle", "trans"],
            description="Beratung in Plauen",
        )
        if number % 3 == 0:
            translation = offer.copy_for_translation(english)
            translation.name = f"Offer {number}"
            translation.save()
            translation.save_revision().publish()


def add_member(number):
    member = make_member(f"verein-{chr(98 + number)}")
    member.logo = make_image(f"Logo {number}", collection=member.collection)
    member.save()
    home = member_homes(member)["de"]
    home.intro = f"<p>Verein {number}</p>"
    home.save_revision().publish()
    return member


def measure(host, path):
    client = Client(HTTP_HOST=host)
    client.get(path)  # warm caches (site root paths, host table)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def world(network):
    members = [make_member("verein-a"), add_member(0)]
    return members


def test_query_counts_do_not_grow_with_content(world):
    add_offers(world, 2)
    few = {name: measure(host, path) for name, (host, path, _pinned) in PINNED.items()}
    world.extend(add_member(number) for number in range(1, 5))
    add_offers(world, 10)
    many = {name: measure(host, path) for name, (host, path, _pinned) in PINNED.items()}
    assert many == few
    assert few == {name: pinned for name, (_host, _path, pinned) in PINNED.items()}
