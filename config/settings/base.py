"""Settings shared by every mode. Everything that differs between deployments is read from
the environment (see README, "Configuration"); the defaults give a working development setup."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
CONFIG_DIR = BASE_DIR / "config"

DEBUG = env_bool("DEBUG", False)

# --- The network ----------------------------------------------------------------------------
# The umbrella site answers on NETWORK_DOMAIN, every member on <slug>.NETWORK_DOMAIN unless it has
# a custom domain. NETWORK_PORT is the public port links are built with (80/443 behind a proxy).
NETWORK_DOMAIN = env_str("NETWORK_DOMAIN", "localhost").lower().rstrip(".")
NETWORK_PORT = env_int("NETWORK_PORT", 80)
NETWORK_NAME = "LAG Queeres Netzwerk Sachsen"
# Where the umbrella site's contact form sends messages; without it the form starts as a draft.
NETWORK_CONTACT_EMAIL = env_str("NETWORK_CONTACT_EMAIL", "")

# Hosts are checked against the Site records by microsites.middleware.SiteHostMiddleware, which
# answers 400 for any host that no Site serves. Django's own check stays as a second gate.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["*"])

# --- Applications -----------------------------------------------------------------------------
INSTALLED_APPS = [
    "home",
    "microsites",
    "tenancy",
    "districts",
    "news",
    "directory",
    "eventcalendar",
    "legal",
    "contact",
    "materials",
    "editorial",
    "search",
    "feeds",
    "metadata",
    "demo",
    "wagtail_localize",
    "wagtail.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Headers every answer carries, static files on every host (also on unknown hosts and those
    # of deactivated members), then the host check: its 400 and 410 pages get the same headers
    # and their stylesheet.
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "feeds.robots.RobotsTagMiddleware",
    "microsites.middleware.SiteHostMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Contact forms check the Origin header instead of a CSRF cookie (readers get no cookie).
    "contact.middleware.ContactFormOriginMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Keeps member roles inside their own members in the admin (see docs/tenancy.md).
    "tenancy.middleware.AdminTenancyMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- Data -------------------------------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a writer instead of failing with "database is locked" under concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "qns"),
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    # Without Redis the cache lives in files that every process on this machine shares (the
    # app server's workers and management commands alike): the host table, Wagtail's site
    # paths and the rate limits must change for all of them at once, never per process.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("CACHE_DIR", str(BASE_DIR / ".cache" / "django")),
        }
    }

SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Security ---------------------------------------------------------------------------------
# People who work only for deactivated members can neither sign in nor keep a session.
AUTHENTICATION_BACKENDS = ["tenancy.backends.MemberAccessBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Wagtail marks its preview views SAMEORIGIN itself; everything else may never be framed.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# --- Languages --------------------------------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
# Searched before every app's catalog: locale_overrides/ rewords strings of Wagtail and
# wagtail-localize (see its header), locale/ holds the project templates' strings.
LOCALE_PATHS = [BASE_DIR / "locale_overrides", BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "simple"
# A translation never goes live on its own: it is created as a draft and published through the
# member's workflow (see docs/decisions.md).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media files -------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the root of every host (/favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "static" / "root"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))

MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
if MEDIA_STORAGE == "s3":
    _media_backend = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME", required=True),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "custom_domain": env_str("AWS_S3_CUSTOM_DOMAIN"),
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
else:
    _media_backend = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _media_backend,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads: size- and type-checked by Wagtail's forms with these limits.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp", "avif"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "ods", "odp", "docx", "xlsx", "pptx", "txt", "csv", "epub"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Images and documents in live use cannot be changed by member roles (docs/editorial-workflow.md).
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.media.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "editorial.media.DocumentForm"
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Documents are served through Django so that private collections stay private.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- E-mail -----------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"redaktion@{NETWORK_DOMAIN}")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Workflow e-mails go to the approvers of a step only (editorial/notifications.py replaces
# Wagtail's notifiers); should Wagtail's ever run, they must not copy every superuser either.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# --- Wagtail ----------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = NETWORK_NAME


def _network_base_url(domain, port):
    if port == 443:
        return f"https://{domain}"
    if port == 80:
        return f"http://{domain}"
    return f"http://{domain}:{port}"


WAGTAILADMIN_BASE_URL = env_str(
    "WAGTAILADMIN_BASE_URL", _network_base_url(NETWORK_DOMAIN, NETWORK_PORT)
)
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"

# The admin interface follows each user's language preference; German is the default.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"handlers": ["console"], "level": "ERROR"},
        # Task runs and page actions are logged per object; too chatty for the console.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Names of the network-wide groups; member groups are named after their member.
LAG_STAFF_GROUP_NAME = "LAG-Redaktion"
NETWORK_COLLECTION_NAME = "Netzwerk (geteilt)"

# --- Search -----------------------------------------------------------------------------------
# "database" (PostgreSQL full text search with a German configuration, SQLite FTS5 elsewhere) or an
# external engine, "opensearch" or "elasticsearch", at SEARCH_URLS. After switching, fill the new
# index with `manage.py update_index` (see docs/search-feeds-api.md).
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.database",
            "SEARCH_CONFIG": env_str("SEARCH_CONFIG", "german"),
        }
    }
elif SEARCH_BACKEND in ("opensearch", "elasticsearch"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_URLS", ["http://localhost:9200"]),
            "INDEX_PREFIX": env_str("SEARCH_INDEX_PREFIX", "qns_"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 10),
        }
    }
else:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be database, opensearch or elasticsearch, not {SEARCH_BACKEND!r}."
    )

# Search engines may index this deployment only where this is switched on (production sets it
# from the environment); everywhere else every page is "noindex" and robots.txt disallows all.
SEARCH_ENGINE_INDEXING = env_bool("SEARCH_ENGINE_INDEXING", False)

# --- Public read-only API (Wagtail API v2 at /api/v2/, see docs/search-feeds-api.md) -----------
INSTALLED_APPS += ["api", "wagtail.api.v2", "rest_framework", "corsheaders"]
# Cross-origin reads of /api/ only, GET/HEAD and their preflight; no credentials.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.common.CommonMiddleware"),
    "corsheaders.middleware.CorsMiddleware",
)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 86400
# Requests per client address, counted in the shared cache: "<number>/<second|minute|hour|day>".
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "120/minute")
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_RATES": {"public_api": API_RATE_LIMIT},
    # The throttle asks core.client for the address (TRUSTED_PROXY_COUNT, below).
    "UNAUTHENTICATED_USER": None,
}
WAGTAILAPI_LIMIT_MAX = 100

# --- Contact forms (contact/spam.py, docs/content.md) -------------------------------------------
# Submissions per client address and contact page: (number, window in seconds).
CONTACT_RATE_LIMIT = (
    env_int("CONTACT_RATE_LIMIT_COUNT", 5),
    env_int("CONTACT_RATE_LIMIT_WINDOW", 600),
)
# A form sent back faster than this (seconds) was not filled in by a person.
CONTACT_MIN_SECONDS = 3
# How long a shown form may be sent back (seconds); older ones are shown again to send.
CONTACT_FORM_MAX_AGE = 7 * 24 * 3600

# --- Accounts: second factor, login throttling, admin sessions (accounts/, docs/accounts.md) ---
INSTALLED_APPS += [
    "accounts",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
]
# django-otp marks sessions verified; ours holds admin sessions at the second factor.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "accounts.middleware.SecondFactorMiddleware",
)
# Turns a locked-out sign-in into the lockout page; django-axes wants to be last.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = ["accounts.throttling.LoginThrottleBackend", *AUTHENTICATION_BACKENDS]
# LAG staff, administrators and member approvers must have a second factor (accounts/policy.py).
ACCOUNTS_SECOND_FACTOR_REQUIRED = True
OTP_TOTP_ISSUER = NETWORK_NAME
OTP_WEBAUTHN_RP_NAME = NETWORK_NAME
OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.PasskeyHelper"
OTP_WEBAUTHN_ALLOWED_ORIGINS = [WAGTAILADMIN_BASE_URL.rstrip("/")]
# Passkeys are a second factor after the password, which the throttling and the member-access
# check guard; signing in with a passkey alone is off.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# Failed sign-ins per account and per client address; a lock ends after the cool-off and is not
# extended by further failures, so an account can never be locked for good.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "accounts.throttling.lockout_response"
# The one client-address function of the project (behind N proxies: N-th from the right).
AXES_CLIENT_IP_CALLABLE = "core.client.client_ip_or_none"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# Only editors have sessions (readers get none): an admin session ends after this many hours.
SESSION_COOKIE_AGE = env_int("ADMIN_SESSION_HOURS", 8) * 3600
# Avatars are initials or uploads, never loaded from gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Every sign-in would be logged at INFO; failures and lockouts are in the axes tables.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# --- Serving: cache policy, proxy cache purging, health check (see docs/serving.md) -----------
INSTALLED_APPS += ["serving", "wagtail.contrib.frontend_cache"]
# Outermost, so that it sees every response (also the host check's 400/410) with every cookie
# and header the others set.
MIDDLEWARE.insert(0, "serving.middleware.CachePolicyMiddleware")
# Public pages: how long browsers (max-age) and shared caches (s-maxage) may keep them. The proxy
# is purged on every change, so its time only bounds what changes by itself (upcoming dates).
CACHE_BROWSER_MAX_AGE = env_int("CACHE_BROWSER_MAX_AGE", 60)
CACHE_PROXY_MAX_AGE = env_int("CACHE_PROXY_MAX_AGE", 600)
# Network lists shared by every reader are kept in the application cache as fragments and
# forgotten by tag on every change (serving/fragments.py); off for measuring raw rendering.
FRAGMENT_CACHE = env_bool("FRAGMENT_CACHE", True)
# The Varnish in front (deploy/varnish/default.vcl), purged by URL and banned by cache tag.
VARNISH_URL = env_str("VARNISH_URL")
if VARNISH_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "serving.frontend_cache.VarnishBackend", "LOCATION": VARNISH_URL}
    }
# German URLs have no language prefix: purge exactly the URL of each page (each translation is
# a page of its own and purged when it is published).
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Images (originals and renditions) are served from MEDIA_ROOT by the app unless a web server in
# front does it; documents never are (they go through Wagtail's access check).
SERVE_MEDIA_IMAGES = env_bool("SERVE_MEDIA_IMAGES", True)

# === Hardening: headers, client addresses, limits, bad input, faults (core/) ==================
# Kept in one block; see docs/security.md for what each setting protects against.
INSTALLED_APPS = ["core", *INSTALLED_APPS, "csp"]
MIDDLEWARE = [
    # Outermost, so that every answer below (400 unknown host, 410, 413, 503) carries the headers.
    "core.csp.NetworkCSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Refuses an oversized body by its Content-Length before anything reads it.
    "core.middleware.RequestBodyLimitMiddleware",
    # Database unreachable -> 503 with Retry-After; a POST missing a form's field -> 400.
    "core.middleware.FaultMiddleware",
    *MIDDLEWARE,
]

# --- Content-Security-Policy (django-csp) and Permissions-Policy --------------------------------
# Reader pages: nothing inline, nothing from another origin. JSON-LD data blocks need no nonce:
# CSP's script-src governs only scripts a browser would execute (docs/decisions.md), so the HTML
# stays the same for every request and cacheable by a proxy.
CSP_REPORT_PATH = "/-/csp-report/"
_media_origin = env_str("AWS_S3_CUSTOM_DOMAIN") if MEDIA_STORAGE == "s3" else None
_media_sources = [f"https://{_media_origin}"] if _media_origin else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", *_media_sources],
        "media-src": ["'self'", *_media_sources],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        # Same origin only: the admin's preview panel frames the page in the editor.
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "report-uri": [CSP_REPORT_PATH],
        "report-to": ["csp"],
    },
}
# The Wagtail admin (every path below /admin/, previews included). Wagtail 8 and
# wagtail-localize render inline <script> initialisers (date pickers, inline panels, the
# translation editor) and inline style attributes, without nonces: the admin therefore allows
# 'unsafe-inline' for scripts and styles, and nothing else from outside its own origin
# (measured in tests/browser/test_admin_csp.py).
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_media_sources],
        "font-src": ["'self'", "data:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "worker-src": ["'self'", "blob:"],
    },
}
# CSP reports: at most this many per client address and minute are logged, each at most this big.
CSP_REPORT_RATE_LIMIT = (20, 60)
CSP_REPORT_MAX_BYTES = 8 * 1024

# Powerful browser features are off; passkeys (WebAuthn) stay allowed for the site itself.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self"],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}

# --- Client addresses and limits ---------------------------------------------------------------
# Reverse proxies in front of the app that append to X-Forwarded-For (core/client.py). 0: none,
# X-Forwarded-For is ignored. API_NUM_PROXIES is the older name of the same setting.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", env_int("API_NUM_PROXIES", 0))
# Counters of every limit live in the cache alias "limits", shared by all workers: Redis when
# REDIS_URL is set, else a table in the database (created by core's migration). A Redis outage
# never fails a request: the caches then answer "nothing cached" (pages are rendered anew, the
# limits let requests through until Redis is back).
if REDIS_URL:
    _redis_options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    }
    CACHES["default"]["OPTIONS"] = _redis_options
    CACHES["limits"] = {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "qns") + "-limits",
        "OPTIONS": _redis_options,
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES["limits"] = {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "core_limits_cache",
    }

# --- Bad input ---------------------------------------------------------------------------------
# Request bodies above this size are refused with 413 before they are read (the largest upload,
# a 20 MB document, plus the multipart envelope fits).
REQUEST_BODY_MAX_SIZE = env_int("REQUEST_BODY_MAX_SIZE", 32 * 1024 * 1024)
# The largest image (in pixels) Wagtail accepts. Measured on the reference machine
# (docs/security.md, "Image size"): decoding and the first renditions of 24 megapixels take
# well under 2 s; a decompression bomb above it is refused before it is decoded.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 24_000_000

# --- Faults ------------------------------------------------------------------------------------
# A connection that died (database restart) is noticed before a request uses it.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Seconds a reader is asked to wait while the database is unreachable (503 Retry-After).
OUTAGE_RETRY_AFTER = 30
# Backups (manage.py backup / restore, make backup / make restore): where they are written.
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))
# Image uploads: the pixel limit is checked from the header before decoding; corrupt files are
# form errors (core/images.py).
# editorial.media.ImageForm builds on core.images.ReadableImageForm (corrupt images, pixel limit).
