"""Impressum, Datenschutz and Barrierefreiheit: drafts may be incomplete, publishing needs every
required field, and every page's footer links the live ones of its own site."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from wagtail.models import Page
from wagtail.test.utils.form_data import querydict_from_html

from legal.models import AccessibilityStatementPage, ImprintPage, PrivacyPage

from .factories import complete_legal_page, homes_of, make_member
from .fixtures_legal import publish_legal_pages

HOST = "queer-vogtland.localhost"


@pytest.fixture
def member(network):
    """Queer im Vogtland as provisioning leaves it: the legal pages are drafts to complete."""
    return make_member(
        "queer-vogtland",
        name="Queer im Vogtland e. V.",
        short_name="Queer im Vogtland",
        public=False,
    )


def legal_page(member, model, code="de"):
    return model.objects.child_of(homes_of(member)[code]).get()


def publish_errors(page):
    with pytest.raises(ValidationError) as error:
        page.save_revision(clean=False).publish()
    return error.value.message_dict


def test_provisioning_creates_the_legal_pages_as_drafts_to_complete(member):
    for code in ("de", "en"):
        for model in (ImprintPage, PrivacyPage, AccessibilityStatementPage):
            page = legal_page(member, model, code)
            assert not page.live
            assert page.organisation_name == "Queer im Vogtland e. V."
            assert page.get_latest_revision() is not None


def test_an_incomplete_imprint_cannot_be_published_and_says_what_is_missing(member):
    page = legal_page(member, ImprintPage)
    errors = publish_errors(page)
    assert errors == {
        "address": ["Zum Veröffentlichen fehlt noch: die Anschrift."],
        "represented_by": ["Zum Veröffentlichen fehlt noch: wer den Verein vertritt."],
        "responsible_person": [
            "Zum Veröffentlichen fehlt noch: die redaktionell verantwortliche Person."
        ],
        "responsible_address": [
            "Zum Veröffentlichen fehlt noch: die Anschrift der verantwortlichen Person."
        ],
    }
    assert not ImprintPage.objects.get(pk=page.pk).live


def test_the_missing_fields_are_named_in_english_too(member):
    page = legal_page(member, ImprintPage, "en")
    page.contact_email = ""
    with translation.override("en"):
        errors = publish_errors(page)
        assert errors["address"] == ["Required to publish: the address."]
        assert errors["contact_email"] == ["Required to publish: the e-mail address."]


def test_an_accessibility_statement_needs_feedback_contact_and_enforcement_procedure(member):
    page = legal_page(member, AccessibilityStatementPage)
    page.contact_email = ""
    errors = publish_errors(page)
    assert set(errors) == {"contact_email", "enforcement_body"}
    assert errors["enforcement_body"] == [
        "Zum Veröffentlichen fehlt noch: der Hinweis auf das Schlichtungs- bzw. "
        "Durchsetzungsverfahren."
    ]


def test_a_privacy_statement_needs_a_contact_for_privacy_questions(member):
    page = legal_page(member, PrivacyPage)
    page.contact_email = ""
    assert set(publish_errors(page)) == {"contact_email"}


def test_a_complete_legal_page_is_published(member):
    page = complete_legal_page(legal_page(member, ImprintPage))
    page.save_revision().publish()
    assert ImprintPage.objects.get(pk=page.pk).live


def edit_form(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def test_in_the_admin_a_draft_saves_incomplete_but_publishing_names_each_gap(member, lag_staff):
    client = Client(HTTP_HOST="localhost")
    client.force_login(lag_staff)
    page = legal_page(member, ImprintPage)

    data = edit_form(client, page)
    data["represented_by"] = "Kim Muster (Vorstand)"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, "a draft may be incomplete"
    assert ImprintPage.objects.get(pk=page.pk).get_latest_revision_as_object().represented_by

    data = edit_form(client, page)
    data["action-publish"] = "action-publish"
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zum Veröffentlichen fehlt noch: die Anschrift." in html
    assert "Zum Veröffentlichen fehlt noch: die redaktionell verantwortliche Person." in html
    assert not ImprintPage.objects.get(pk=page.pk).live

    for name, value in {
        "address": "Bahnhofstraße 5\n08523 Plauen",
        "responsible_person": "Kim Muster",
        "responsible_address": "Bahnhofstraße 5\n08523 Plauen",
    }.items():
        data[name] = value
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    assert ImprintPage.objects.get(pk=page.pk).live


def footer_links(html):
    footer = html.split('class="site-footer__legal"')[1].split("</nav>")[0]
    return footer


def publish_all_legal(member, code):
    for model in (ImprintPage, PrivacyPage, AccessibilityStatementPage):
        complete_legal_page(legal_page(member, model, code)).save_revision().publish()


def test_the_footer_links_only_live_legal_pages_of_its_own_site(member, other_member):
    client = Client(HTTP_HOST=HOST)
    publish_legal_pages(member)  # Impressum and Datenschutz: the site is public
    footer = footer_links(client.get("/").content.decode())
    assert 'href="/impressum/"' in footer
    assert "/barrierefreiheit/" not in footer, "a draft answers 404, so it is not linked"
    publish_all_legal(member, "de")
    publish_all_legal(other_member, "de")
    for path in ("/", "/aktuelles/", "/kontakt/", "/impressum/"):
        footer = footer_links(client.get(path).content.decode())
        assert 'href="/impressum/"' in footer
        assert 'href="/datenschutz/"' in footer
        assert 'href="/barrierefreiheit/"' in footer
        assert "rosa-lausitz" not in footer


def test_the_english_footer_links_english_pages_or_falls_back_to_german(member):
    client = Client(HTTP_HOST=HOST)
    publish_all_legal(member, "de")
    footer = footer_links(client.get("/en/").content.decode())
    assert 'href="/impressum/" hreflang="de" lang="de"' in footer
    publish_all_legal(member, "en")
    footer = footer_links(client.get("/en/").content.decode())
    assert 'href="/en/legal-notice/"' in footer
    assert 'href="/en/privacy/"' in footer
    assert 'href="/en/accessibility/"' in footer
    assert 'hreflang="de"' not in footer


def test_the_published_imprint_shows_every_required_item_in_both_languages(member):
    publish_all_legal(member, "de")
    publish_all_legal(member, "en")
    client = Client(HTTP_HOST=HOST)
    html = client.get("/impressum/").content.decode()
    for text in (
        "Queer im Vogtland e. V.",
        "Musterstraße 1",
        "Vertreten durch",
        "Alex Beispiel (Vorstand)",
        "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV",
        "kontakt@queer-vogtland.example.org",
    ):
        assert text in html
    html = client.get("/en/legal-notice/").content.decode()
    assert "Represented by" in html
    assert "Responsible for the content under § 18 (2) MStV" in html
    statement = client.get("/en/accessibility/").content.decode()
    assert "Schlichtungsstelle nach dem BGG" in statement
    assert Page.objects.filter(live=True, url_path__endswith="/accessibility/").exists()


def test_the_privacy_statement_names_the_contact_forms_retention_period(member):
    from contact.models import ContactPage

    contact = ContactPage.objects.child_of(homes_of(member)["de"]).get()
    contact.retention_days = 30
    contact.save_revision().publish()
    publish_all_legal(member, "de")
    html = Client(HTTP_HOST=HOST).get("/datenschutz/").content.decode()
    assert "Wir speichern Ihre Nachricht 30 Tage" in html
    assert "keine IP-Adresse" in html
