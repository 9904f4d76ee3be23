"""No input reaches a server error: out-of-range numbers and impossible dates in the API, forms
posted without their management fields, corrupt and oversized images, oversized bodies. Each
answers 400, 413 or a form error in the user's language."""

import io
import struct
import zlib
from importlib import reload

import pytest
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from microsites.models import MemberSiteSettings
from microsites.provisioning import member_homes

API_ENDPOINTS = ["pages", "news", "events", "offers", "images", "documents", "members", "districts"]
HUGE = str(2**63)


@pytest.fixture
def api(network):
    return Client(HTTP_HOST="localhost", raise_request_exception=False)


def test_out_of_range_numbers_in_the_api_answer_400(api):
    for endpoint in API_ENDPOINTS:
        for param in ("offset", "limit"):
            for value in (HUGE, "99999999999999999999999999", "-1", "1e9", "abc"):
                response = api.get(f"/api/v2/{endpoint}/", {param: value})
                assert response.status_code == 400, (endpoint, param, value)
                assert param in response.json()["message"]


def test_impossible_dates_in_the_api_answer_400(api):
    for path in (
        "/api/v2/news/?date_from=2026-02-30",
        "/api/v2/news/?date_to=0000-00-00",
        "/api/v2/news/?date_from=2026-13-01",
        "/api/v2/events/?start_from=2026-02-30",
        "/api/v2/events/?start_to=9999-99-99",
    ):
        response = api.get(path)
        assert response.status_code == 400, path
        assert "is not a date" in response.json()["message"]


def test_a_large_offset_in_range_is_an_empty_page(api):
    response = api.get("/api/v2/pages/", {"offset": str(2**31 - 1)})
    assert response.status_code == 200
    assert response.json()["items"] == []


# --- Forms posted without their management fields --------------------------------------------


def _admin(user, language="de"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client(HTTP_HOST="localhost", raise_request_exception=False)
    client.force_login(user)
    return client


def _form(client, url, form_id):
    response = client.get(url)
    assert response.status_code == 200, url
    return querydict_from_html(response.content.decode(), form_id=form_id)


def test_a_page_edit_without_the_body_count_answers_400_and_saves_nothing(member, member_editor):
    home = member_homes(member)["de"]
    client = _admin(member_editor)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk])
    data = _form(client, url, "page-edit-form")
    data["title"], data["slug"] = "Ohne Zähler", "ohne-zaehler"
    data.pop("body-count", None)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Das Formular ist unvollständig angekommen" in response.content.decode()
    assert not home.get_children().filter(slug="ohne-zaehler").exists()


def test_site_settings_without_the_social_links_count_answer_400_in_english(member, lag_staff):
    client = _admin(lag_staff, "en")
    url = f"/admin/settings/microsites/sitesettings/{member.site.pk}/"
    data = _form(client, url, None)
    data.pop("social_links-count", None)
    response = client.post(url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "The form arrived incomplete" in html
    assert 'lang="en"' in html


# --- Images --------------------------------------------------------------------------------------


def _png(width=40, height=30):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (width, height), (91, 42, 134)).save(buffer, "PNG")
    return buffer.getvalue()


def _chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def _png_with_garbage_idat():
    header = struct.pack(">IIBBBBB", 64, 64, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", b"\x13\x37garbage-not-zlib" * 8)
        + _chunk(b"IEND", b"")
    )


def _bomb_png(width, height):
    """A tiny file that claims (and holds) a huge, uniform image."""
    row = b"\x00" + b"\x00" * width  # filter byte + one grey byte per pixel
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


CORRUPT_IMAGES = {
    "truncated.png": lambda: _png()[:60],
    "garbage-idat.png": _png_with_garbage_idat,
    "header-only.jpg": lambda: (
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    ),
    "text.png": lambda: b"this is not an image at all",
    "empty.webp": lambda: b"",
}


def _upload_form(client):
    url = reverse("wagtailimages:add")
    data = _form(client, url, None)
    return url, data


@pytest.mark.parametrize("name", sorted(CORRUPT_IMAGES))
def test_a_corrupt_image_upload_is_a_form_error(member_editor, name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _admin(member_editor)
    url, data = _upload_form(client)
    data = data.dict()
    data["title"] = "Kaputt"
    data["file"] = SimpleUploadedFile(name, CORRUPT_IMAGES[name]())
    before = get_image_model().objects.count()
    response = client.post(url, data)
    assert response.status_code == 200, response.status_code
    assert 'class="error-message"' in response.content.decode() or "error" in (
        response.content.decode()
    )
    assert get_image_model().objects.count() == before


def test_a_corrupt_image_in_the_multiple_upload_is_refused_with_a_message(member_editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _admin(member_editor, "en")
    url = reverse("wagtailimages:add_multiple")
    collection = _form(client, url, None).get("collection")
    data = {"files[]": SimpleUploadedFile("truncated.png", _png()[:60])}
    if collection:
        data["collection"] = collection
    response = client.post(url, data, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert get_image_model().objects.count() == 0


def test_a_decompression_bomb_is_refused_before_it_is_decoded(member_editor, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _admin(member_editor, "en")
    url, data = _upload_form(client)
    data = data.dict()
    data["title"] = "Bombe"
    bomb = _bomb_png(7000, 5000)
    assert len(bomb) < 200_000
    data["file"] = SimpleUploadedFile("bomb.png", bomb)
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "too many pixels" in html, html[-2000:]
    assert get_image_model().objects.count() == 0
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 7000 * 5000


def test_an_ordinary_image_still_uploads(member_editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = _admin(member_editor)
    url, data = _upload_form(client)
    data = data.dict()
    data["title"] = "Ganz normal"
    data["file"] = SimpleUploadedFile("normal.png", _png())
    response = client.post(url, data)
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Ganz normal").exists()


# --- Request bodies ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/kontakt/", "/admin/login/", "/en/contact/", "/api/v2/pages/"])
def test_a_200_mib_body_is_refused_before_it_is_read(network, path):
    class Unreadable(io.RawIOBase):
        def read(self, *args):
            raise AssertionError("the body was read")

    client = Client(HTTP_HOST="localhost")
    response = client.generic(
        "POST",
        path,
        data=b"",
        content_type="application/x-www-form-urlencoded",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    html = response.content.decode()
    expected = "At most 32 MB" if path.startswith("/en/") else "höchstens 32 MB"
    assert expected in html


def test_a_document_of_almost_20_mb_still_uploads(member_editor, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    client = _admin(member_editor)
    url = reverse("wagtaildocs:add")
    data = _form(client, url, None).dict()
    data["title"] = "Großes PDF"
    data["file"] = SimpleUploadedFile("gross.pdf", b"%PDF-1.4\n" + b"0" * (19 * 1024 * 1024))
    response = client.post(url, data)
    assert response.status_code == 302, response.status_code
    assert get_document_model().objects.filter(title="Großes PDF").exists()


# --- Media in development ------------------------------------------------------------------------


def test_the_development_server_serves_no_document_files(settings):
    import config.urls

    settings.DEBUG = True
    try:
        urls = reload(config.urls)
        with pytest.raises(Resolver404):
            resolve("/media/documents/entwurf.pdf", urls)
        assert resolve("/media/images/bild.width-400.webp", urls).func.__name__ == "serve_image"
        assert resolve("/media/original_images/bild.png", urls).func.__name__ == "serve_image"
    finally:
        settings.DEBUG = False
        reload(config.urls)


def test_a_member_editor_posting_site_settings_without_the_count_gets_400(member, member_editor):
    # Member editors change their site's settings through the approved draft.
    client = _admin(member_editor)
    draft = MemberSiteSettings.objects.get(member=member)
    url = f"/admin/snippets/microsites/membersitesettings/edit/{draft.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id=None)
    data.pop("social_links-count", None)
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Das Formular ist unvollständig angekommen" in response.content.decode()
