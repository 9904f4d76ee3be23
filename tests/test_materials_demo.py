"""The demo network's contact forms, legal pages and materials are complete."""

import pytest
from django.db import transaction

from contact.models import ContactPage
from demo.seeding import seed_demo
from legal.models import AccessibilityStatementPage
from materials.models import MaterialsPage
from microsites.models import Member


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed_demo()
        transaction.set_rollback(True)


def test_demo_sites_have_live_contact_forms_legal_pages_and_materials(seeded, db, host_client):
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
    assert "Du kannst uns anonym schreiben" in client.get("/kontakt/").content.decode()
    statement = client.get("/barrierefreiheit/").content.decode()
    assert "Schlichtungsstelle" in statement
    assert not AccessibilityStatementPage.objects.filter(live=False).exists()

    assert seed_demo().lines == [], "seeding again changes nothing"
