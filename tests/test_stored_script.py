"""Stored script: hostile strings through every door a member editor has stay inert.

A member editor puts hostile strings into page fields, every block type of the shared
``BaseStreamBlock``, rich text (as the editor's widget sends it), translations (the string
editor's PUT), offers, site settings and image and document titles. Every public page and every
admin view LAG staff use to review them (edit view, preview, compare, inbox, translation
editor) must render them inert: no executable ``<script>``, no ``on…=`` attribute, no
``javascript:`` address, no injected element – checked with an HTML parser."""

import json
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from home.blocks import BaseStreamBlock
from microsites.models import MemberSiteSettings
from news.models import NewsPage

from .factories import homes_of, make_image, make_news, news_index_of
from .fixtures_editorial import AdminSession
from .fixtures_legal import publish_legal_pages
from .test_directory import make_offer

pytestmark = pytest.mark.django_db

HOST = "queer-vogtland.localhost"
HOSTILE = [
    "Danke! <!--><img src=x onerror=alert(1)>-->",
    "x<!-- --!><img src=x onerror=alert(1)> -->",
    "<![CDATA[><img src=x onerror=alert(1)>]]>",
    "<script>alert(1)</script>",
    '" onmouseover="alert(1)',
    '<a href="javascript:alert(1)">klick</a>',
]
JAVASCRIPT_URL = "javascript:alert(1)"
EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}


class InertCheck(HTMLParser):
    """Collects what would run in a browser: scripts, event attributes, script URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self._script = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            url_attribute = name.lower() in ("href", "src", "action", "formaction", "data")
            script_url = (value or "").strip().lower().replace("\t", "").startswith("javascript:")
            if url_attribute and script_url:
                self.problems.append(f"<{tag} {name}={value!r}>")
        attrs = dict(attrs)
        if tag == "img" and attrs.get("src") == "x":
            self.problems.append("injected <img src=x>")
        if tag == "script":
            kind = (attrs.get("type") or "").strip().lower()
            self._script = kind in EXECUTABLE_TYPES and not attrs.get("src")

    def handle_data(self, data):
        if self._script and "alert(1)" in data:
            self.problems.append(f"script: {data[:80]!r}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    # Outside SVG and MathML a browser ends "<![CDATA[" and "<?" at the first ">", so the rest
    # is markup again; html.parser keeps it inside the declaration.
    def unknown_decl(self, data):
        if "<" in data or "alert(1)" in data:
            self.problems.append(f"markup in a declaration: {data[:80]!r}")

    def handle_pi(self, data):
        self.unknown_decl(data)

    def handle_comment(self, data):
        if "alert(1)" in data:
            self.problems.append(f"comment carrying markup: {data[:80]!r}")


def assert_inert(response, where):
    assert response.status_code == 200, (where, response.status_code)
    parser = InertCheck()
    parser.feed(response.content.decode())
    assert parser.problems == [], where


def assert_public_page_clean(response, where):
    """Public pages carry no script at all but JSON-LD (CSP-ready), on top of being inert."""
    assert_inert(response, where)

    class Scripts(HTMLParser):
        found = []

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if (
                tag == "script"
                and attrs.get("type") != "application/ld+json"
                and not attrs.get("src")
            ):
                self.found.append(attrs)

    scripts = Scripts()
    scripts.found = []
    scripts.feed(response.content.decode())
    assert scripts.found == [], where


@pytest.mark.parametrize("hostile", HOSTILE[:4] + ['<p title="x" onmouseover="alert(1)">'])
def test_the_check_notices_executable_markup(hostile):
    """The parser-based check is not blind: unescaped hostile strings fail it."""
    from django.http import HttpResponse

    with pytest.raises(AssertionError):
        assert_inert(HttpResponse(f"<main>{hostile}</main>"), "raw")


def contentstate(*texts, link_url=JAVASCRIPT_URL):
    """Rich text as the Draftail widget posts it: the texts as typed, the first word linked."""
    blocks = [
        {
            "key": f"k{number}",
            "type": "unstyled",
            "text": text,
            "depth": 0,
            "inlineStyleRanges": [],
            "entityRanges": [{"offset": 0, "length": 1, "key": 0}] if number == 0 else [],
        }
        for number, text in enumerate(texts)
    ]
    entity_map = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}}
    return json.dumps({"blocks": blocks, "entityMap": entity_map})


@pytest.fixture
def public_member(member):
    if not member.legal_pages_live:
        publish_legal_pages(member)
    return member


@pytest.fixture
def editor(member_editor):
    return AdminSession(member_editor)


@pytest.fixture
def lag(lag_staff):
    return AdminSession(lag_staff)


def hostile_media(member, editor):
    """An image and a document whose titles (and alt text) the editor made hostile through
    their edit forms."""
    image = make_image("Bild", member.collection)
    url = f"/admin/images/{image.pk}/"
    data = querydict_from_html(editor.get(url).content.decode(), form_id="w-editor-form")
    data["title"] = HOSTILE[3]
    data["description"] = HOSTILE[4]
    assert editor.post(url, data).status_code == 302
    document = get_document_model()(title="Flyer", collection=member.collection)
    document.file.save("flyer.pdf", ContentFile(b"%PDF-1.4"), save=False)
    document.save()
    url = f"/admin/documents/edit/{document.pk}/"
    data = querydict_from_html(editor.get(url).content.decode(), form_id="w-editor-form")
    data["title"] = HOSTILE[0]
    assert editor.post(url, data).status_code == 302
    return image, document


def every_block(image, document):
    """One block of every type of BaseStreamBlock, each field a hostile string."""
    return [
        ("heading", {"text": HOSTILE[0], "level": "h2"}),
        ("paragraph", contentstate(*HOSTILE)),
        (
            "image",
            {
                "image": str(image.pk),
                "alt_text": HOSTILE[4],
                "decorative": "",
                "caption": HOSTILE[1],
                "credit": HOSTILE[2],
            },
        ),
        ("quote", {"text": HOSTILE[3], "attribution": HOSTILE[4]}),
        (
            "call_to_action",
            {
                "title": HOSTILE[5],
                "text": HOSTILE[0],
                "button_label": HOSTILE[4],
                "page": "",
                "external_url": "https://example.org/",
            },
        ),
        (
            "accordion",
            {
                "title": HOSTILE[1],
                "items": [{"question": HOSTILE[2], "answer": contentstate(HOSTILE[3])}],
            },
        ),
        ("downloads", {"title": HOSTILE[3], "documents": [str(document.pk)]}),
    ]


def _flatten(prefix, value, data):
    if isinstance(value, dict):
        for name, child in value.items():
            _flatten(f"{prefix}-{name}", child, data)
    elif isinstance(value, list):
        data[f"{prefix}-count"] = str(len(value))
        for number, item in enumerate(value):
            _flatten(f"{prefix}-{number}-value", item, data)
            data[f"{prefix}-{number}-deleted"] = ""
            data[f"{prefix}-{number}-order"] = str(number)
            data[f"{prefix}-{number}-id"] = ""
    else:
        data[prefix] = value


def body_form_data(items):
    """The body StreamField as its widget posts it."""
    data = {"body-count": str(len(items))}
    for number, (block_type, value) in enumerate(items):
        data[f"body-{number}-type"] = block_type
        data[f"body-{number}-deleted"] = ""
        data[f"body-{number}-order"] = str(number)
        data[f"body-{number}-id"] = ""
        _flatten(f"body-{number}-value", value, data)
    return data


class _AnyObject:
    pk = 1


def test_the_stream_blocks_covered_are_all_of_base_stream_block():
    covered = {name for name, _value in every_block(_AnyObject, _AnyObject)}
    assert covered == set(BaseStreamBlock.base_blocks)


def test_a_hostile_page_stays_inert_in_every_review_view_and_on_the_public_page(
    public_member, editor, lag
):
    image, document = hostile_media(public_member, editor)
    index = news_index_of(homes_of(public_member)["de"])
    page = make_news(index, title="Harmlos")[0]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data, _response = editor.page_form(url)
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    data.update(body_form_data(every_block(image, document)))
    data["title"] = HOSTILE[0]
    data["teaser"] = HOSTILE[1] + HOSTILE[4]
    data["action-submit"] = "1"
    response = editor.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = NewsPage.objects.get(pk=page.pk)
    revision = page.get_latest_revision()
    assert len(revision.as_object().body) == len(every_block(image, document))

    # LAG staff review it.
    state = WorkflowState.objects.for_instance(page).get()
    task_state = state.current_task_state
    live = page.live_revision_id
    for where in (
        url,
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", revision.pk]),
        reverse("wagtailadmin_pages:workflow_preview", args=[page.pk, task_state.task_id]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        "/admin/redaktion/freigaben/",
        "/admin/",
        "/admin/images/",
        f"/admin/images/{image.pk}/",
        "/admin/documents/",
    ):
        assert_inert(lag.get(where), where)
    assert live is not None

    response = lag.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live and page.title == HOSTILE[0]

    reader = Client(HTTP_HOST=HOST)
    for where in (page.url, "/aktuelles/", "/", "/suche/?q=Danke"):
        assert_public_page_clean(reader.get(where), where)
    umbrella = Client(HTTP_HOST="localhost")
    assert_public_page_clean(umbrella.get("/"), "umbrella home")


def test_javascript_urls_are_refused_or_dropped(public_member, editor):
    index = news_index_of(homes_of(public_member)["de"])
    page = make_news(index, title="Mit Link")[0]
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data, _response = editor.page_form(url)
    for key in [key for key in data if key.startswith("body-")]:
        del data[key]
    cta = {
        "title": "Los",
        "text": "",
        "button_label": "Los",
        "page": "",
        "external_url": JAVASCRIPT_URL,
    }
    data.update(body_form_data([("call_to_action", cta)]))
    response = editor.post(url, data)
    assert response.status_code == 200, "the form refuses a javascript: address"
    latest = NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert "javascript" not in str(list(latest.body.raw_data))

    data.update(body_form_data([("paragraph", contentstate("Klick hier"))]))
    assert editor.post(url, data).status_code == 302
    stored = NewsPage.objects.get(pk=page.pk).get_latest_revision_as_object().body.raw_data
    assert "javascript" not in str(list(stored)), "the rich text link loses its address"


# --- Translations: wagtail-localize's string editor ----------------------------------------------


@pytest.fixture
def translation(public_member):
    """An enabled translation of a live news item (as a synced translation started by LAG)."""
    index = news_index_of(homes_of(public_member)["de"])
    page = make_news(index, title="Dankeschön", teaser="Ein Dank an alle.")[0]
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en"), enabled=True
    )
    translation.save_target(publish=False)
    return translation


def string_url(translation, segment):
    return f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"


def put(session, url, value):
    """The string editor's request: a PUT with the form-encoded value."""
    from urllib.parse import urlencode

    return session.client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


@pytest.mark.parametrize(
    "hostile", HOSTILE[:4], ids=["comment", "bogus-comment", "cdata", "script"]
)
def test_hostile_translations_are_sanitised_before_they_are_stored(
    hostile, translation, editor, lag, django_capture_on_commit_callbacks
):
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    response = put(editor, string_url(translation, segment), hostile)
    assert response.status_code in (200, 201), response.content[:500]
    stored = StringTranslation.objects.get(
        translation_of_id=segment.string_id, locale=translation.target_locale
    ).data
    for fragment in ("<img", "<!--", "CDATA", "<script", "onerror"):
        assert fragment not in stored, stored

    target = translation.get_target_instance()
    for where in (
        f"/admin/pages/{target.pk}/edit/",
        f"/admin/localize/translate/{translation.pk}/preview/",
    ):
        assert_inert(lag.get(where), where)
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=lag.user, publish=True)
    reader = Client(HTTP_HOST=HOST)
    target = Page.objects.get(pk=target.pk)
    assert_public_page_clean(reader.get(target.url), "translated page")


def test_a_disabled_translation_refuses_string_edits(translation, editor):
    segment = StringSegment.objects.filter(source=translation.source).first()
    translation.enabled = False
    translation.save()
    response = put(editor, string_url(translation, segment), "Neuer Text")
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=translation.target_locale
    ).exists()


def test_the_string_editor_keeps_other_members_translations_hidden(
    translation, other_member, network
):
    from .factories import make_user

    outsider = AdminSession(make_user("redaktion-lausitz", other_member.editors_group))
    segment = StringSegment.objects.filter(source=translation.source).first()
    assert put(outsider, string_url(translation, segment), "x").status_code == 404


def test_translated_strings_keep_the_markup_segments_may_hold(translation, editor):
    segment = StringSegment.objects.filter(source=translation.source).first()
    value = 'Thanks <b>to all</b> &amp; <a id="a1">you</a>'
    put(editor, string_url(translation, segment), value)
    stored = StringTranslation.objects.get(
        translation_of_id=segment.string_id, locale=translation.target_locale
    ).data
    assert stored == value


# --- Snippets and settings --------------------------------------------------------------------------

OFFER_URL = "wagtailsnippets_directory_offer"
SETTINGS_URL = "wagtailsnippets_microsites_membersitesettings"


def test_a_hostile_offer_stays_inert_for_lag_staff_and_readers(public_member, editor, lag):
    offer = make_offer(public_member, "Beratung")
    url = reverse(f"{OFFER_URL}:edit", args=[offer.pk])
    data = querydict_from_html(editor.get(url).content.decode(), form_id="w-editor-form")
    data["website"] = JAVASCRIPT_URL
    response = editor.post(url, data)
    assert response.status_code == 200, "a javascript: address is refused"
    data["website"] = "https://example.org/"
    data["name"] = HOSTILE[0][:200]
    data["description"] = HOSTILE[1] + HOSTILE[4]
    data["hours"] = HOSTILE[3]
    data["town"] = HOSTILE[2][:100]
    data["action-submit"] = "1"
    assert editor.post(url, data).status_code == 302
    offer.refresh_from_db()
    revision = offer.latest_revision
    state = WorkflowState.objects.for_instance(offer).get()
    task_state = state.current_task_state
    for where in (
        url,
        reverse(f"{OFFER_URL}:history", args=[offer.pk]),
        reverse(f"{OFFER_URL}:revisions_compare", args=[offer.pk, "live", revision.pk]),
        reverse(f"{OFFER_URL}:list"),
        "/admin/redaktion/freigaben/",
    ):
        assert_inert(lag.get(where), where)
    lag.post(reverse(f"{OFFER_URL}:workflow_action", args=[offer.pk, "approve", task_state.pk]))
    offer.refresh_from_db()
    assert offer.live and offer.name == HOSTILE[0][:200]
    for host, path in (("localhost", "/angebote/"), (HOST, "/angebote/")):
        assert_public_page_clean(Client(HTTP_HOST=host).get(path), f"{host}{path}")


def test_hostile_site_settings_stay_inert_for_lag_staff_and_readers(public_member, editor, lag):
    settings = MemberSiteSettings.objects.get(member=public_member)
    url = reverse(f"{SETTINGS_URL}:edit", args=[settings.pk])
    data = querydict_from_html(editor.get(url).content.decode(), form_id="w-editor-form")
    data.update(
        {
            "social_links-count": "1",
            "social_links-0-type": "link",
            "social_links-0-deleted": "",
            "social_links-0-order": "0",
            "social_links-0-id": "",
            "social_links-0-value-platform": "other",
            "social_links-0-value-url": JAVASCRIPT_URL,
            "social_links-0-value-label": HOSTILE[4],
        }
    )
    assert editor.post(url, data).status_code == 200, "a javascript: address is refused"
    data["social_links-0-value-url"] = "https://social.example.org/@x"
    data["site_name"] = HOSTILE[0]
    data["tagline"] = HOSTILE[1]
    data["contact_address"] = HOSTILE[3]
    data["contact_phone"] = HOSTILE[4][:40]
    data["action-submit"] = "1"
    assert editor.post(url, data).status_code == 302
    settings.refresh_from_db()
    state = WorkflowState.objects.for_instance(settings).get()
    task_state = state.current_task_state
    for where in (
        url,
        reverse(f"{SETTINGS_URL}:history", args=[settings.pk]),
        reverse(
            f"{SETTINGS_URL}:revisions_compare",
            args=[settings.pk, "live", settings.latest_revision_id],
        ),
        "/admin/redaktion/freigaben/",
    ):
        assert_inert(lag.get(where), where)
    lag.post(
        reverse(f"{SETTINGS_URL}:workflow_action", args=[settings.pk, "approve", task_state.pk])
    )
    reader = Client(HTTP_HOST=HOST)
    for where in ("/", "/en/", "/aktuelles/", "/impressum/"):
        assert_public_page_clean(reader.get(where), where)
    assert HOSTILE[1].split("<")[0] in reader.get("/").content.decode()
    assert_public_page_clean(Client(HTTP_HOST="localhost").get("/mitglieder/"), "members")
