"""The reader's search on every site (``/suche/``, ``/en/search/``)."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.search.utils import normalise_query_string

from directory.models import DirectoryPage
from directory.queries import search_offers
from feeds.network import NetworkScope
from home.site_context import SiteContext
from microsites.models import Member

from .forms import SCOPE_NETWORK, SearchForm
from .highlight import highlight_terms, mark, page_text, snippet

RESULTS_PER_PAGE = 10
OFFERS_SHOWN = 5


@dataclass
class SearchResult:
    page: object
    url: str
    title: str
    snippet: str
    kind: str
    owner: str

    @property
    def date(self):
        return getattr(self.page, "date", None)


@dataclass
class OfferResult:
    offer: object
    url: str
    title: str
    snippet: str
    meta: str


@dataclass
class Promotion:
    title: str
    url: str
    description: str
    external: bool


@dataclass
class KindOption:
    value: str
    label: str
    count: int
    selected: bool


def _content_type_value(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def _content_type_for(value):
    try:
        app_label, model = value.split(".", 1)
        return ContentType.objects.get_by_natural_key(app_label, model)
    except (ValueError, ContentType.DoesNotExist):
        return None


def _kind_label(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    return str(model._meta.verbose_name) if model else ""


def promotions_for(query, scope, request, *, show_external):
    """LAG staff's promoted results for this query that lie within the scope, in its language."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order", "pk")
    )
    keys = {p.page.translation_key for p in promotions if p.page_id}
    in_scope = (
        {page.translation_key: page for page in scope.pages().filter(translation_key__in=keys)}
        if keys
        else {}
    )
    found = []
    for promotion in promotions:
        if promotion.page_id:
            page = in_scope.get(promotion.page.translation_key)
            if page is not None:
                found.append(
                    Promotion(
                        page.title,
                        page.get_url(request),
                        promotion.description or page.search_description,
                        False,
                    )
                )
        elif show_external and promotion.external_link_url:
            found.append(
                Promotion(
                    promotion.external_link_text or promotion.external_link_url,
                    promotion.external_link_url,
                    promotion.description,
                    True,
                )
            )
    return found, [page.pk for page in in_scope.values()]


def offer_results(query, net, request, terms):
    """Offers and contact points matching the query: on the umbrella site those of every active
    member, on a microsite the member's own; each links to its card in the site's directory.
    Empty when the site has no directory in this language."""
    language_code = net.language_code
    directory_type = ContentType.objects.get_for_model(DirectoryPage).pk
    directory = next(
        (
            page
            for page in net._children_by_home.get(language_code, [])
            if page.content_type_id == directory_type
        ),
        None,
    )
    if directory is None:
        return [], False, ""
    if net.is_umbrella:
        member_ids = Member.objects.active().values_list("pk", flat=True)
    else:
        member_ids = [net.member.pk] if net.member.active else []
    locale_ids = [
        home.locale_id for code, home in net.homes.items() if code in {language_code, "de"}
    ]
    offers, more = search_offers(query, language_code, locale_ids, member_ids, OFFERS_SHOWN)
    directory_url = directory.get_url(request)
    found = []
    for offer in offers:
        place = offer.town
        if offer.district.name != offer.town:
            place = f"{offer.town} ({offer.district.name})"
        meta = [str(offer.kind_label), place]
        if net.is_umbrella:
            meta.append(str(offer.member.short_name or offer.member.name))
        found.append(
            OfferResult(
                offer=offer,
                url=f"{directory_url}?{urlencode({'q': offer.name})}#angebot-{offer.pk}",
                title=mark(offer.name, terms),
                snippet=snippet(offer.description, terms),
                meta=" · ".join(meta),
            )
        )
    return found, more, f"{directory_url}?{urlencode({'q': query})}"


def _query_string(params, **changes):
    merged = {key: value for key, value in {**params, **changes}.items() if value}
    return urlencode(merged)


@require_safe
def search(request):
    """Search the current site in the current language; on the umbrella site optionally the
    whole network, with every result labelled with the member it comes from."""
    net = SiteContext.for_request(request)
    form = SearchForm(request.GET or None)
    context = {
        "form": form,
        "search_query": request.GET.get("q", "")[:400],
        "network_switch": net.is_umbrella,
        "results_page": None,
        "results": [],
        "promotions": [],
        "kinds": [],
    }
    if not form.is_bound:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)

    query = form.cleaned_data["q"]
    network = net.is_umbrella and form.cleaned_data["bereich"] == SCOPE_NETWORK
    context.update(
        search_query=query,
        network=network,
        ignored_characters=form.ignored_characters,
    )
    if not query:
        return render(request, "search/search.html", context)

    scope = NetworkScope.for_locale() if network else NetworkScope.for_site(net)
    umbrella_name = str(net.settings.site_name)
    if not scope.homes:
        # The site has no live home page in this language: nothing to search.
        return render(request, "search/search.html", context)
    promotions, promoted_ids = promotions_for(query, scope, request, show_external=net.is_umbrella)
    pages = scope.pages().exclude(id__in=promoted_ids) if promoted_ids else scope.pages()

    facets = pages.search(query, order_by_relevance=False).facet("content_type_id")
    selected_type = _content_type_for(form.cleaned_data["typ"] or "")
    if selected_type is not None and selected_type.pk in facets:
        pages = pages.filter(content_type=selected_type)
    else:
        selected_type = None
    kinds = sorted(
        (
            KindOption(
                _content_type_value(ContentType.objects.get_for_id(type_id)),
                _kind_label(type_id),
                count,
                selected_type is not None and type_id == selected_type.pk,
            )
            for type_id, count in facets.items()
        ),
        key=lambda kind: (-kind.count, kind.label),
    )

    results = pages.specific().search(query)
    results_page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("seite"))
    terms = highlight_terms(query)
    offers, more_offers, offers_url = [], False, ""
    if selected_type is None and results_page.number == 1:
        offers, more_offers, offers_url = offer_results(query, net, request, terms)
    entries = []
    for page in results_page.object_list:
        owner = scope.owner_of(page)
        entries.append(
            SearchResult(
                page=page,
                url=page.get_url(request),
                title=mark(page.title, terms),
                snippet=snippet(page_text(page, net.language_code), terms),
                kind=_kind_label(page.content_type_id),
                owner=str(owner.name) if owner is not None else umbrella_name,
            )
        )
    params = {
        "q": query,
        "bereich": SCOPE_NETWORK if network else "",
        "typ": _content_type_value(selected_type) if selected_type else "",
    }
    context.update(
        results_page=results_page,
        results=entries,
        promotions=promotions,
        kinds=kinds,
        selected_type=params["typ"],
        page_query=_query_string(params),
        network_query=_query_string({"q": query, "bereich": SCOPE_NETWORK}),
        total=results_page.paginator.count + len(promotions) + len(offers),
        offers=offers,
        more_offers=more_offers,
        offers_url=offers_url,
    )
    return render(request, "search/search.html", context)
