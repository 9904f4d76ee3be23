"""The second factor: required for LAG staff, administrators and member approvers, offered to
every editor; authenticator apps (TOTP) with recovery codes, set up and used through the admin's
own pages. (Passkeys in Chromium: tests/browser/test_passkey_login.py.)"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction
from wagtail.users.models import UserProfile

from tests.factories import make_user
from tests.test_settings import settings_value

from .fixtures_accounts import (
    DASHBOARD,
    OVERVIEW,
    RECOVERY,
    SET_UP_APP,
    VERIFY,
    app_code,
    new_client,
    second_factor_required,  # noqa: F401
    set_up_app,
    shown_recovery_codes,
    sign_in,
    verify,
)

pytestmark = pytest.mark.usefixtures("second_factor_required")

User = get_user_model()


@pytest.fixture
def approver(member):
    return make_user("freigabe-vogtland", member.approvers_group)


@pytest.fixture
def administrator(network):
    return User.objects.create_superuser("chefin", "chefin@example.org", "correct-horse-battery")


@pytest.mark.parametrize("role", ["lag_staff", "administrator", "approver"])
def test_staff_without_a_second_factor_reach_only_the_set_up_pages(role, request):
    user = request.getfixturevalue(role)
    client = new_client()
    response = sign_in(client, user.username)
    assert response.status_code == 302
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response["Location"].startswith(OVERVIEW)
    for path in ["/admin/pages/", "/admin/images/", "/admin/account/", "/admin/users/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{OVERVIEW}?next="), path
    overview = client.get(OVERVIEW)
    assert overview.status_code == 200
    assert "ist ein zweiter Faktor vorgeschrieben" in overview.content.decode()
    assert client.get(SET_UP_APP).status_code == 200


def test_lag_staff_set_up_an_app_see_recovery_codes_and_then_reach_the_dashboard(lag_staff):
    client = new_client()
    sign_in(client, lag_staff.username)
    secret, response = set_up_app(client)
    assert response.status_code == 200
    codes = shown_recovery_codes(response.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(DASHBOARD).status_code == 200


def test_the_set_up_page_draws_the_qr_code_itself_and_loads_nothing_from_elsewhere(lag_staff):
    client = new_client()
    sign_in(client, lag_staff.username)
    html = client.get(SET_UP_APP).content.decode()
    assert "<svg" in html and "<path" in html
    sources = re.findall(r'src="([^"]+)"', html) + re.findall(r'<link[^>]+href="([^"]+)"', html)
    assert [s for s in sources if s.startswith(("http:", "https:", "//"))] == []
    assert "otpauth://" not in html  # the secret is in the picture and as text only


def test_a_wrong_code_does_not_confirm_the_app(lag_staff):
    client = new_client()
    sign_in(client, lag_staff.username)
    client.get(SET_UP_APP)
    response = client.post(SET_UP_APP, {"code": "000000", "action": "confirm"})
    assert response.status_code == 200
    assert "Dieser Code passt nicht" in response.content.decode()
    assert client.get(DASHBOARD)["Location"].startswith(OVERVIEW)


def test_signing_in_again_asks_for_the_apps_code(lag_staff):
    secret, _ = set_up_app(signed_in_client(lag_staff))
    client = new_client()
    response = sign_in(client, lag_staff.username)
    response = client.get(DASHBOARD)
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    wrong = verify(client, "123456" if app_code(secret, 1) != "123456" else "654321")
    assert wrong.status_code == 200
    assert "Dieser Code ist nicht gültig" in wrong.content.decode()
    # Guessing is slowed down: right after a wrong code even the right one is refused ...
    assert verify(client, app_code(secret, 1)).status_code == 200
    # ... until the (doubling) wait has passed. The code of the next time step: the one used
    # for the set-up may not be used twice.
    let_throttle_pass(lag_staff)
    response = verify(client, app_code(secret, 1))
    assert response.status_code == 302 and response["Location"] == DASHBOARD
    assert client.get(DASHBOARD).status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_a_recovery_code_works_once(lag_staff):
    _secret, response = set_up_app(signed_in_client(lag_staff))
    code = shown_recovery_codes(response.content.decode())[0]

    client = new_client()
    sign_in(client, lag_staff.username)
    response = verify(client, code)
    assert response.status_code == 302
    dashboard = client.get(DASHBOARD, follow=True)
    assert dashboard.status_code == 200
    assert "Es bleiben 9 Codes" in dashboard.content.decode()

    again = new_client()
    sign_in(again, lag_staff.username)
    refused = verify(again, code)
    assert refused.status_code == 200
    assert "ein Wiederherstellungscode gilt nur einmal" in refused.content.decode()
    assert again.get(DASHBOARD)["Location"].startswith(VERIFY)


def test_new_recovery_codes_replace_the_old_ones(lag_staff):
    client = signed_in_client(lag_staff)
    _secret, response = set_up_app(client)
    old = shown_recovery_codes(response.content.decode())
    page = client.get(RECOVERY)
    assert 'name="action" value="renew"' in page.content.decode()
    new = shown_recovery_codes(client.post(RECOVERY, {"action": "renew"}).content.decode())
    assert set(old).isdisjoint(new)
    other = new_client()
    sign_in(other, lag_staff.username)
    assert verify(other, old[0]).status_code == 200  # refused: shown again with the error
    let_throttle_pass(lag_staff)
    assert verify(other, new[0]).status_code == 302


def test_member_editors_reach_the_dashboard_without_a_second_factor_and_may_set_one_up(
    member_editor,
):
    client = new_client()
    sign_in(client, member_editor.username)
    assert client.get(DASHBOARD).status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert OVERVIEW in account and "Zweiter Faktor" in account
    overview = client.get(OVERVIEW).content.decode()
    assert "freiwillig" in overview
    secret, response = set_up_app(client)
    assert response.status_code == 200  # the recovery codes
    # From now on this editor, too, is asked for the code.
    later = new_client()
    sign_in(later, member_editor.username)
    assert later.get(DASHBOARD)["Location"].startswith(VERIFY)
    assert verify(later, app_code(secret, 1)).status_code == 302
    assert later.get(DASHBOARD).status_code == 200


def test_staff_cannot_remove_their_only_second_factor(lag_staff):
    client = signed_in_client(lag_staff)
    set_up_app(client)
    device_id = lag_staff.totpdevice_set.get().pk
    overview = client.get(OVERVIEW).content.decode()
    remove_url = f"/admin/zweiter-faktor/entfernen/app/{device_id}/"
    assert f'action="{remove_url}"' in overview
    response = client.post(remove_url, follow=True)
    assert "Richten Sie zuerst eine andere App" in response.content.decode()
    assert lag_staff.totpdevice_set.filter(confirmed=True).count() == 1


def test_an_editor_removes_the_app_and_is_no_longer_asked(member_editor):
    client = signed_in_client(member_editor)
    set_up_app(client)
    device_id = member_editor.totpdevice_set.get().pk
    client.post(f"/admin/zweiter-faktor/entfernen/app/{device_id}/")
    assert not member_editor.totpdevice_set.exists()
    later = new_client()
    sign_in(later, member_editor.username)
    assert later.get(DASHBOARD).status_code == 200


def test_another_persons_device_cannot_be_removed(member_editor, lag_staff):
    set_up_app(signed_in_client(lag_staff))
    device_id = lag_staff.totpdevice_set.get().pk
    client = signed_in_client(member_editor)
    assert client.post(f"/admin/zweiter-faktor/entfernen/app/{device_id}/").status_code == 404
    assert lag_staff.totpdevice_set.exists()


def test_an_unverified_session_cannot_register_a_passkey_or_set_up_another_app(lag_staff):
    set_up_app(signed_in_client(lag_staff))
    client = new_client()
    sign_in(client, lag_staff.username)
    for path in [SET_UP_APP, OVERVIEW, "/admin/zweiter-faktor/passkey/"]:
        assert client.get(path)["Location"].startswith(VERIFY), path
    begin = client.post("/admin/zweiter-faktor/webauthn/registration/begin/")
    assert begin.status_code == 302 and begin["Location"].startswith(VERIFY)


def test_outside_the_admin_an_unverified_session_counts_as_signed_out(lag_staff, network):
    secret, _ = set_up_app(signed_in_client(lag_staff))
    PageViewRestriction.objects.create(page=network["de"], restriction_type="login")
    client = new_client()
    sign_in(client, lag_staff.username)
    assert client.get("/").status_code == 302  # to the login for restricted pages
    verify(client, app_code(secret, 1))
    assert client.get("/").status_code == 200


def test_the_pages_speak_english_to_english_speaking_editors(lag_staff):
    profile = UserProfile.get_for_user(lag_staff)
    profile.preferred_language = "en"
    profile.save()
    client = new_client()
    sign_in(client, lag_staff.username)
    overview = client.get(OVERVIEW).content.decode()
    assert "Two-factor authentication" in overview
    assert "a second factor is required" in overview
    page = client.get(SET_UP_APP).content.decode()
    assert "Set up an authenticator app" in page
    _secret, response = set_up_app(client)
    assert "Recovery codes" in response.content.decode()


def test_production_and_development_require_the_second_factor():
    assert settings_value("s.ACCOUNTS_SECOND_FACTOR_REQUIRED") is True
    assert (
        settings_value(
            "s.ACCOUNTS_SECOND_FACTOR_REQUIRED",
            "config.settings.production",
            SECRET_KEY="x" * 60,
        )
        is True
    )


def signed_in_client(user):
    """Signed in through the login form (before any second factor exists)."""
    client = new_client()
    sign_in(client, user.username)
    return client


def let_throttle_pass(user):
    """The wait after a wrong code is over (time travel on django-otp's throttling record)."""
    earlier = timezone.now() - timedelta(minutes=5)
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_timestamp=earlier)
