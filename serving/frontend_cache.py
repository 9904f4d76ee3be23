"""A Varnish backend for ``wagtail.contrib.frontend_cache`` that also bans by cache tag.

Wagtail's ``HTTPBackend`` purges single URLs (``PURGE``), which is what the frontend cache app
does on publish and unpublish. Lists that depend on many pages (the network's news, events and
offers on the umbrella site, the navigation of a microsite) are forgotten by tag instead: this
backend sends ``BAN`` with the tags in ``X-Cache-Tags`` and the VCL in ``deploy/varnish/``
bans every cached object whose ``X-Cache-Tags`` header contains one of them."""

import logging
from urllib.error import HTTPError, URLError
from urllib.parse import urlunsplit
from urllib.request import Request, urlopen

from wagtail.contrib.frontend_cache.backends import HTTPBackend

logger = logging.getLogger("wagtail.frontendcache")

TIMEOUT = 5


class BanRequest(Request):
    def get_method(self):
        return "BAN"


class VarnishBackend(HTTPBackend):
    """``HTTPBackend`` plus ``ban_tags(tags)``; configured like it (``LOCATION``)."""

    def ban_tags(self, tags):
        url = urlunsplit([self.cache_scheme, self.cache_netloc, "/", "", ""])
        request = BanRequest(url, headers={"X-Cache-Tags": " ".join(tags)})
        try:
            urlopen(request, timeout=TIMEOUT)  # noqa: S310 - the configured LOCATION
        except (HTTPError, URLError, OSError) as error:
            logger.error("Could not ban %s in the HTTP cache: %s", tags, error)
