"""Passwords: at least 12 characters and not on the list of common passwords; the password reset
tells nobody whether an address has an account; admin sessions end; no gravatar requests."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from .fixtures_accounts import DASHBOARD, PASSWORD, new_client, sign_in


@pytest.mark.parametrize("password", ["passwort123", "Sommer2026!", "kurz-11-zei", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["netzwerk-demo", PASSWORD, "Regenbogen-Plauen-26"])
def test_the_demo_and_test_passwords_are_accepted(password):
    validate_password(password)


def test_the_admin_password_change_refuses_a_short_password(member_editor):
    client = new_client()
    sign_in(client, member_editor.username)
    page = client.get("/admin/account/").content.decode()
    field = re.search(r'name="(password-new_password1)"', page)
    assert field, "the account page offers the password change"
    response = client.post(
        "/admin/account/",
        {
            "password-old_password": PASSWORD,
            "password-new_password1": "Sommer2026!",
            "password-new_password2": "Sommer2026!",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "mindestens 12 Zeichen" in html
    member_editor.refresh_from_db()
    assert member_editor.check_password(PASSWORD)


def reset_request(client, email):
    page = client.get("/admin/password_reset/")
    assert 'name="email"' in page.content.decode()
    return client.post("/admin/password_reset/", {"email": email}, follow=True)


def test_the_password_reset_answers_alike_for_known_and_unknown_addresses(member_editor):
    known = reset_request(new_client(), member_editor.email)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [member_editor.email]
    unknown = reset_request(new_client(), "niemand@example.org")
    assert len(mail.outbox) == 1
    assert known.status_code == unknown.status_code == 200
    assert known.redirect_chain == unknown.redirect_chain
    assert without_csrf_tokens(known) == without_csrf_tokens(unknown)


def without_csrf_tokens(response):
    """The page without its per-request CSRF tokens (the form field and the admin's JS config)."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    return re.sub(r"CSRF_TOKEN&quot;: &quot;[^&]+&quot;|\"CSRF_TOKEN\": \"[^\"]+\"", "", html)


def test_admin_sessions_end_after_eight_hours(member_editor):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    client = new_client()
    sign_in(client, member_editor.username)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    stored = Session.objects.get(session_key=key)
    lifetime = stored.expire_date - timezone.now()
    assert timedelta(hours=7, minutes=55) < lifetime <= timedelta(hours=8)
    # "Remember me" keeps the cookie across browser restarts, but not for longer.
    remembered = new_client()
    remembered.get("/admin/login/")
    remembered.post(
        "/admin/login/",
        {"username": member_editor.username, "password": PASSWORD, "remember": "on"},
    )
    cookie = remembered.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 8 * 3600


def test_readers_still_get_no_session(network):
    response = new_client().get("/")
    assert response.status_code == 200
    assert not response.cookies


def test_no_admin_page_asks_gravatar_for_an_avatar(member_editor, lag_staff):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    for user in (member_editor, lag_staff):
        client = new_client()
        client.force_login(user)
        for path in [DASHBOARD, "/admin/account/", "/admin/pages/"]:
            response = client.get(path, follow=True)
            assert response.status_code == 200, path
            assert "gravatar" not in response.content.decode().lower(), path
