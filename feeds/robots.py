"""``/robots.txt`` per site, and the switch that keeps non-production deployments out of search
engines (``SEARCH_ENGINE_INDEXING``)."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from home.site_context import SiteContext

NOINDEX = "noindex, nofollow"


def indexing_allowed():
    return getattr(settings, "SEARCH_ENGINE_INDEXING", False)


def _search_paths():
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return sorted(set(paths))


@require_safe
def robots_txt(request):
    net = SiteContext.for_request(request)
    if not indexing_allowed():
        lines = [
            "# This deployment is not the public website: nothing here is to be indexed.",
            "User-agent: *",
            "Disallow: /",
        ]
    else:
        lines = ["User-agent: *", "Disallow: /admin/"]
        lines += [f"Disallow: {path}" for path in _search_paths()]
        lines += ["", f"Sitemap: {net.site.root_url}/sitemap.xml"]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


class RobotsTagMiddleware:
    """Marks every response of a non-production deployment ``X-Robots-Tag: noindex, nofollow``,
    so that feeds, documents and API answers stay out of search engines too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not indexing_allowed():
            response.setdefault("X-Robots-Tag", NOINDEX)
        return response
