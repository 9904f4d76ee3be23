"""Which host names this installation answers, and in which state.

The table is derived from the ``Site`` records and their members and kept in the shared cache
(Redis, or the file cache every process on the machine shares), so that every app server
worker sees a change at once. ``clear_host_cache()`` beside it is called whenever a site or
member changes: at once, and again when the transaction commits, so that a request reading the
old rows while the change was still uncommitted cannot keep the old table alive."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
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


def _delete_host_table():
    cache.delete(HOST_CACHE_KEY)


def clear_host_cache():
    """Forget the host table in every process (now and once the current transaction commits)."""
    _delete_host_table()
    transaction.on_commit(_delete_host_table)
