"""The reader's views of the directory: offers with filters and map, and the member directory.

Both build their context in a fixed number of queries, whatever the number of offers or
members (pinned in tests/test_directory_queries.py)."""

from html import unescape
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from districts.models import District
from home.images import images_with_renditions
from home.site_context import SiteContext
from microsites.models import Member, MicrositeHomePage
from search.text import query_terms

from .choices import Kind, label_of
from .forms import DirectoryFilterForm, MemberFilterForm
from .map import ATTRIBUTION_TEXT, ATTRIBUTION_URL, district_shapes, view_box
from .models import OpeningHours
from .opening_hours import berlin_now
from .queries import for_target_group, live_offers, public_offers

OFFERS_PER_PAGE = 20
MAX_QUERY_WORDS = 10
# Upper bounds of the map's shades: 0, 1, 2–3, 4–6, 7 and more.
SHADE_BOUNDS = (0, 1, 3, 6)


def shade_of(count):
    for shade, bound in enumerate(SHADE_BOUNDS):
        if count <= bound:
            return shade
    return len(SHADE_BOUNDS)


def legend():
    labels = [
        _("keine Angebote"),
        _("1 Angebot"),
        _("2–3 Angebote"),
        _("4–6 Angebote"),
        _("7 und mehr Angebote"),
    ]
    return list(enumerate(labels))


def _query_string(values, **changes):
    """The filter values as a query string (lists as repeated parameters)."""
    merged = {**values, **changes}
    pairs = []
    for name, value in merged.items():
        if value in (None, "", [], False):
            continue
        if isinstance(value, list | tuple):
            pairs.extend((name, item) for item in value)
        elif value is True:
            pairs.append((name, "1"))
        else:
            pairs.append((name, value))
    return urlencode(pairs)


def apply_filters(offers, values):
    """Every filter except the district (the map counts per district over the rest)."""
    # Every term must occur; a term is one word or its gender forms ("Berater*innen" is
    # found by "Beraterin" and "Berater", see search/text.py).
    for group in query_terms(values.get("q", ""))[:MAX_QUERY_WORDS]:
        condition = Q()
        for word in group:
            condition |= (
                Q(name__icontains=word)
                | Q(description__icontains=word)
                | Q(town__icontains=word)
                | Q(member__name__icontains=word)
            )
        offers = offers.filter(condition)
    if values.get("art"):
        offers = offers.filter(kind=values["art"])
    if values.get("zielgruppe"):
        offers = for_target_group(offers, values["zielgruppe"])
    for feature in values.get("barrierefrei", []):
        offers = offers.filter(**{feature: True})
    if values.get("online"):
        offers = offers.filter(remote_only=True)
    if values.get("geoeffnet"):
        weekday, now = berlin_now()
        open_rows = OpeningHours.objects.filter(weekday=weekday, opens__lte=now, closes__gt=now)
        offers = offers.filter(pk__in=open_rows.values("offer"))
    return offers


def directory_context(page, request):
    net = SiteContext.for_request(request)
    language_code = translation.get_language() or "de"
    members = None if net.is_umbrella else [net.member]
    districts = list(District.objects.all())
    form = DirectoryFilterForm(request.GET or None, districts=districts)
    values = form.values

    offers = apply_filters(public_offers(language_code, members), values)
    counts = dict(
        offers.order_by()
        .values("district")
        .annotate(count=Count("pk"))
        .values_list("district", "count")
    )
    results = offers
    selected = values.get("bezirk", "")
    if selected:
        results = results.filter(district=selected)
    results = (
        results.select_related("district", "member__site", "locale")
        .prefetch_related("opening_hours")
        .order_by("name", "pk")
    )
    paginator = Paginator(results, OFFERS_PER_PAGE)
    offers_page = paginator.get_page(request.GET.get("seite"))
    offers_page.object_list = list(offers_page.object_list)
    # "Open now" is computed while rendering, in Berlin time: the page's cache lifetime is
    # short (see docs/directory.md), so the mark is at most that old.
    for offer in offers_page.object_list:
        offer.open_now = offer.is_open_at()
    # For the JSON-LD in the page head (DirectoryPage.get_structured_data): no second query.
    request._directory_offers = offers_page.object_list

    shapes = district_shapes()
    map_districts = []
    for district in districts:
        count = counts.get(district.ars, 0)
        map_districts.append(
            {
                "district": district,
                "shape": shapes.get(district.ars),
                "count": count,
                "shade": shade_of(count),
                "selected": district.ars == selected,
                "query": _query_string(values, bezirk=district.ars),
            }
        )
    selected_district = next((d for d in districts if d.ars == selected), None)
    return {
        "filter_form": form,
        "filter_values": values,
        "filters_active": bool(values),
        "filter_query": _query_string(values),
        "offers_page": offers_page,
        "offer_count": paginator.count,
        "selected_district": selected_district,
        "map_districts": map_districts,
        "map_view_box": view_box(),
        "map_legend": legend(),
        "map_attribution": ATTRIBUTION_TEXT,
        "map_attribution_url": ATTRIBUTION_URL,
        "all_districts_query": _query_string(values, bezirk=None),
        "show_member": net.is_umbrella,
    }


def _plain_text(html):
    return unescape(strip_tags(html or "")).strip()


def _kind_position(code):
    order = Kind.values
    return order.index(code) if code in order else len(order)


def member_directory_context(page, request):
    """Active members with logo, short description and link from their own records; the short
    description is the intro of the member's home page in the reader's language (German if
    there is no translation), never a second copy."""
    language_code = translation.get_language() or "de"
    districts = list(District.objects.all())
    form = MemberFilterForm(request.GET or None, districts=districts)
    values = form.values

    members = (
        Member.objects.public()
        .filter(site__isnull=False)
        .select_related("district", "site__root_page")
        .prefetch_related(Prefetch("logo", queryset=images_with_renditions("logo")))
        .order_by("name")
    )
    if values.get("bezirk"):
        members = members.filter(district=values["bezirk"])
    if values.get("art"):
        members = members.filter(pk__in=live_offers().filter(kind=values["art"]).values("member"))
    members = list(members)

    keys = [member.site.root_page.translation_key for member in members]
    homes = {}
    for home in (
        MicrositeHomePage.objects.live()
        .filter(translation_key__in=keys, locale__language_code__in={language_code, "de"})
        .select_related("locale")
        .defer_streamfields()
    ):
        code = home.locale.language_code
        if code == language_code or home.translation_key not in homes:
            homes[home.translation_key] = home

    kinds = {}
    for member_id, kind in (
        live_offers()
        .filter(member__in=[member.pk for member in members])
        .order_by()
        .values_list("member", "kind")
        .distinct()
    ):
        kinds.setdefault(member_id, set()).add(kind)

    entries = []
    for member in members:
        home = homes.get(member.site.root_page.translation_key)
        description = ""
        site_url = f"{member.root_url}/"
        if home is not None:
            description = _plain_text(home.intro) or home.search_description
            if home.locale.language_code != "de":
                site_url = f"{member.root_url}/{home.locale.language_code}/"
        entries.append(
            {
                "member": member,
                "description": description,
                "site_url": site_url,
                "kinds": [
                    label_of(Kind, kind)
                    for kind in sorted(kinds.get(member.pk, ()), key=_kind_position)
                ],
            }
        )
    return {
        "filter_form": form,
        "filter_values": values,
        "filters_active": bool(values),
        "entries": entries,
    }
