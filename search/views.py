from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.site_context import SiteContext

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


def search(request):
    """Search the pages of the current site in the current language."""
    net = SiteContext.for_request(request)
    query = request.GET.get("q", "").strip()
    error = None
    results_page = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Der Suchbegriff ist zu lang (höchstens %(max)s Zeichen).") % {
            "max": MAX_QUERY_LENGTH
        }
    elif query and not any(char.isalnum() for char in query):
        error = _("Bitte gib mindestens einen Buchstaben oder eine Ziffer ein.")
    elif query and net.home is not None:
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(net.home, inclusive=True)
            .filter(locale=Locale.get_active())
            .specific()
        )
        results = pages.search(query)
        results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results_page": results_page, "error": error},
        status=400 if error else 200,
    )
