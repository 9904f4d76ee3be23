"""Content-Security-Policy, Permissions-Policy and the CSP report endpoint, under the
production settings' header configuration."""

import json
import logging

import pytest
from django.test import Client

PRODUCTION_LIKE = {
    "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https"),
    "SECURE_SSL_REDIRECT": True,
    "SESSION_COOKIE_SECURE": True,
    "CSRF_COOKIE_SECURE": True,
    "SECURE_HSTS_SECONDS": 31536000,
}


@pytest.fixture
def production(settings):
    for name, value in PRODUCTION_LIKE.items():
        setattr(settings, name, value)
    return settings


def https_client(host="localhost"):
    return Client(HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https", raise_request_exception=False)


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_reader_policy(response):
    policy = directives(response)
    for directive in ("script-src", "style-src"):
        assert policy[directive] == ["'self'"], (directive, policy[directive])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["report-uri"] == ["/-/csp-report/"]
    assert policy["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == 'csp="/-/csp-report/"'
    assert "nonce-" not in response["Content-Security-Policy"]


def assert_permissions_policy(response):
    policy = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()"):
        assert feature in policy
    assert "publickey-credentials-get=(self)" in policy
    assert "publickey-credentials-create=(self)" in policy


def test_reader_pages_carry_a_strict_policy_in_both_languages_and_on_member_sites(
    production, member
):
    for host, path in [
        ("localhost", "/"),
        ("localhost", "/en/"),
        ("queer-vogtland.localhost", "/"),
        ("queer-vogtland.localhost", "/en/"),
        ("localhost", "/gibt-es-nicht/"),
        ("localhost", "/api/v2/pages/"),
        ("localhost", "/robots.txt"),
    ]:
        response = https_client(host).get(path)
        assert response.status_code in (200, 404), (host, path, response.status_code)
        assert_reader_policy(response)
        assert_permissions_policy(response)
        assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_reader_html_is_the_same_for_every_request(production, network):
    first = https_client().get("/")
    second = https_client().get("/")
    assert first.content == second.content
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]


def test_unknown_host_and_deactivated_member_answers_carry_the_headers(production, member):
    response = https_client("nirgends.example").get("/")
    assert response.status_code == 400
    assert_reader_policy(response)
    assert_permissions_policy(response)
    member.active = False
    member.save()
    from microsites.hosts import clear_host_cache

    clear_host_cache()
    response = https_client("queer-vogtland.localhost").get("/")
    assert response.status_code == 410
    assert_reader_policy(response)
    assert_permissions_policy(response)


def test_admin_pages_carry_the_admin_policy(production, lag_staff):
    client = https_client()
    login = client.get("/admin/login/")
    assert login.status_code == 200
    client.force_login(lag_staff)
    for path in ("/admin/", "/admin/pages/", "/admin/images/"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = directives(response)
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert "'unsafe-eval'" not in response["Content-Security-Policy"]
        assert policy["default-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'self'"]
        assert policy["report-uri"] == ["/-/csp-report/"]
        assert_permissions_policy(response)
    # The login page too.
    assert "'unsafe-inline'" in login["Content-Security-Policy"]


def report(body, content_type="application/csp-report", **extra):
    return https_client().post("/-/csp-report/", data=body, content_type=content_type, **extra)


def test_csp_reports_are_logged_without_query_strings(production, network, caplog):
    body = json.dumps(
        {
            "csp-report": {
                "document-uri": "https://localhost/kontakt/?name=Kim&mail=kim@example.org",
                "violated-directive": "script-src-elem",
                "effective-directive": "script-src-elem",
                "blocked-uri": "https://evil.example/x.js?token=secret",
            }
        }
    )
    with caplog.at_level(logging.WARNING, logger="core.csp"):
        response = report(body)
    assert response.status_code == 204
    line = caplog.records[-1].getMessage()
    assert "script-src-elem" in line
    assert "https://evil.example/x.js" in line
    assert "https://localhost/kontakt/" in line
    assert "secret" not in line and "Kim" not in line and "kim@example.org" not in line


def test_reporting_api_batches_are_logged(production, network, caplog):
    body = json.dumps(
        [
            {
                "type": "csp-violation",
                "body": {
                    "documentURL": "https://localhost/en/",
                    "effectiveDirective": "style-src-attr",
                    "blockedURL": "inline",
                },
            }
        ]
    )
    with caplog.at_level(logging.WARNING, logger="core.csp"):
        response = report(body, content_type="application/reports+json")
    assert response.status_code == 204
    assert (
        "style-src-attr blocked inline on https://localhost/en/" in caplog.records[-1].getMessage()
    )


def test_csp_reports_are_size_and_rate_limited(production, network, caplog, settings):
    assert report("x" * (settings.CSP_REPORT_MAX_BYTES + 1)).status_code == 413
    assert report("not json").status_code == 400
    assert https_client().get("/-/csp-report/").status_code == 405
    settings.CSP_REPORT_RATE_LIMIT = (3, 60)
    body = json.dumps({"csp-report": {"violated-directive": "img-src"}})
    answers = [report(body, REMOTE_ADDR="198.51.100.1").status_code for _ in range(5)]
    assert answers == [204, 204, 204, 429, 429]
    # Another client is not affected.
    assert report(body, REMOTE_ADDR="198.51.100.2").status_code == 204
