"""The contact form and the materials page in a real browser: accessible in both languages,
no cookie, the form is sent and thanked for."""

import re

import pytest
from django.core.files.base import ContentFile
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model

from contact.models import ContactPage
from materials.demo import simple_pdf
from materials.models import MaterialsPage
from microsites.provisioning import member_homes
from tests.factories import make_member

HOST = "queer-vogtland.localhost"


@pytest.fixture
def member_site(live_network, settings):
    settings.CONTACT_MIN_SECONDS = 0  # the browser fills the form faster than a person
    member = make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )
    live_network.sync_ports()
    live_network.member = member
    return live_network


@pytest.mark.parametrize(
    ("path", "lang", "message_label", "send", "thanks"),
    [
        ("/kontakt/", "de", "Nachricht", "Absenden", "Danke, Ihre Nachricht ist angekommen."),
        ("/en/contact/", "en", "Message", "Send", "Thank you, your message has arrived."),
    ],
)
def test_contact_form_is_accessible_and_sends_a_message(
    member_site, browser_page, axe, path, lang, message_label, send, thanks
):
    response = browser_page.goto(member_site.url_for(HOST, path))
    assert response.status == 200
    assert browser_page.locator("html").get_attribute("lang") == lang
    assert axe(browser_page) == []
    assert browser_page.context.cookies() == []
    assert browser_page.request_log.foreign(HOST) == []

    # The honeypot is not reachable with the keyboard.
    assert browser_page.locator("[name=hp_website]").get_attribute("tabindex") == "-1"
    browser_page.get_by_role("textbox", name=message_label).fill("Hallo aus dem Browser")
    browser_page.get_by_role("button", name=send).click()
    browser_page.wait_for_load_state()
    assert browser_page.get_by_text(thanks).is_visible()
    assert axe(browser_page) == []
    assert browser_page.context.cookies() == []
    page = ContactPage.objects.child_of(member_homes(member_site.member)[lang]).get()
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_an_empty_message_is_explained_and_the_form_stays_accessible(
    member_site, browser_page, axe
):
    browser_page.goto(member_site.url_for(HOST, "/kontakt/"))
    browser_page.get_by_role("button", name="Absenden").click()
    browser_page.wait_for_load_state()
    assert browser_page.title().startswith("Fehler: ")
    summary = browser_page.locator(".error-summary")
    assert summary.get_by_text("Es gibt ein Problem").is_visible()
    assert browser_page.evaluate("document.activeElement.className") == "error-summary"
    summary.get_by_role("link", name=re.compile("Nachricht")).click()
    assert browser_page.evaluate("document.activeElement.name") == "nachricht"
    assert axe(browser_page) == []
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(("code", "path"), [("de", "/materialien/"), ("en", "/en/materials/")])
def test_materials_page_is_accessible(member_site, browser_page, axe, code, path):
    member = member_site.member
    document = get_document_model()(title="Flyer 2026", collection=member.collection)
    document.file.save("flyer-2026.pdf", ContentFile(simple_pdf("Flyer 2026")))
    document.file_size = document.file.size
    document.save()
    page = MaterialsPage.objects.child_of(member_homes(member)[code]).get()
    page.downloads = [
        (
            "download",
            {
                "document": document,
                "title": "",
                "description": "Unser Flyer",
                "category": "flyer",
                "language": "de-x-ls",
                "cover": None,
            },
        )
    ]
    page.save_revision().publish()
    response = browser_page.goto(member_site.url_for(HOST, path))
    assert response.status == 200
    assert axe(browser_page) == []
    link = browser_page.get_by_role("link", name="Flyer 2026")
    assert link.get_attribute("hreflang") == "de-x-ls"
    # Playwright's request client does not resolve *.localhost; documents answer on any host.
    download = browser_page.request.get(member_site.url_for("localhost", document.url))
    assert download.status == 200
    assert download.body().startswith(b"%PDF")
