from django.http import HttpResponse
from django.http.request import split_domain_port
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Site

from .hosts import lookup_host

# Paths that answer on any host: the health check for load balancers.
HOST_INDEPENDENT_PATHS = ("/-/health/",)


class SiteHostMiddleware:
    """Answers only hosts that a Wagtail ``Site`` serves.

    An unknown host gets 400 (never the default site's content); the site of a deactivated
    member gets 410 with a short neutral page, except for the admin, where LAG staff still work.
    The 410 page links to the network's own site; the 400 page names no site (an unknown host
    may be anybody's domain pointed at this server). This middleware comes after the security headers
    and WhiteNoise in ``MIDDLEWARE``, so that these answers carry the same headers as every page
    and find their stylesheet on every host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in HOST_INDEPENDENT_PATHS:
            return HttpResponse("ok", content_type="text/plain")
        hostname, _port = split_domain_port(request.get_host())
        state = lookup_host(hostname) if hostname else None
        if state is None:
            return self._neutral_response("400.html", 400)
        if not state.active and not request.path.startswith("/admin/"):
            return self._neutral_response("410.html", 410)
        return self.get_response(request)

    def _neutral_response(self, template, status):
        # Rendered without a request: these pages say the same to everyone, in both languages.
        network = Site.objects.filter(is_default_site=True).first() if status == 410 else None
        with translation.override("de"):
            body = render_to_string(template, {"network_url": network.root_url if network else ""})
        return HttpResponse(body, status=status)
