"""Client addresses come from core.client, which trusts exactly TRUSTED_PROXY_COUNT proxies;
every limit keys on it and counts in the shared "limits" cache, never in one worker's memory."""

import time

import pytest
from django.core.cache import caches
from django.test import Client, RequestFactory
from wagtail.contrib.forms.models import FormSubmission

from contact import spam
from contact.models import ContactPage
from core.client import client_address

from .factories import homes_of
from .test_settings import settings_value

HOST = "queer-vogtland.localhost"
PROXY = "10.0.0.2"


def request(remote="192.0.2.1", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_x_forwarded_for_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("192.0.2.1", "203.0.113.9")) == "192.0.2.1"
    assert client_address(request("192.0.2.1")) == "192.0.2.1"
    assert client_address(request("not-an-address")) == "unknown"


def test_behind_one_proxy_the_rightmost_entry_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request(PROXY, "203.0.113.9")) == "203.0.113.9"
    # Whatever the client wrote itself stands further left and is ignored.
    assert client_address(request(PROXY, "198.51.100.77, 203.0.113.9")) == "203.0.113.9"
    assert client_address(request(PROXY, "garbage, 203.0.113.9")) == "203.0.113.9"
    assert client_address(request(PROXY, "2001:db8::1")) == "2001:db8::1"


def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request(PROXY, "9.9.9.9, 203.0.113.9, 10.0.0.1")) == "203.0.113.9"


def test_a_request_that_bypassed_the_proxies_counts_as_its_own_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_address(request("192.0.2.50")) == "192.0.2.50"


def test_the_setting_comes_from_the_environment_with_the_older_name_as_fallback():
    assert settings_value("s.TRUSTED_PROXY_COUNT") == 0
    assert settings_value("s.TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT="2") == 2
    assert settings_value("s.TRUSTED_PROXY_COUNT", API_NUM_PROXIES="1") == 1


def test_limits_live_in_a_cache_shared_by_all_workers():
    dummy = "ci-dummy-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF"
    backend = settings_value(
        "s.CACHES['limits']['BACKEND']", "config.settings.production", SECRET_KEY=dummy
    )
    assert backend == "django.core.cache.backends.db.DatabaseCache"
    backend = settings_value(
        "[s.CACHES['limits']['BACKEND'], s.CACHES['limits']['OPTIONS']['IGNORE_EXCEPTIONS'], "
        "s.CACHES['default']['OPTIONS']['IGNORE_EXCEPTIONS']]",
        "config.settings.production",
        SECRET_KEY=dummy,
        REDIS_URL="redis://127.0.0.1:6379/9",
    )
    assert backend == ["django_redis.cache.RedisCache", True, True]


def test_rotating_x_forwarded_for_does_not_escape_the_api_limit(network, settings):
    from api.throttling import PublicAPIThrottle

    settings.TRUSTED_PROXY_COUNT = 0
    PublicAPIThrottle.THROTTLE_RATES = {"public_api": "3/minute"}
    try:
        client = Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.10")
        statuses = [
            client.get("/api/v2/districts/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
            for n in range(5)
        ]
        assert statuses == [200, 200, 200, 429, 429]
        # The counter is in the shared cache (the database table here), not in this process.
        assert caches["limits"].get("throttle_public_api_192.0.2.10")
    finally:
        from rest_framework.settings import api_settings

        PublicAPIThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def test_behind_a_proxy_the_api_limit_is_per_reader(network, settings):
    from api.throttling import PublicAPIThrottle

    settings.TRUSTED_PROXY_COUNT = 1
    PublicAPIThrottle.THROTTLE_RATES = {"public_api": "2/minute"}
    try:
        client = Client(HTTP_HOST="localhost", REMOTE_ADDR=PROXY)
        first = [
            client.get("/api/v2/districts/", HTTP_X_FORWARDED_FOR="203.0.113.1").status_code
            for _ in range(3)
        ]
        assert first == [200, 200, 429]
        other = client.get("/api/v2/districts/", HTTP_X_FORWARDED_FOR="203.0.113.2")
        assert other.status_code == 200
    finally:
        from rest_framework.settings import api_settings

        PublicAPIThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


@pytest.fixture
def contact_page(member):
    return ContactPage.objects.child_of(homes_of(member)["de"]).get().specific


def send(page, forwarded, text):
    client = Client(HTTP_HOST=HOST, enforce_csrf_checks=True, REMOTE_ADDR=PROXY)
    data = {field.clean_name: "" for field in page.get_form_fields()}
    data.update(
        {
            "nachricht": text,
            spam.STARTED_FIELD: spam.started_token(time.time() - 10),
            spam.HONEYPOT_FIELD: "",
        }
    )
    return client.post(page.url, data, HTTP_ORIGIN=f"http://{HOST}", HTTP_X_FORWARDED_FOR=forwarded)


def test_behind_a_proxy_one_sender_cannot_close_the_contact_form_for_others(contact_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONTACT_RATE_LIMIT = (3, 600)
    statuses = [send(contact_page, "203.0.113.66", f"Flut {n}").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    # Forging the other reader's address in front does not charge it: the proxy's entry counts.
    forged = send(contact_page, "198.51.100.20, 203.0.113.66", "Gefälscht")
    assert forged.status_code == 429
    # Another reader behind the same proxy still gets through.
    other = send(contact_page, "198.51.100.20", "Eine echte Frage")
    assert other.status_code == 200
    assert FormSubmission.objects.filter(page=contact_page).count() == 4
    # The counter is kept in the shared cache under a keyed hash: no address is stored.
    from core.limits import limits_cache

    table = limits_cache()._table  # noqa: SLF001 - the database cache's table name
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT cache_key FROM {table}")  # noqa: S608
        keys = [row[0] for row in cursor.fetchall()]
    assert any("contact:submissions" in key for key in keys)
    assert not any("203.0.113.66" in key or "198.51.100.20" in key for key in keys)
