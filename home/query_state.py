"""The reader-facing query parameters, one vocabulary for every site.

The same word means the same thing wherever it appears: ``bezirk`` is a district's ARS key (or
``online`` in the calendar) in the directory, the member directory and the calendar alike. A
language switch or a canonical link keeps the parameters listed here and drops anything else
(tracking parameters, typos), so that switching language never loses a filter.
"""

from django.http import QueryDict

DISTRICT = "bezirk"
PAGE = "seite"

# Parameters that describe what a listing shows; kept when the reader switches language.
KEPT_PARAMETERS = (
    "q",
    DISTRICT,
    "art",
    "zielgruppe",
    "barrierefrei",
    "online",
    "geoeffnet",
    "monat",
    "ansicht",
    "bereich",
    "typ",
    PAGE,
)

# Former names that still work: a link with one of them is redirected to the current name.
ALIASES = {"kreis": DISTRICT}


def kept_query(request):
    """The allowed parameters of ``request`` as ``?a=1&b=2`` (empty when there are none)."""
    kept = QueryDict(mutable=True)
    for name in KEPT_PARAMETERS:
        values = [value for value in request.GET.getlist(name) if value]
        if values:
            kept.setlist(name, values)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else ""


def page_number(request):
    """The page number of a paginated listing when it is a valid one beyond the first."""
    raw = request.GET.get(PAGE, "")
    return int(raw) if raw.isdigit() and 1 < int(raw) < 10**6 else None


def without_aliases(request):
    """The request's path with former parameter names replaced by the current ones, or None
    when it uses none (then there is nothing to redirect)."""
    if not any(alias in request.GET for alias in ALIASES):
        return None
    renamed = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        target = ALIASES.get(name, name)
        if target != name and target in request.GET:
            continue  # the current name wins over the former one
        renamed.setlist(target, values)
    encoded = renamed.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path
