"""Which host names this installation answers, and in which state.

The table is derived from the ``Site`` records and their members and kept in the shared cache
(Redis, or the file cache every process on the machine shares), so that every app server
worker sees a change at once. ``clear_host_cache()`` beside it is called whenever a site or
member changes: at once, and again when the transaction commits, so that a request reading the
old rows while the change was still uncommitted cannot keep the old table alive."""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Page, Site

HOST_CACHE_KEY = "microsites:hosts:v2"
HOST_CACHE_TIMEOUT = 60 * 60


@dataclass(frozen=True)
class HostState:
    site_id: int
    active: bool
    # False while a member's Impressum or Datenschutzerklärung is not live yet.
    public: bool = True
    # Until then only these paths (its live legal pages) are served to readers.
    open_paths: frozenset = frozenset()


def _load_host_table():
    table = {}
    pending = {}
    for site_id, hostname, member_active, legal_live in Site.objects.values_list(
        "id", "hostname", "member__active", "member__legal_pages_live"
    ):
        public = member_active is None or bool(legal_live)
        table[hostname.lower()] = (site_id, member_active is not False, public, frozenset())
        if not public:
            pending.setdefault(site_id, []).append(hostname.lower())
    if pending:
        for site_id, paths in _live_legal_paths(pending).items():
            for hostname in pending[site_id]:
                table[hostname] = (*table[hostname][:3], frozenset(paths))
    return table


def _live_legal_paths(site_ids):
    """The URL paths of the live legal pages of the given sites (only those not public yet)."""
    from home.site_context import LEGAL_MODELS

    paths = {}
    sites = Site.objects.filter(pk__in=list(site_ids)).select_related("root_page")
    for site in sites:
        root = site.root_page
        pages = Page.objects.live().filter(
            translation_key__in=Page.objects.filter(
                depth=root.depth + 1,
                path__startswith=root.path,
                content_type__app_label="legal",
                content_type__model__in=LEGAL_MODELS,
            ).values("translation_key")
        )
        for page in pages:
            parts = page.get_url_parts()
            if parts and parts[0] == site.pk:
                path = parts[2]
                paths.setdefault(site.pk, set()).update({path, path.rstrip("/")})
    return paths


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
