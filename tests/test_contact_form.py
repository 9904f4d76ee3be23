"""The contact form: no cookie for readers, origin check instead of a CSRF cookie, honeypot,
time stamp, rate limit, anonymous contact, retention notice, e-mail to the chosen address."""

import re
import time

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, FormSubmission

from contact import spam
from contact.models import MAX_MESSAGE_LENGTH, ContactFormField, ContactPage

from .factories import homes_of

HOST = "queer-vogtland.localhost"
ORIGIN = f"http://{HOST}"


@pytest.fixture
def contact_pages(member):
    homes = homes_of(member)
    return {code: ContactPage.objects.child_of(home).get().specific for code, home in homes.items()}


@pytest.fixture
def reader():
    # Enforce CSRF as a browser would meet it: the test client skips it by default.
    return Client(HTTP_HOST=HOST, enforce_csrf_checks=True, REMOTE_ADDR="203.0.113.7")


def form_data(page, **fields):
    """A filled-in form as a person sends it: the time stamp is ten seconds old."""
    data = {field.clean_name: "" for field in page.get_form_fields()}
    data.update(
        {
            "name_freiwillig": "Kim",
            "e_mail_adresse_fur_die_antwort": "kim@example.net",
            "nachricht": "Hallo, ich hätte eine Frage zur Beratung.",
            spam.STARTED_FIELD: spam.started_token(time.time() - 10),
            spam.HONEYPOT_FIELD: "",
        }
    )
    data.update(fields)
    return data


def post(client, page, data, **headers):
    headers.setdefault("HTTP_ORIGIN", ORIGIN)
    return client.post(page.url, data, **headers)


def test_reading_the_form_sets_no_cookie_and_shows_what_is_stored(reader, contact_pages):
    response = reader.get("/kontakt/")
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Wir speichern Ihre Nachricht 90 Tage" in html
    assert "danach wird sie automatisch gelöscht" in html
    assert "Ihre Nachricht geht per E-Mail an" in html


def test_the_notice_follows_the_retention_period_in_english(reader, contact_pages):
    page = contact_pages["en"]
    page.retention_days = 30
    page.save_revision().publish()
    html = reader.get("/en/contact/").content.decode()
    assert "We keep your message for 30 days" in html
    assert "then it is deleted automatically" in html


def test_the_honeypot_is_hidden_from_people(reader, contact_pages):
    html = reader.get("/kontakt/").content.decode()
    assert 'class="contact-trap" aria-hidden="true"' in html
    trap = html.split(f'name="{spam.HONEYPOT_FIELD}"')[1].split(">")[0]
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap
    assert "Dieses Feld bitte leer lassen" in html


def test_a_message_is_stored_and_mailed_to_the_chosen_address(reader, contact_pages, mailoutbox):
    page = contact_pages["de"]
    page.to_address = "beratung@queer-vogtland.example.org"
    page.save_revision().publish()
    response = post(reader, page, form_data(page))
    assert response.status_code == 200
    assert "Danke, Ihre Nachricht ist angekommen." in response.content.decode()
    assert not response.cookies
    submission = FormSubmission.objects.get(page=page)
    assert submission.get_data()["nachricht"] == "Hallo, ich hätte eine Frage zur Beratung."
    assert set(submission.form_data) == {
        "name_freiwillig",
        "e_mail_adresse_fur_die_antwort",
        "nachricht",
    }, "neither the honeypot nor the time stamp is stored"
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["beratung@queer-vogtland.example.org"]
    assert mail.reply_to == ["kim@example.net"]
    assert "Hallo, ich hätte eine Frage" in mail.body
    assert "203.0.113.7" not in mail.body
    assert "90 Tagen automatisch" in mail.body


def test_a_referer_of_the_same_site_is_enough_without_origin(reader, contact_pages):
    page = contact_pages["de"]
    response = reader.post(page.url, form_data(page), HTTP_REFERER=f"{ORIGIN}/kontakt/")
    assert response.status_code == 200
    assert FormSubmission.objects.filter(page=page).count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "http://rosa-lausitz.localhost"},
        {"HTTP_ORIGIN": None, "HTTP_REFERER": "https://evil.example/form"},
        {"HTTP_ORIGIN": None},
    ],
    ids=["foreign-origin", "other-member-origin", "foreign-referer", "no-origin-no-referer"],
)
def test_a_post_from_elsewhere_is_refused_and_nothing_stored(
    reader, contact_pages, mailoutbox, headers
):
    page = contact_pages["de"]
    headers = {key: value for key, value in headers.items() if value is not None}
    if "HTTP_ORIGIN" not in headers:
        response = reader.post(page.url, form_data(page), **headers)
    else:
        response = post(reader, page, form_data(page), **headers)
    assert response.status_code == 403
    assert "Nachricht nicht angenommen" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_other_posts_keep_djangos_csrf_protection(reader, contact_pages):
    # The origin check replaces the cookie only for contact pages.
    response = reader.post("/aktuelles/", {}, HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 403


def test_a_filled_honeypot_gets_a_neutral_answer_and_nothing_is_kept(
    reader, contact_pages, mailoutbox
):
    page = contact_pages["de"]
    response = post(reader, page, form_data(page, **{spam.HONEYPOT_FIELD: "https://spam.example"}))
    assert response.status_code == 200
    assert "Danke, Ihre Nachricht ist angekommen." in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.parametrize(
    "started",
    [lambda: spam.started_token(), lambda: "", lambda: "form:1:forged"],
    ids=["too-fast", "missing", "forged"],
)
def test_forms_sent_too_fast_or_without_a_valid_time_stamp_are_not_kept(
    reader, contact_pages, mailoutbox, started
):
    page = contact_pages["de"]
    response = post(reader, page, form_data(page, **{spam.STARTED_FIELD: started()}))
    assert response.status_code == 200
    assert "Danke" in response.content.decode()
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


def test_a_form_left_open_too_long_is_shown_again_with_the_text(reader, contact_pages, settings):
    settings.CONTACT_FORM_MAX_AGE = 60
    page = contact_pages["de"]
    data = form_data(page, **{spam.STARTED_FIELD: spam.started_token(time.time() - 120)})
    response = post(reader, page, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Das Formular war zu lange geöffnet" in html
    assert "ich hätte eine Frage zur Beratung" in html
    assert FormSubmission.objects.count() == 0


def test_the_sixth_message_within_ten_minutes_is_refused_with_the_text_kept(
    reader, contact_pages, mailoutbox
):
    page = contact_pages["de"]
    for number in range(5):
        response = post(reader, page, form_data(page, nachricht=f"Nachricht {number}"))
        assert response.status_code == 200
    response = post(reader, page, form_data(page, nachricht="Meine sechste Nachricht"))
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bitte warten Sie zehn Minuten" in html
    assert "Meine sechste Nachricht" in html, "the reader's text is not lost"
    assert FormSubmission.objects.filter(page=page).count() == 5
    assert len(mailoutbox) == 5
    # Another address is not affected.
    other = Client(HTTP_HOST=HOST, enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.20")
    assert post(other, page, form_data(page)).status_code == 200


def test_the_limit_message_is_in_the_readers_language(reader, contact_pages, settings):
    settings.CONTACT_RATE_LIMIT = (1, 600)
    page = contact_pages["en"]
    data = form_data(page)
    data = {
        "name_optional": "Kim",
        "email_address_for_a_reply": "",
        "message": "First",
        spam.STARTED_FIELD: data[spam.STARTED_FIELD],
    }
    assert post(reader, page, data).status_code == 200
    response = post(reader, page, {**data, "message": "Second message"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "Please wait ten minutes" in html
    assert "Second message" in html


def test_the_address_is_counted_only_as_a_keyed_hash(reader, contact_pages):
    page = contact_pages["de"]
    post(reader, page, form_data(page))
    # The limits live in the shared "limits" cache (a database table in the tests).
    table = settings.CACHES["limits"]["LOCATION"]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key, value FROM {table}")  # noqa: S608
        rows = cursor.fetchall()
    counters = [key for key, _value in rows if "contact:submissions" in key]
    assert len(counters) == 1
    assert "203.0.113.7" not in counters[0]
    assert "203.0.113.7" not in repr(rows)


def test_invalid_input_is_shown_again_with_clear_messages(reader, contact_pages):
    page = contact_pages["de"]
    response = post(
        reader,
        page,
        form_data(page, nachricht="", e_mail_adresse_fur_die_antwort="keine-adresse"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fehler: " in html
    summary = re.search(r'<div class="error-summary"[^>]*>(.*?)</div>\s*</div>', html, re.S)
    assert summary and "autofocus" in summary.group(0)
    # Each problem in the summary links to its field.
    assert re.search(r'<a href="#id_nachricht">Nachricht: [^<]*ausgefüllt', summary.group(1))
    assert '<a href="#id_e_mail_adresse_fur_die_antwort">' in summary.group(1)
    assert "Gib eine gültige E-Mail Adresse an." in html
    assert 'value="keine-adresse"' in html
    # aria-describedby of every field points at elements that exist.
    for ids in re.findall(r'aria-describedby="([^"]+)"', html):
        for target in ids.split():
            assert f'id="{target}"' in html, target
    assert FormSubmission.objects.count() == 0


def test_name_and_email_fields_name_their_purpose(reader, contact_pages):
    html = reader.get(contact_pages["de"].url).content.decode()
    assert re.search(r'<input type="email"[^>]*autocomplete="email"', html)
    assert re.search(r'<input type="text" name="name[^>]*autocomplete="name"', html)


def test_an_overlong_message_is_refused_with_a_message(reader, contact_pages):
    page = contact_pages["de"]
    response = post(reader, page, form_data(page, nachricht="x" * (MAX_MESSAGE_LENGTH + 1)))
    assert response.status_code == 200
    assert "höchstens 10000 Zeichen" in response.content.decode()
    assert FormSubmission.objects.count() == 0


def test_anonymous_contact_asks_for_no_name_and_no_required_email(reader, contact_pages):
    page = contact_pages["de"]
    page.anonymous_contact = True
    page.save_revision().publish()
    ContactFormField.objects.filter(page=page, field_type="email").update(required=True)
    html = reader.get("/kontakt/").content.decode()
    assert "Name (freiwillig)" not in html
    assert "Sie können uns anonym schreiben" in html
    data = form_data(page)
    del data["name_freiwillig"]
    data["e_mail_adresse_fur_die_antwort"] = ""
    response = post(reader, page, data)
    assert response.status_code == 200
    submission = FormSubmission.objects.get(page=page)
    assert "name_freiwillig" not in submission.form_data
    # Even a name someone sends along is not stored.
    post(reader, page, {**data, "name_freiwillig": "Kim"})
    assert all("name_freiwillig" not in s.form_data for s in FormSubmission.objects.all())


def test_the_form_builder_offers_no_file_upload():
    types = {code for code, _label in FORM_FIELD_CHOICES}
    assert not {"file", "document", "image", "upload"} & types
    assert {"singleline", "multiline", "email"} <= types


@pytest.mark.parametrize(
    ("days", "message"),
    [
        (0, "Nachrichten werden mindestens 1 Tag aufbewahrt."),
        (366, "Nachrichten dürfen höchstens 365 Tage aufbewahrt werden."),
    ],
)
def test_the_retention_period_is_between_one_day_and_a_year(contact_pages, days, message):
    page = contact_pages["de"]
    page.retention_days = days
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["retention_days"] == [message]


def test_a_contact_form_cannot_be_published_without_a_recipient(contact_pages):
    page = contact_pages["de"]
    page.to_address = ""
    page.save_revision(clean=False)  # a draft may be incomplete
    with pytest.raises(ValidationError) as error:
        page.get_latest_revision().publish()
    assert error.value.message_dict["to_address"] == [
        "Geben Sie an, an welche E-Mail-Adresse die Nachrichten gehen sollen."
    ]
    page.to_address = "kein@adresse@"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_provisioning_leaves_a_form_without_recipient_as_draft(network, settings):
    from .factories import make_member

    member = make_member("ohne-adresse", contact_email="")
    page = ContactPage.objects.child_of(homes_of(member)["de"]).get()
    assert not page.live
    umbrella = ContactPage.objects.child_of(network["de"]).get()
    assert not umbrella.live, "NETWORK_CONTACT_EMAIL is empty in the tests"


def test_a_form_shown_again_after_an_error_keeps_its_first_time_stamp(reader, contact_pages):
    page = contact_pages["de"]
    started = spam.started_token(time.time() - 10)
    response = post(reader, page, form_data(page, nachricht="", **{spam.STARTED_FIELD: started}))
    assert f'value="{started}"' in response.content.decode()
    # Corrected at once: still accepted, because the form was first shown ten seconds ago.
    post(reader, page, form_data(page, **{spam.STARTED_FIELD: started}))
    assert FormSubmission.objects.filter(page=page).count() == 1


def test_in_the_admin_a_contact_form_without_recipient_cannot_be_published(
    contact_pages, lag_staff
):
    from wagtail.test.utils.form_data import querydict_from_html

    page = contact_pages["de"]
    client = Client(HTTP_HOST="localhost")
    client.force_login(lag_staff)
    url = f"/admin/pages/{page.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    data["to_address"] = ""
    data["retention_days"] = "30"
    assert client.post(url, data).status_code == 302, "a draft may lack the recipient"

    data["action-publish"] = "action-publish"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Geben Sie an, an welche E-Mail-Adresse die Nachrichten gehen sollen." in (
        response.content.decode()
    )
    data["to_address"] = "team@queer-vogtland.example.org"
    data["retention_days"] = "400"
    response = client.post(url, data)
    assert "Nachrichten dürfen höchstens 365 Tage aufbewahrt werden." in (response.content.decode())
    data["retention_days"] = "30"
    assert client.post(url, data).status_code == 302
    live = ContactPage.objects.get(pk=page.pk)
    assert live.to_address == "team@queer-vogtland.example.org"
    assert live.retention_days == 30


class BrokenMailServer:
    """An e-mail backend whose server does not answer."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_a_failing_mail_server_loses_no_message_and_shows_no_error(reader, contact_pages, settings):
    settings.EMAIL_BACKEND = "tests.test_contact_form.BrokenMailServer"
    page = contact_pages["de"]
    response = post(reader, page, form_data(page))
    assert response.status_code == 200
    assert "Danke, Ihre Nachricht ist angekommen." in response.content.decode()
    assert FormSubmission.objects.filter(page=page).count() == 1
