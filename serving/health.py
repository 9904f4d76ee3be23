"""``/healthz`` (and its older alias ``/-/health/``): 200 if the database and the cache answer,
503 otherwise, with what failed as JSON. Answered on any host, never cached."""

import logging
import time

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)

PATHS = ("/healthz", "/-/health/")
PROBE_KEY = "serving:health"


def _check_database():
    connection = connections["default"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    cache = caches["default"]
    token = str(time.monotonic())
    cache.set(PROBE_KEY, token, 30)
    if cache.get(PROBE_KEY) != token:
        raise RuntimeError("the cache did not return what was stored")


CHECKS = {"database": _check_database, "cache": _check_cache}


def healthz(request):
    results = {}
    healthy = True
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure of a dependency means "unhealthy"
            logger.error("Health check %s failed: %s", name, error)
            results[name] = "error"
            healthy = False
        else:
            results[name] = "ok"
    response = JsonResponse(
        {"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503
    )
    add_never_cache_headers(response)
    return response
