"""Helpers for the tests of signing in: the admin's own login and second-factor forms, filled
as a person fills them, and the codes an authenticator app would show."""

import base64
import re
import time

import pytest
from django.test import Client
from django_otp.oath import TOTP

LOGIN = "/admin/login/"
DASHBOARD = "/admin/"
OVERVIEW = "/admin/zweiter-faktor/"
SET_UP_APP = "/admin/zweiter-faktor/app/"
VERIFY = "/admin/zweiter-faktor/bestaetigen/"
RECOVERY = "/admin/zweiter-faktor/wiederherstellungscodes/"
PASSWORD = "correct-horse-battery"


@pytest.fixture
def second_factor_required(settings):
    """The requirement as in production (the test settings switch it off for the suite)."""
    settings.ACCOUNTS_SECOND_FACTOR_REQUIRED = True


def new_client(**extra):
    return Client(HTTP_HOST="localhost", **extra)


def sign_in(client, username, password=PASSWORD):
    """The admin's login form, as rendered: username, password and the hidden ``next``."""
    form = client.get(LOGIN)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="username"' in html and 'name="password"' in html
    next_value = re.search(r'name="next" value="([^"]*)"', html).group(1)
    return client.post(LOGIN, {"username": username, "password": password, "next": next_value})


def hidden_next(html):
    match = re.search(r'name="next" value="([^"]*)"', html)
    return match.group(1) if match else ""


def shown_secret(html):
    """The secret the set-up page shows as text (what a person types into an app)."""
    match = re.search(r"<code[^>]*data-totp-secret[^>]*>([A-Z2-7 ]+)</code>", html)
    assert match, "the set-up page shows the secret as text"
    return match.group(1)


def app_code(secret, offset_steps=0):
    """The code an authenticator app shows for ``secret`` now (or ``offset_steps`` later)."""
    cleaned = secret.replace(" ", "")
    key = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * offset_steps
    return f"{totp.token():06d}"


def shown_recovery_codes(html):
    block = re.search(r"data-recovery-codes>(.*?)</ul>", html, re.S)
    assert block, "the recovery codes are shown"
    return re.findall(r"<code>([^<]+)</code>", block.group(1))


def set_up_app(client):
    """Open the set-up page, read the secret, confirm with the app's code; returns
    (secret, response to the confirmation)."""
    page = client.get(SET_UP_APP)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="code"' in html and 'name="action" value="confirm"' in html
    secret = shown_secret(html)
    response = client.post(
        SET_UP_APP, {"code": app_code(secret), "next": hidden_next(html), "action": "confirm"}
    )
    return secret, response


def verify(client, code):
    page = client.get(VERIFY)
    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="code"' in html
    return client.post(VERIFY, {"code": code, "next": hidden_next(html), "action": "verify"})
