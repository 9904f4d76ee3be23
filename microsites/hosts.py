"""Which host names this installation answers, and in which state.

The table is derived from the ``Site`` records and their members and kept in the cache under a
versioned key; ``clear_host_cache()`` beside it is called whenever a site or member changes."""

from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Site

HOST_CACHE_KEY = "microsites:hosts:v1"
HOST_CACHE_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class HostState:
    site_id: int
    active: bool


def _load_host_table():
    table = {}
    for site_id, hostname, member_active in Site.objects.values_list(
        "id", "hostname", "member__active"
    ):
        table[hostname.lower()] = (site_id, member_active is not False)
    return table


def host_table():
    table = cache.get(HOST_CACHE_KEY)
    if table is None:
        table = _load_host_table()
        cache.set(HOST_CACHE_KEY, table, HOST_CACHE_TIMEOUT)
    return table


def lookup_host(hostname):
    """The state of the site that serves ``hostname``, or None if no site does."""
    entry = host_table().get(hostname.lower().rstrip("."))
    return HostState(*entry) if entry else None


def clear_host_cache():
    cache.delete(HOST_CACHE_KEY)
