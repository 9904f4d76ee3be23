"""A passkey in Chromium: LAG staff without a second factor are sent to set one up after the
password, register a passkey with the browser's virtual authenticator (DevTools WebAuthn
domain), and on the next sign-in confirm with it. The scripts come from this site only."""

import re

import pytest
from playwright.sync_api import expect

from microsites.provisioning import lag_staff_group

from ..factories import make_user

PASSWORD = "correct-horse-battery"


@pytest.fixture
def staff_network(live_network, settings):
    settings.ACCOUNTS_SECOND_FACTOR_REQUIRED = True
    live_network.staff = make_user("lag-redaktion", lag_staff_group())
    live_network.sync_ports()
    return live_network


def virtual_authenticator(page):
    session = page.context.new_cdp_session(page)
    session.send("WebAuthn.enable")
    result = session.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return session, result["authenticatorId"]


def sign_in_with_password(page, live, user):
    page.goto(live.url_for("localhost", "/admin/login/"))
    page.fill('input[name="username"]', user.username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').click()


def test_staff_register_a_passkey_and_sign_in_with_it(staff_network, browser):
    live = staff_network
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    session, authenticator = virtual_authenticator(page)

    # After the password, the admin opens only the set-up page.
    sign_in_with_password(page, live, live.staff)
    expect(page).to_have_url(re.compile(r"/admin/zweiter-faktor/"))
    expect(page.get_by_text("ist ein zweiter Faktor vorgeschrieben")).to_be_visible()
    page.goto(live.url_for("localhost", "/admin/pages/"))
    expect(page).to_have_url(re.compile(r"/admin/zweiter-faktor/\?next="))

    page.get_by_role("link", name="Passkey hinzufügen").click()
    page.get_by_role("button", name="Passkey anlegen").click()
    expect(page).to_have_url(re.compile(r"/admin/zweiter-faktor/\?next="))
    credentials = session.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert len(credentials["credentials"]) == 1
    assert live.staff.webauthncredential_set.filter(confirmed=True).count() == 1
    page.goto(live.url_for("localhost", "/admin/"))
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # A new sign-in: the password, then the passkey.
    context.clear_cookies()
    sign_in_with_password(page, live, live.staff)
    expect(page).to_have_url(re.compile(r"/admin/zweiter-faktor/bestaetigen/"))
    page.get_by_role("button", name="Mit Passkey bestätigen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("#main")).to_be_visible()

    foreign = [url for url in requests if not url.startswith(f"http://localhost:{live.port}/")]
    assert foreign == []
    context.close()
