"""Counting requests in the cache shared by all workers (the alias ``limits``)."""

from django.core.cache import caches

LIMITS_CACHE = "limits"


def limits_cache():
    return caches[LIMITS_CACHE]


def count(key, window):
    """Counts one event under ``key`` in a window of ``window`` seconds that starts with the
    first event; returns the number counted so far (0 when the cache is unreachable)."""
    cache = limits_cache()
    # add() starts the window; incr() keeps its expiry.
    if cache.add(key, 1, timeout=window):
        return 1
    try:
        return cache.incr(key) or 0
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return 1


def counted(key):
    return limits_cache().get(key, 0) or 0
