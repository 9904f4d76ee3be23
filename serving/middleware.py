"""The caching policy of every response, in one place.

A response may be kept by shared caches (the Varnish in front, a CDN) and browsers only if it
is the same for every reader: a ``GET``/``HEAD`` answered with 200, for a request without a
session or CSRF cookie and without credentials, not a preview, not the admin or a document
(documents are checked per request), setting no cookie, from a view that did not decide
otherwise (``Cache-Control`` already set) and – for pages – from a page type that does not
declare ``cache_publicly = False`` (forms whose rendering carries per-reader state).

Such responses get ``Cache-Control: public, max-age=<browser>, s-maxage=<proxy>`` and their
cache tags (``serving.tags``); every other response that has no ``Cache-Control`` of its own
gets ``private, no-cache, no-store``, so that no cache keeps errors, redirects or personal
pages."""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control
from wagtail.models import Site

from .tags import NETWORK, TAG_HEADER, cache_tags_for_site

CACHEABLE_METHODS = ("GET", "HEAD")
# Never cached, whoever asks: the admin, documents (served after an access check), health.
UNCACHEABLE_PREFIXES = ("/admin/", "/documents/", "/healthz", "/-/")
# Responses that show content of other members than the site's own.
NETWORK_PREFIXES = ("/api/",)


def _personal_request(request):
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or settings.CSRF_COOKIE_NAME in cookies:
        return True
    if request.META.get("HTTP_AUTHORIZATION"):
        return True
    user = getattr(request, "_cached_user", None)  # only if something already looked
    return bool(user is not None and user.is_authenticated)


def _page_allows_caching(response):
    context = getattr(response, "context_data", None) or {}
    page = context.get("page") if isinstance(context, dict) else None
    return getattr(page, "cache_publicly", True)


def is_publicly_cacheable(request, response):
    """Whether ``response`` is the same for every reader and may be kept by shared caches."""
    return (
        request.method in CACHEABLE_METHODS
        and response.status_code == 200
        and not request.path.startswith(UNCACHEABLE_PREFIXES)
        and not response.has_header("Cache-Control")
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and not _personal_request(request)
        and _page_allows_caching(response)
    )


def cache_tags(request):
    """The tags of a public response: its site, and ``network`` for the umbrella site and the
    network-wide endpoints."""
    site = Site.find_for_request(request)
    tags = cache_tags_for_site(site) if site is not None else []
    if request.path.startswith(NETWORK_PREFIXES) and NETWORK not in tags:
        tags.append(NETWORK)
    return tags


class CachePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.browser_max_age = settings.CACHE_BROWSER_MAX_AGE
        self.proxy_max_age = settings.CACHE_PROXY_MAX_AGE

    def __call__(self, request):
        response = self.get_response(request)
        if is_publicly_cacheable(request, response):
            patch_cache_control(
                response, public=True, max_age=self.browser_max_age, s_maxage=self.proxy_max_age
            )
            tags = cache_tags(request)
            if tags:
                response[TAG_HEADER] = " ".join(tags)
        elif not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response
