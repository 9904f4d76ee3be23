"""Setting up second factors: authenticator apps (TOTP), their QR codes, recovery codes.

The QR code is drawn here as SVG and embedded in the page, so the secret never leaves this
server on its way to the person's phone."""

import base64
import binascii

import qrcode
import qrcode.image.svg
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator-App"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"


def pending_totp_device(user):
    """The user's authenticator app that is being set up (unconfirmed), created when missing."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def create_totp_device(user, *, key_hex=None, name=TOTP_DEVICE_NAME):
    """A confirmed authenticator app for ``user`` (with the given secret, e.g. for the demo)."""
    fields = {"user": user, "name": name, "confirmed": True}
    if key_hex:
        fields["key"] = key_hex
    return TOTPDevice.objects.create(**fields)


def confirm_totp_device(device, token):
    """Confirm the app being set up when ``token`` is its current code; other pending ones go."""
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return True


def base32_secret(device):
    """The secret as people type it into an app: base32, in groups of four characters."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def key_hex_from_base32(secret):
    """The device key (hex) for a base32 secret as apps show it."""
    cleaned = secret.replace(" ", "").upper()
    cleaned += "=" * (-len(cleaned) % 8)
    return binascii.hexlify(base64.b32decode(cleaned)).decode("ascii")


def qr_code_svg(data):
    """An inline SVG QR code for ``data`` (no style attributes, no external references)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    # The page shows the same secret as text next to it; screen readers skip the picture.
    return image.to_string(encoding="unicode").replace("<svg ", '<svg aria-hidden="true" ', 1)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with a fresh set and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _index in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remove_recovery_codes(user):
    StaticDevice.objects.filter(user=user).delete()
