"""Login throttling (django-axes): failed sign-ins are counted per account and per client
address; a lock shows a clear page in the user's language and ends after the cool-off, however
often someone keeps failing meanwhile. Time passes by moving the recorded attempts back."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.conf import settings

from .fixtures_accounts import DASHBOARD, new_client, sign_in

WRONG = "falsches-passwort-123"


def fail(client, username, times):
    for _attempt in range(times):
        response = sign_in(client, username, WRONG)
        if response.status_code == 429:
            return response
        assert response.status_code == 200  # the form again, with its error
    return response


def let_time_pass(delta):
    """Every recorded failure happened ``delta`` earlier."""
    for attempt in AccessAttempt.objects.all():
        AccessAttempt.objects.filter(pk=attempt.pk).update(
            attempt_time=attempt.attempt_time - delta
        )


def test_the_failure_limit_and_cool_off_are_configured():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME == timedelta(minutes=15)  # noqa: SIM300
    assert settings.AXES_LOCKOUT_PARAMETERS == ["username", "ip_address"]
    assert settings.AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is False


def test_an_account_is_locked_after_five_failures_even_with_the_right_password(lag_staff):
    client = new_client(REMOTE_ADDR="192.0.2.1")
    fail(client, lag_staff.username, 5)
    response = sign_in(client, lag_staff.username)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in html
    assert "in 15 Minuten erneut" in html
    assert client.get(DASHBOARD).status_code == 302  # not signed in


def test_the_lock_holds_for_the_account_from_another_address(lag_staff):
    fail(new_client(REMOTE_ADDR="192.0.2.1"), lag_staff.username, 5)
    response = sign_in(new_client(REMOTE_ADDR="198.51.100.7"), lag_staff.username)
    assert response.status_code == 429


def test_one_address_trying_many_accounts_is_locked(lag_staff, member_editor):
    client = new_client(REMOTE_ADDR="192.0.2.9")
    for name in ["anna", "bert", "carla", "dora", "emil"]:
        fail(client, name, 1)
    assert sign_in(client, member_editor.username).status_code == 429
    # Another address is not affected.
    other = new_client(REMOTE_ADDR="203.0.113.5")
    assert sign_in(other, member_editor.username).status_code == 302


def test_the_lockout_page_speaks_english_to_english_browsers(lag_staff):
    client = new_client(REMOTE_ADDR="192.0.2.1", HTTP_ACCEPT_LANGUAGE="en")
    fail(client, lag_staff.username, 5)
    response = sign_in(client, lag_staff.username)
    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "try again in 15 minutes" in response.content.decode()


def test_the_lock_ends_after_the_cool_off(lag_staff):
    client = new_client(REMOTE_ADDR="192.0.2.1")
    fail(client, lag_staff.username, 5)
    let_time_pass(timedelta(minutes=14))
    assert sign_in(client, lag_staff.username).status_code == 429
    let_time_pass(timedelta(minutes=2))
    response = sign_in(client, lag_staff.username)
    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200


def test_failing_on_purpose_during_the_lock_does_not_extend_it(lag_staff):
    attacker = new_client(REMOTE_ADDR="192.0.2.66")
    fail(attacker, lag_staff.username, 5)
    for _round in range(3):  # at 4, 8 and 12 minutes
        let_time_pass(timedelta(minutes=4))
        assert fail(attacker, lag_staff.username, 3).status_code == 429
    let_time_pass(timedelta(minutes=4))
    # 16 minutes after the lock began, the person signs in from their own address.
    owner = new_client(REMOTE_ADDR="198.51.100.20")
    assert sign_in(owner, lag_staff.username).status_code == 302


def test_a_successful_sign_in_resets_the_count(lag_staff):
    client = new_client(REMOTE_ADDR="192.0.2.1")
    fail(client, lag_staff.username, 4)
    assert sign_in(client, lag_staff.username).status_code == 302
    client.post("/admin/logout/")
    fail(client, lag_staff.username, 4)
    assert sign_in(client, lag_staff.username).status_code == 302


@pytest.mark.parametrize("header", ["HTTP_X_FORWARDED_FOR"])
def test_a_forged_forwarded_header_does_not_reset_the_address(lag_staff, header):
    """Without trusted proxies the client address is the connection's, whatever the header says."""
    for number in range(5):
        sign_in(new_client(REMOTE_ADDR="192.0.2.1", **{header: f"10.0.0.{number}"}), "x", WRONG)
    assert sign_in(new_client(REMOTE_ADDR="192.0.2.1"), lag_staff.username).status_code == 429
