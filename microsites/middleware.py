from django.http import HttpResponse
from django.http.request import split_domain_port
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from serving.health import PATHS as HEALTH_PATHS
from serving.health import healthz

from .hosts import lookup_host

# Paths that answer on any host: the health check for load balancers.
HOST_INDEPENDENT_PATHS = HEALTH_PATHS
ADMIN_PREFIX = "/admin/"
# Served on a site that is not public yet: static files for the neutral page.
OPEN_BEFORE_PUBLIC_PREFIXES = ("/static/",)


class SiteHostMiddleware:
    """Answers only hosts that a Wagtail ``Site`` serves.

    An unknown host gets 400 (never the default site's content); the site of a deactivated
    member gets 410 with a short neutral page, except for the admin, where LAG staff still work.
    A member's site whose Impressum or Datenschutzerklärung is not live yet shows a neutral
    "im Aufbau" page (200, noindex) instead of any page but its live legal pages.

    The 410 page links to the network's own site; the 400 page names no site (an unknown host
    may be anybody's domain pointed at this server). This middleware comes after the security headers
    and WhiteNoise in ``MIDDLEWARE``, so that these answers carry the same headers as every page
    and find their stylesheet on every host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in HOST_INDEPENDENT_PATHS:
            return healthz(request)
        hostname, _port = split_domain_port(request.get_host())
        state = lookup_host(hostname) if hostname else None
        if state is None:
            return self._neutral_response("400.html", 400)
        if request.path.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        if not state.active:
            return self._neutral_response("410.html", 410)
        if not state.public and not self._open_before_public(request.path, state):
            return self._under_construction()
        return self.get_response(request)

    @staticmethod
    def _open_before_public(path, state):
        return path in state.open_paths or path.startswith(OPEN_BEFORE_PUBLIC_PREFIXES)

    def _under_construction(self):
        # 200, not 503: a new site may stay in this state for weeks, and nothing is broken.
        # Search engines are told not to index it; no cache keeps it once the site is public.
        response = self._neutral_response("under_construction.html", 200)
        response["X-Robots-Tag"] = "noindex"
        response["Cache-Control"] = "no-store"
        return response

    def _neutral_response(self, template, status):
        # Rendered without a request: these pages say the same to everyone, in both languages.
        network = Site.objects.filter(is_default_site=True).first() if status == 410 else None
        with translation.override("de"):
            body = render_to_string(template, {"network_url": network.root_url if network else ""})
        return HttpResponse(body, status=status)
