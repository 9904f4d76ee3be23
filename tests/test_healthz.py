"""/healthz (and its older alias /-/health/): 200 when the database and the cache answer, 503
with what failed when one does not. Answered on any host."""

import pytest
from django.core.cache import CacheHandler
from django.db.utils import ConnectionHandler
from django.test import Client

from serving import health

CLOSED_PORT = 1  # nothing listens on port 1 of the loopback interface


@pytest.fixture
def probe():
    return Client(HTTP_HOST="10.0.0.7")


@pytest.mark.parametrize("path", ["/healthz", "/-/health/"])
def test_healthy(probe, db, path):
    response = probe.get(path)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_database_down_answers_503(probe, db, monkeypatch):
    # The same database settings, pointed at a port where no server listens.
    down = ConnectionHandler(
        {
            "default": {
                "ENGINE": "django.db.backends.postgresql",
                "NAME": "qns",
                "USER": "postgres",
                "HOST": "127.0.0.1",
                "PORT": CLOSED_PORT,
                "OPTIONS": {"connect_timeout": 2},
            }
        }
    )
    monkeypatch.setattr(health, "connections", down)
    response = probe.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_cache_down_answers_503(probe, db, monkeypatch):
    down = CacheHandler(
        {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
                "OPTIONS": {"socket_connect_timeout": 2},
            }
        }
    )
    monkeypatch.setattr(health, "caches", down)
    response = probe.get("/-/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}
