"""Nothing a reader sees changes before the approval: every member-owned kind, every field.

For the member editor role, each member-owned model (the tenancy registry) and every field of
the member's site settings is changed through the admin form the editor is shown, saved with
the button the form offers, and what an anonymous reader receives (the member's pages, its
brand stylesheet, the network's lists) must be byte for byte the same until the LAG approves –
or the editor's attempt must be refused. Images and documents in live use, which have no
drafts, are refused for member roles."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.admin.panels import get_edit_handler
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import querydict_from_html

from directory.models import Offer
from microsites.models import MemberSiteSettings, NetworkSettings, SiteSettings
from news.models import NewsPage
from tenancy.registry import member_owned_models

from .factories import homes_of, make_image, make_news, news_index_of
from .fixtures_legal import publish_legal_pages
from .test_directory import make_offer

pytestmark = pytest.mark.django_db

HOST = "queer-vogtland.localhost"
SETTINGS_URL = "wagtailsnippets_microsites_membersitesettings"
OFFER_URL = "wagtailsnippets_directory_offer"


@pytest.fixture
def public_member(member):
    if not member.legal_pages_live:
        publish_legal_pages(member)
    return member


def signed_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def reader_view(member):
    """Everything an anonymous reader gets that a member's change could alter."""
    reader = Client(HTTP_HOST=HOST)
    umbrella = Client(HTTP_HOST="localhost")
    site_settings = SiteSettings.objects.get(site=member.site)
    responses = {
        "home": reader.get("/"),
        "home_en": reader.get("/en/"),
        "news": reader.get("/aktuelles/"),
        "brand": reader.get(f"/brand.css?v={site_settings.brand_version}"),
        "members": umbrella.get("/mitglieder/"),
        "offers": umbrella.get("/angebote/"),
    }
    for name, response in responses.items():
        assert response.status_code == 200, name
    return {name: response.content for name, response in responses.items()}


def edit_form(client, url, form_id="w-editor-form"):
    response = client.get(url)
    assert response.status_code == 200, url
    return querydict_from_html(response.content.decode(), form_id=form_id)


def settings_form(client, url, instance):
    """The settings edit form's data as the browser sends it: the social links StreamField is
    built by the admin's JavaScript, so its fields are added from the current value."""
    data = edit_form(client, url)
    data["social_links-count"] = str(len(instance.social_links))
    for number, block in enumerate(instance.social_links):
        prefix = f"social_links-{number}"
        data[f"{prefix}-type"] = block.block_type
        data[f"{prefix}-deleted"] = ""
        data[f"{prefix}-order"] = str(number)
        data[f"{prefix}-id"] = block.id or ""
        for name in ("platform", "url", "label"):
            data[f"{prefix}-value-{name}"] = block.value.get(name) or ""
    return data


# --- The enumeration ---------------------------------------------------------------------------

# How each member-owned model is changed through the admin in this module. A new member-owned
# model fails ``test_every_member_owned_model_is_covered`` until a scenario covers it.
COVERED_MODELS = {
    "microsites.MemberSiteSettings": "test_each_site_setting_waits_for_approval",
    "directory.Offer": "test_a_saved_change_to_a_live_offer_waits_for_approval",
}


def test_every_member_owned_model_is_covered():
    labels = {
        model._meta.label
        for model in member_owned_models()
        if not model._meta.app_config.name.startswith("tests.")  # the registry's test model
    }
    assert labels == set(COVERED_MODELS), "add a reader-visible change scenario for new models"


def site_settings_form_fields():
    """The fields of the site settings as Wagtail's settings form shows them."""
    return set(get_edit_handler(SiteSettings).get_form_class().base_fields)


def test_every_site_setting_is_in_the_approved_copy():
    """Whatever readers get from the site settings, members change through the copy with
    approval: no field of the settings form is left out of it."""
    assert site_settings_form_fields() == set(SiteSettings.APPEARANCE_FIELDS)
    assert "quick_exit_url" not in site_settings_form_fields()


def new_values(image):
    """A reader-visible new value for every field of the site settings."""
    return {
        "site_name": {"site_name": "Ganz anderer Name"},
        "tagline": {"tagline": "Ein neuer Untertitel"},
        "logo": {"logo": str(image.pk)},
        "primary_colour": {"primary_colour": "#1d5c63"},
        "accent_colour": {"accent_colour": "#ffd166"},
        "contact_email": {"contact_email": "neu@example.org"},
        "contact_phone": {"contact_phone": "0351 999999"},
        "contact_address": {"contact_address": "Neue Straße 9\n01067 Dresden"},
        "social_links": {
            "social_links-count": "1",
            "social_links-0-type": "link",
            "social_links-0-deleted": "",
            "social_links-0-order": "0",
            "social_links-0-id": "",
            "social_links-0-value-platform": "mastodon",
            "social_links-0-value-url": "https://social.example.org/@neu",
            "social_links-0-value-label": "",
        },
        "quick_exit_enabled": {"quick_exit_enabled": ""},
    }


@pytest.mark.parametrize("field", SiteSettings.APPEARANCE_FIELDS)
def test_each_site_setting_waits_for_approval(field, public_member, member_editor):
    """The editor saves the change (the form's default button): readers see nothing of it."""
    member = public_member
    image = make_image("Neues Logo", member.collection)
    before = reader_view(member)
    live_before = SiteSettings.objects.get(site=member.site)
    draftable = MemberSiteSettings.objects.get(member=member)

    editor = signed_in(member_editor)
    url = reverse(f"{SETTINGS_URL}:edit", args=[draftable.pk])
    data = settings_form(editor, url, draftable)
    assert field in data or f"{field}-count" in data or field == "quick_exit_enabled"
    change = new_values(image)[field]
    if field == "quick_exit_enabled":
        data.pop("quick_exit_enabled", None)  # an unticked box is not sent
    else:
        for key in list(data):
            if key.startswith(f"{field}-") and field == "social_links":
                del data[key]
        data.update(change)
    response = editor.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    draftable.refresh_from_db()
    draft = draftable.get_latest_revision_as_object()
    assert getattr(draft, field) != getattr(live_before, field) or field == "social_links"
    assert reader_view(member) == before
    live_after = SiteSettings.objects.get(site=member.site)
    for name in SiteSettings.APPEARANCE_FIELDS:
        assert getattr(live_after, name) == getattr(live_before, name), name


def test_member_roles_cannot_use_wagtails_settings_form_for_their_site(
    public_member, member_editor
):
    member = public_member
    before = reader_view(member)
    editor = signed_in(member_editor)
    url = f"/admin/settings/microsites/sitesettings/{member.site.pk}/"
    assert editor.get(url).status_code in (302, 403, 404)
    editor.post(url, {"site_name": "X", "tagline": "Y", "primary_colour": "#000000"})
    assert reader_view(member) == before
    menu = editor.get("/admin/").content.decode()
    assert "Auftritt und Kontakt" in menu


def test_approved_site_settings_reach_the_readers(public_member, member_editor, lag_staff):
    """Submit from the edit form, the LAG approves (the workflow action of its inbox):
    readers get the new tagline, colours and social profile."""
    member = public_member
    draftable = MemberSiteSettings.objects.get(member=member)
    editor = signed_in(member_editor)
    url = reverse(f"{SETTINGS_URL}:edit", args=[draftable.pk])
    data = settings_form(editor, url, draftable)
    data.update(
        {
            "tagline": "Freigegebener Untertitel",
            "primary_colour": "#1d5c63",
            "social_links-count": "1",
            "social_links-0-type": "link",
            "social_links-0-deleted": "",
            "social_links-0-order": "0",
            "social_links-0-id": "",
            "social_links-0-value-platform": "mastodon",
            "social_links-0-value-url": "https://social.example.org/@vogtland",
            "social_links-0-value-label": "",
            "action-submit": "1",
        }
    )
    assert editor.post(url, data).status_code == 302
    before = reader_view(member)
    assert b"Freigegebener Untertitel" not in before["home"]

    state = WorkflowState.objects.for_instance(draftable).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    # The editor cannot approve their own change.
    editor.post(
        reverse(f"{SETTINGS_URL}:workflow_action", args=[draftable.pk, "approve", task_state.pk])
    )
    assert reader_view(member) == before

    lag = signed_in(lag_staff)
    response = lag.post(
        reverse(f"{SETTINGS_URL}:workflow_action", args=[draftable.pk, "approve", task_state.pk])
    )
    assert response.status_code in (200, 302)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    after = reader_view(member)
    assert b"Freigegebener Untertitel" in after["home"]
    assert b"https://social.example.org/@vogtland" in after["home"]
    live = SiteSettings.objects.get(site=member.site)
    assert live.primary_colour == "#1d5c63"
    assert (
        b"--colour-primary:#1d5c63"
        in Client(HTTP_HOST=HOST).get(f"/brand.css?v={live.brand_version}").content
    )


def test_colours_keep_their_contrast_check_in_the_draft(public_member, member_editor):
    draftable = MemberSiteSettings.objects.get(member=public_member)
    editor = signed_in(member_editor)
    url = reverse(f"{SETTINGS_URL}:edit", args=[draftable.pk])
    data = settings_form(editor, url, draftable)
    data["primary_colour"] = "#ffee00"
    response = editor.post(url, data)
    assert response.status_code == 200
    assert "Kontrast" in response.content.decode()
    assert draftable.revisions.count() == 0 or (
        draftable.get_latest_revision_as_object().primary_colour != "#ffee00"
    )


def test_member_roles_cannot_add_or_delete_their_site_settings(public_member, member_editor):
    draftable = MemberSiteSettings.objects.get(member=public_member)
    editor = signed_in(member_editor)
    editor.post(reverse(f"{SETTINGS_URL}:delete", args=[draftable.pk]))
    assert MemberSiteSettings.objects.filter(pk=draftable.pk).exists()
    assert editor.get(reverse(f"{SETTINGS_URL}:add")).status_code in (302, 403)


# --- The quick exit: the LAG's decision ---------------------------------------------------------


def quick_exit_href(html):
    from html.parser import HTMLParser

    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag == "a" and "data-quick-exit" in attrs:
                found.append(attrs["href"])

    Links().feed(html)
    return found


def test_the_quick_exit_destination_is_not_a_member_setting(public_member, member_editor):
    member = public_member
    draftable = MemberSiteSettings.objects.get(member=member)
    editor = signed_in(member_editor)
    url = reverse(f"{SETTINGS_URL}:edit", args=[draftable.pk])
    data = settings_form(editor, url, draftable)
    assert "quick_exit_url" not in data
    data["quick_exit_url"] = "https://attacker.example/phish"
    data["action-submit"] = "1"
    editor.post(url, data)
    network_url = "/admin/settings/microsites/networksettings/"
    assert editor.get(network_url).status_code in (302, 403)
    editor.post(network_url, {"quick_exit_url": "https://attacker.example/phish"})
    assert NetworkSettings.load().quick_exit_url != "https://attacker.example/phish"
    html = Client(HTTP_HOST=HOST).get("/").content.decode()
    assert quick_exit_href(html) == ["https://www.wetter.de/"]


def test_lag_staff_choose_the_quick_exit_for_every_site(public_member, lag_staff):
    lag = signed_in(lag_staff)
    url = lag.get("/admin/settings/microsites/networksettings/")["Location"]
    data = edit_form(lag, url)
    data["quick_exit_url"] = "https://www.example.org/wetter"
    assert lag.post(url, data).status_code == 302
    for host in (HOST, "localhost"):
        html = Client(HTTP_HOST=host).get("/").content.decode()
        assert quick_exit_href(html) == ["https://www.example.org/wetter"], host


# --- Offers ----------------------------------------------------------------------------------------


def test_a_saved_change_to_a_live_offer_waits_for_approval(public_member, member_editor):
    offer = make_offer(public_member, "Beratung am Markt")
    before = reader_view(public_member)
    assert b"Beratung am Markt" in before["offers"]
    editor = signed_in(member_editor)
    url = reverse(f"{OFFER_URL}:edit", args=[offer.pk])
    data = edit_form(editor, url)
    data["name"] = "Umbenannte Beratung"
    data["website"] = "https://example.org/neu"
    assert editor.post(url, data).status_code == 302
    assert Offer.objects.get(pk=offer.pk).name == "Beratung am Markt"
    assert reader_view(public_member) == before


# --- Images and documents (no drafts in Wagtail) ---------------------------------------------------


def png_upload(name="ersatz.png", colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (60, 60), colour).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def logo_in_use(member):
    image = make_image("Vereinslogo", member.collection)
    draftable = MemberSiteSettings.objects.get(member=member)
    draftable.logo = image
    draftable.save_revision().publish()
    return image


@pytest.mark.parametrize(
    "change",
    [
        {"file": "upload"},
        {"title": "Neuer Titel"},
        {"description": "Neuer Alternativtext"},
        {
            "focal_point_x": "5",
            "focal_point_y": "5",
            "focal_point_width": "4",
            "focal_point_height": "4",
        },
    ],
    ids=["file", "title", "alt-text", "focal-point"],
)
def test_an_image_in_live_use_cannot_be_changed_by_a_member_editor(
    change, public_member, member_editor
):
    image = logo_in_use(public_member)
    original = (image.file.name, image.title, image.description, image.focal_point_x)
    before = reader_view(public_member)
    editor = signed_in(member_editor)
    url = f"/admin/images/{image.pk}/"
    data = edit_form(editor, url)
    if "file" in change:
        data["file"] = png_upload()
    else:
        data.update(change)
    response = editor.post(url, data)
    assert response.status_code == 200
    assert "wird gerade auf der veröffentlichten Website verwendet" in response.content.decode()
    image.refresh_from_db()
    assert (image.file.name, image.title, image.description, image.focal_point_x) == original
    assert reader_view(public_member) == before


def test_an_image_not_in_live_use_can_be_changed(public_member, member_editor):
    image = make_image("Entwurfsbild", public_member.collection)
    editor = signed_in(member_editor)
    url = f"/admin/images/{image.pk}/"
    data = edit_form(editor, url)
    data["title"] = "Neuer Titel"
    data["file"] = png_upload()
    assert editor.post(url, data).status_code == 302
    image.refresh_from_db()
    assert image.title == "Neuer Titel"


def test_lag_staff_may_replace_an_image_in_live_use(public_member, lag_staff):
    image = logo_in_use(public_member)
    lag = signed_in(lag_staff)
    url = f"/admin/images/{image.pk}/"
    data = edit_form(lag, url)
    data["file"] = png_upload()
    assert lag.post(url, data).status_code == 302


def document_on_live_page(member):
    document = get_document_model()(title="Flyer", collection=member.collection)
    document.file.save("flyer.pdf", ContentFile(b"%PDF-1.4 alt"), save=False)
    document.save()
    index = news_index_of(homes_of(member)["de"])
    page = make_news(index, title="Mit Flyer")[0]
    page = NewsPage.objects.get(pk=page.pk)
    page.body = [
        (
            "paragraph",
            f'<p data-block-key="a1"><a linktype="document" id="{document.pk}">Flyer</a></p>',
        )
    ]
    page.save_revision().publish()
    return document, page


@pytest.mark.parametrize("field", ["file", "title"])
def test_a_document_in_live_use_cannot_be_changed_by_a_member_editor(
    field, public_member, member_editor
):
    document, page = document_on_live_page(public_member)
    reader = Client(HTTP_HOST=HOST)
    served = b"".join(reader.get(document.url).streaming_content)
    editor = signed_in(member_editor)
    url = f"/admin/documents/edit/{document.pk}/"
    data = edit_form(editor, url)
    if field == "file":
        data["file"] = SimpleUploadedFile("flyer.pdf", b"%PDF-1.4 neu", "application/pdf")
    else:
        data["title"] = "Anderer Flyer"
    response = editor.post(url, data)
    assert response.status_code == 200
    assert "wird gerade auf der veröffentlichten Website verwendet" in response.content.decode()
    document.refresh_from_db()
    assert document.title == "Flyer"
    assert b"".join(reader.get(document.url).streaming_content) == served
