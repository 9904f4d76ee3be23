"""Who must sign in with a second factor, and who has one.

LAG staff, administrators and member approvers ("Freigabe") release content for readers; a stolen
password alone must not let anyone do that, so they need a second factor. Every other editor may
set one up. ``ACCOUNTS_SECOND_FACTOR_REQUIRED`` switches the requirement (not the verification
of people who have a factor) off; only the test settings do that (see docs/accounts.md)."""

from django.conf import settings
from django.db.models import Q
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential


def second_factor_required(user):
    """True for superusers, LAG staff and member approvers (when the requirement is on)."""
    if not getattr(settings, "ACCOUNTS_SECOND_FACTOR_REQUIRED", True):
        return False
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_accounts_second_factor_required", None)
    if cached is None:
        cached = user.groups.filter(
            Q(name=settings.LAG_STAFF_GROUP_NAME) | Q(member_as_approvers__isnull=False)
        ).exists()
        user._accounts_second_factor_required = cached
    return cached


def totp_devices(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk")


def passkeys(user):
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("pk")


def has_second_factor(user):
    """True when the user has an authenticator app or a passkey set up.

    Recovery codes alone do not count: they only stand in for a lost app or passkey."""
    cached = getattr(user, "_accounts_has_second_factor", None)
    if cached is None:
        cached = totp_devices(user).exists() or passkeys(user).exists()
        user._accounts_has_second_factor = cached
    return cached


def remaining_recovery_codes(user):
    """How many unused recovery codes the user has left."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
