"""Configuration comes from the environment, with safe defaults and a strict production mode."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
DUMMY_KEY = "ci-dummy-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEF"


# Set by the browser tests for Playwright; a deployment never has it.
TEST_ONLY_VARIABLES = ("DATABASE_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")


def clean_environment(**env):
    environment = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_VARIABLES}
    environment.update(env)
    return environment


def run_django(code, settings_module, **env):
    environment = clean_environment()
    environment.update(DJANGO_SETTINGS_MODULE=settings_module, **env)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_value(expression, settings_module="config.settings.dev", **env):
    result = run_django(
        f"from django.conf import settings as s; import json; print(json.dumps({expression}, default=str))",
        settings_module,
        **env,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_database_defaults_to_a_sqlite_file_in_the_project():
    database = settings_value("s.DATABASES['default']")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")


def test_database_url_selects_postgresql():
    database = settings_value(
        "s.DATABASES['default']", DATABASE_URL="postgres://lag:geheim@db.example:5433/netzwerk"
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == (
        "db.example",
        5433,
        "netzwerk",
    )


def test_network_domain_and_redis_come_from_the_environment():
    values = settings_value(
        "[s.NETWORK_DOMAIN, s.CACHES['default']['BACKEND'], s.WAGTAILADMIN_BASE_URL]",
        NETWORK_DOMAIN="queeres-netzwerk.example",
        NETWORK_PORT="443",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert values == [
        "queeres-netzwerk.example",
        "django_redis.cache.RedisCache",
        "https://queeres-netzwerk.example",
    ]


def test_development_secret_key_is_random_per_checkout_and_stable():
    first = settings_value("s.SECRET_KEY")
    second = settings_value("s.SECRET_KEY")
    assert first == second
    assert len(first) >= 50
    assert first == (BASE_DIR / ".secret_key").read_text().strip()


def test_production_refuses_to_start_without_a_secret_key():
    result = run_django("", "config.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checklist_without_warnings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=clean_environment(
            DJANGO_SETTINGS_MODULE="config.settings.production", SECRET_KEY=DUMMY_KEY
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_is_not_in_debug_mode_and_secures_cookies():
    values = settings_value(
        "[s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT]",
        "config.settings.production",
        SECRET_KEY=DUMMY_KEY,
    )
    assert values == [False, True, True, True]


def test_suite_runs_on_the_database_named_by_database_url():
    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    )
    assert connection.vendor == expected


@pytest.mark.parametrize(
    "setting", ["WAGTAILIMAGES_MAX_UPLOAD_SIZE", "WAGTAILDOCS_MAX_UPLOAD_SIZE"]
)
def test_uploads_are_size_limited(setting):
    assert 0 < getattr(settings, setting) <= 25 * 1024 * 1024
