"""Tests: the real database from DATABASE_URL (SQLite by default), fast hashing, mail in memory."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "tests-only-not-secret"  # noqa: S105
NETWORK_DOMAIN = "localhost"
NETWORK_PORT = 80
WAGTAILADMIN_BASE_URL = "http://localhost"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="qns-test-media-")

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# A member-owned snippet with every optional Wagtail feature, so that the tenancy tests cover
# each kind of snippet URL (see tests/tenancy_app).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.tenancy_app"]  # noqa: F405

# Test-only: the suite signs people in with force_login() and switches the second-factor
# requirement on where it is the subject (tests/test_accounts_2fa.py, tests/fixtures_accounts.py).
# Anyone who has set up a second factor is still asked for it. Never set in other settings.
ACCOUNTS_SECOND_FACTOR_REQUIRED = False

# Each test process keeps its own cache, unless a test drives several processes that must share
# one (it then sets CACHE_DIR for all of them).
if not REDIS_URL and not os.environ.get("CACHE_DIR"):  # noqa: F405
    CACHES["default"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}  # noqa: F405

# --- Serving: the query-count tests measure rendering itself; the proxy cache tests switch the
# fragment cache on to check that it is forgotten on every change (tests/test_frontend_purge.py).
FRAGMENT_CACHE = False
