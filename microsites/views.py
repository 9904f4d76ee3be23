from django.http import HttpResponse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from .models import SiteSettings

ONE_YEAR = 60 * 60 * 24 * 365


@require_GET
def brand_css(request):
    """The site's colours as CSS custom properties (a static stylesheet per site and version).

    Served as a file rather than inline styles so pages stay free of style attributes and
    ready for a strict Content-Security-Policy.

    A preview is shown inside the admin, on the admin's host: its pages ask for their own site's
    colours with ``?site=<id>`` (colours are public, so any site may be named)."""
    site = None
    if request.GET.get("site", "").isdigit():
        site = Site.objects.filter(pk=int(request.GET["site"])).first()
    site_settings = (
        SiteSettings.for_site(site) if site is not None else SiteSettings.for_request(request)
    )
    body = (
        ":root{"
        f"--colour-primary:{site_settings.primary_colour};"
        f"--colour-accent:{site_settings.accent_colour};"
        "}\n"
    )
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == site_settings.brand_version:
        response["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    else:
        response["Cache-Control"] = "public, max-age=300"
    return response
