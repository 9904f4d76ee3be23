"""``/sitemap.xml`` per site: every live, public page of the site in every language, each with
``xhtml:link`` alternates for its translations and ``x-default`` (the German version)."""

from collections import defaultdict

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from home.site_context import SiteContext

from .network import NetworkScope

# The sitemap protocol's limit per file; larger sites get a sitemap index.
URLS_PER_SITEMAP = 50_000


def site_pages(site_context):
    """Live, public, unexpired pages of every language of the site, in tree order."""
    scope = NetworkScope.for_site_in_all_languages(site_context)
    return scope.pages().select_related("locale").order_by("path")


def sitemap_entries(request, pages):
    """One entry per page: location, last modification and the hreflang alternates."""
    pages = list(pages)
    translations = defaultdict(dict)
    for page in pages:
        translations[page.translation_key][page.locale.language_code] = page.get_full_url(request)
    entries = []
    for page in pages:
        urls = translations[page.translation_key]
        alternates = [{"lang_code": code, "location": url} for code, url in sorted(urls.items())]
        if settings.LANGUAGE_CODE in urls:
            alternates.append({"lang_code": "x-default", "location": urls[settings.LANGUAGE_CODE]})
        entries.append(
            {
                "location": urls[page.locale.language_code],
                "lastmod": page.last_published_at,
                "alternates": alternates,
            }
        )
    return entries


@require_safe
def sitemap(request):
    net = SiteContext.for_request(request)
    entries = sitemap_entries(request, site_pages(net))
    paginator = Paginator(entries, URLS_PER_SITEMAP)
    section = request.GET.get("p")
    if section is None and paginator.num_pages > 1:
        base = request.build_absolute_uri(request.path)
        return TemplateResponse(
            request,
            "feeds/sitemap_index.xml",
            {"sections": [f"{base}?p={n}" for n in paginator.page_range]},
            content_type="application/xml; charset=utf-8",
        )
    try:
        urlset = paginator.page(section or 1).object_list
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from error
    response = TemplateResponse(
        request,
        "feeds/sitemap.xml",
        {"urlset": urlset},
        content_type="application/xml; charset=utf-8",
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
