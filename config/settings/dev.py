"""Development: DEBUG on, e-mails on the console, a secret key made once per checkout."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, _network_base_url, env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", True)
NETWORK_PORT = env_int("NETWORK_PORT", env_int("PORT", 8000))
WAGTAILADMIN_BASE_URL = _network_base_url(NETWORK_DOMAIN, NETWORK_PORT)  # noqa: F405
OTP_WEBAUTHN_ALLOWED_ORIGINS = [WAGTAILADMIN_BASE_URL.rstrip("/")]


def _checkout_secret_key():
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY") or _checkout_secret_key()
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
