"""Cache tags: what a response depends on, and the one function that forgets it everywhere.

Every public response carries its tags in the ``X-Cache-Tags`` header (``site-<id>`` for the
site it belongs to, ``network`` where it shows content of other members: the umbrella site and
the API). ``invalidate(tags)`` is called whenever something a reader sees changes: it bumps
the generation of each tag in the application cache (fragments cached with
``serving.fragments`` are keyed by it, so they are recomputed) and asks every configured
frontend cache (``WAGTAILFRONTENDCACHE``) that understands tags to ban the responses carrying
them. A CDN with surrogate keys works the same way (see docs/serving.md)."""

import logging
import threading

from django.core.cache import cache
from django.db import transaction
from wagtail.models import Site

logger = logging.getLogger(__name__)
_pending = threading.local()

NETWORK = "network"
TAG_HEADER = "X-Cache-Tags"
GENERATION_KEY = "serving:gen:{tag}"
# Generations outlive any fragment that uses them.
GENERATION_TIMEOUT = 30 * 24 * 3600


def site_tag(site_or_id):
    site_id = getattr(site_or_id, "pk", site_or_id)
    return f"site-{site_id}"


def cache_tags_for_site(site):
    """The tags of what a site shows: its own, and the network's on the umbrella site."""
    return [site_tag(site), NETWORK] if site.is_default_site else [site_tag(site)]


def generation(tags):
    """The current generations of ``tags`` as one string (part of a fragment's cache key)."""
    keys = [GENERATION_KEY.format(tag=tag) for tag in tags]
    found = cache.get_many(keys)
    missing = {key: 1 for key in keys if key not in found}
    if missing:
        cache.set_many(missing, GENERATION_TIMEOUT)
        found.update(missing)
    return ".".join(str(found[key]) for key in keys)


def _bump(tags):
    for tag in tags:
        key = GENERATION_KEY.format(tag=tag)
        try:
            cache.incr(key)
        except ValueError:  # never used yet: nothing cached depends on it
            cache.set(key, 2, GENERATION_TIMEOUT)


def _ban(tags):
    from wagtail.contrib.frontend_cache.utils import get_backends

    for backend in get_backends().values():
        ban = getattr(backend, "ban_tags", None)
        if ban is not None:
            ban(tags)


def invalidate(tags):
    """Forget everything tagged with any of ``tags``: now in the application cache, and in the
    frontend caches once the current transaction commits (so that a refetch sees the change).
    The tags of one transaction are banned together, once."""
    tags = {tag for tag in tags if tag}
    if not tags:
        return
    _bump(tags)
    pending = getattr(_pending, "tags", None)
    # A rolled-back transaction drops its commit hooks: then start a new batch.
    registered = any(hook[1] is _flush for hook in transaction.get_connection().run_on_commit)
    if pending is None or not registered:
        pending = _pending.tags = set()
        pending.update(tags)
        transaction.on_commit(_flush)
    else:
        pending.update(tags)


def _flush():
    tags = sorted(getattr(_pending, "tags", None) or ())
    _pending.tags = None
    if tags:
        # The application cache again: a request between the change and the commit may have
        # cached a fragment with the old data under the new generation.
        _bump(tags)
        _ban(tags)


def site_ids_for_page(page):
    """The sites whose tree contains ``page`` (Wagtail's site root paths include the
    translations of each site's home page); works for deleted pages too."""
    url_path = page.url_path or ""
    return sorted(
        {root.site_id for root in Site.get_site_root_paths() if url_path.startswith(root.root_path)}
    )
