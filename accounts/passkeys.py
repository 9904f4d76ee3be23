"""Passkeys (WebAuthn) through django-otp-webauthn, bound to the network's domain.

A passkey is registered for a relying party ID: the network domain, which covers the umbrella
site and every member subdomain, or a member's custom domain when the admin is opened there."""

from django.conf import settings
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.settings import app_settings


def _request_hostname(request):
    return request.get_host().rsplit(":", 1)[0].lower().rstrip(".")


def _within(hostname, domain):
    return hostname == domain or hostname.endswith(f".{domain}")


def relying_party_id(request):
    """NETWORK_DOMAIN for its own hosts and subdomains, otherwise the host itself."""
    hostname = _request_hostname(request)
    if _within(hostname, settings.NETWORK_DOMAIN):
        return settings.NETWORK_DOMAIN
    return hostname


class PasskeyHelper(WebAuthnHelper):
    """Accepts the configured origins and the origin of the request being served, if that
    origin is secure (HTTPS, or a ``localhost`` name, which browsers treat as secure)."""

    def get_allowed_origins(self):
        origins = list(app_settings.OTP_WEBAUTHN_ALLOWED_ORIGINS)
        request = self.request
        hostname = _request_hostname(request)
        secure = request.is_secure() or _within(hostname, "localhost")
        if secure and _within(hostname, relying_party_id(request)):
            origin = f"{request.scheme}://{request.get_host()}"
            if origin not in origins:
                origins.append(origin)
        return origins
