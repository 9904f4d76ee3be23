"""Production: everything secret or site-specific must come from the environment."""

from .base import *  # noqa: F403
from .base import _network_base_url, env_bool, env_int, env_str

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", required=True)
NETWORK_PORT = env_int("NETWORK_PORT", 443)
WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL",
    _network_base_url(NETWORK_DOMAIN, NETWORK_PORT),  # noqa: F405
)
OTP_WEBAUTHN_ALLOWED_ORIGINS = [WAGTAILADMIN_BASE_URL.rstrip("/")]

# Behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^-/health/$", r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
# Every member site is a subdomain of NETWORK_DOMAIN and served over HTTPS as well.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Pages are marked noindex unless this deployment is the public one (see search/robots).
SEARCH_ENGINE_INDEXING = env_bool("SEARCH_ENGINE_INDEXING", True)

# --- Serving: logs as JSON lines on stdout (serving/logging.py, docs/serving.md) ---------------
if env_str("LOG_FORMAT", "json") == "json":
    LOGGING["formatters"] = {"json": {"()": "serving.logging.JsonFormatter"}}  # noqa: F405
    LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405
    LOGGING["handlers"]["console"]["stream"] = "ext://sys.stdout"  # noqa: F405
