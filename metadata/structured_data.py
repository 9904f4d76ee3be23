"""Schema.org JSON-LD for every public page.

Every page carries the ``Organization`` of its site (from the member record and the site
settings) and, below the home page, a ``BreadcrumbList``. Page types add their own entities:

* a page class may define ``get_structured_data(self, request, site_context)`` returning a list
  of dicts (``news.NewsPage`` gets a ``NewsArticle`` this way, see ``PAGE_BUILDERS``);
* any app may register a ``register_structured_data`` hook, ``fn(page, request, site_context)``
  returning a list of dicts, for page types it does not own.

Events use ``event()`` with ``place()`` or ``virtual_location()``; an event page implements::

    def get_structured_data(self, request, site_context):
        location = virtual_location(self.online_url) if self.is_online else place(...)
        return [event(name=self.title, url=self.get_full_url(request), start=self.start, ...)]
"""

import json

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks

from home.images import specs_for

SCHEMA = "https://schema.org"
HEADLINE_LENGTH = 110


def to_json_ld(data):
    """JSON for a ``<script type="application/ld+json">`` data block, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(value):
    if value is None:
        return None
    if hasattr(value, "tzinfo") and timezone.is_naive(value):
        value = timezone.make_aware(value)
    if hasattr(value, "astimezone"):
        value = timezone.localtime(value)
    return value.isoformat()


def _clean(data):
    """Drop empty values so that validators see no empty properties."""
    if isinstance(data, dict):
        return {k: _clean(v) for k, v in data.items() if v not in (None, "", [], {})}
    if isinstance(data, list):
        return [_clean(item) for item in data]
    return data


def image_object(image, request):
    """An ``ImageObject`` for the social rendition of ``image``."""
    if image is None:
        return None
    rendition = image.get_rendition(specs_for("social")[0])
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def site_url(site_context):
    return f"{site_context.site.root_url}/" if site_context.site else ""


def organization_id(site_context):
    return f"{site_url(site_context)}#organisation"


def organization(site_context, request):
    """The organisation behind the current site: a member association or the LAG itself."""
    site_settings = site_context.settings
    member = site_context.member
    logo = site_settings.logo or (member.logo if member else None)
    data = {
        "@context": SCHEMA,
        "@type": "NGO",
        "@id": organization_id(site_context),
        "name": member.name if member else str(site_settings.site_name),
        "alternateName": member.short_name if member else None,
        "url": site_url(site_context),
        "description": site_settings.tagline,
        "logo": image_object(logo, request),
        "email": site_settings.contact_email or (member.contact_email if member else ""),
        "telephone": site_settings.contact_phone,
        "address": " ".join(site_settings.contact_address.split()) or None,
        "sameAs": [link.value["url"] for link in site_settings.social_links],
    }
    if member is not None:
        data["areaServed"] = {
            "@type": "AdministrativeArea",
            "name": member.district.name,
            "identifier": member.district.ars,
        }
        data["location"] = {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": member.town,
                "addressRegion": "Sachsen",
                "addressCountry": "DE",
            },
        }
        data["memberOf"] = {
            "@type": "NGO",
            "name": settings.NETWORK_NAME,
            "url": f"{settings.WAGTAILADMIN_BASE_URL}/",
        }
    else:
        data["areaServed"] = {"@type": "State", "name": "Sachsen"}
    return _clean(data)


def _ancestors(page, site_context):
    """The page's ancestors from the home page down, taken from what the site context already
    holds (home pages and their children); only deeper levels cost one query."""
    from wagtail.models import Page

    steplen = Page.steplen
    paths = [page.path[: steplen * depth] for depth in range(2, page.depth)]
    known = {home.path: home for home in site_context.homes.values()}
    for children in getattr(site_context, "_children_by_home", {}).values():
        known.update((child.path, child) for child in children)
    missing = [path for path in paths if path not in known]
    if missing:
        known.update((p.path, p) for p in Page.objects.filter(path__in=missing))
    return [known[path] for path in paths if path in known]


def breadcrumb_list(page, request, site_context):
    """The path from the site's home page to ``page`` (only below the home page)."""
    if page is None or not getattr(page, "pk", None) or page.depth <= 2:
        return None
    items = []
    for position, crumb in enumerate([*_ancestors(page, site_context), page], start=1):
        name = _("Startseite") if crumb.depth == 2 else crumb.title
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": crumb.get_full_url(request),
            }
        )
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


def news_article(page, request, site_context):
    from feeds.news import published_at
    from metadata.description import social_image

    image, _alt = social_image(page, None)
    author = page.author_line or (site_context.member.name if site_context.member else None)
    return _clean(
        {
            "@context": SCHEMA,
            "@type": "NewsArticle",
            "headline": page.title[:HEADLINE_LENGTH],
            "description": page.teaser,
            "url": page.get_full_url(request),
            "mainEntityOfPage": page.get_full_url(request),
            "inLanguage": page.locale.language_code,
            "datePublished": _iso(published_at(page)),
            "dateModified": _iso(page.last_published_at or published_at(page)),
            "articleSection": str(page.get_kind_display()),
            "image": [image_object(image, request)] if image else None,
            "author": {
                "@type": "Organization",
                "name": author or str(site_context.settings.site_name),
                "url": site_url(site_context),
            },
            "publisher": {"@id": organization_id(site_context)},
        }
    )


def place(name="", *, street="", postal_code="", town="", region="Sachsen", district=None):
    """A ``Place`` for an event or offer held somewhere (``district``: a districts.District)."""
    return _clean(
        {
            "@type": "Place",
            "name": name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": street,
                "postalCode": postal_code,
                "addressLocality": town,
                "addressRegion": region,
                "addressCountry": "DE",
            },
            "containedInPlace": (
                {"@type": "AdministrativeArea", "name": district.name, "identifier": district.ars}
                if district is not None
                else None
            ),
        }
    )


def virtual_location(url, name=""):
    """A ``VirtualLocation`` for an event held online."""
    return _clean({"@type": "VirtualLocation", "url": url, "name": name})


def event(
    *,
    name,
    url,
    start,
    end=None,
    all_day=False,
    description="",
    location=None,
    language="de",
    image=None,
    organizer=None,
    is_free=None,
    price=None,
    currency="EUR",
    registration_url="",
    status="EventScheduled",
):
    """An ``Event``; ``location`` is a ``place()``, a ``virtual_location()`` or a list of both
    (the attendance mode follows from it). Dates are shown as dates when ``all_day``."""
    locations = location if isinstance(location, list) else [location] if location else []
    kinds = {item.get("@type") for item in locations}
    if kinds == {"VirtualLocation"}:
        mode = "OnlineEventAttendanceMode"
    elif "VirtualLocation" in kinds:
        mode = "MixedEventAttendanceMode"
    else:
        mode = "OfflineEventAttendanceMode"

    def when(value):
        if value is None:
            return None
        if all_day:
            return (
                timezone.localtime(value).date() if hasattr(value, "hour") else value
            ).isoformat()
        return _iso(value)

    offers = None
    if is_free is not None or price is not None or registration_url:
        offers = {
            "@type": "Offer",
            "price": "0" if is_free else (str(price) if price is not None else None),
            "priceCurrency": currency if (is_free or price is not None) else None,
            "url": registration_url or url,
            "availability": f"{SCHEMA}/InStock",
        }
    return _clean(
        {
            "@context": SCHEMA,
            "@type": "Event",
            "name": name,
            "url": url,
            "description": description,
            "startDate": when(start),
            "endDate": when(end),
            "eventStatus": f"{SCHEMA}/{status}",
            "eventAttendanceMode": f"{SCHEMA}/{mode}",
            "location": locations[0] if len(locations) == 1 else locations,
            "inLanguage": language,
            "image": [image] if image else None,
            "organizer": organizer,
            "isAccessibleForFree": is_free,
            "offers": offers,
        }
    )


def _builders():
    from news.models import NewsPage

    return {NewsPage: news_article}


def page_entities(page, request, site_context):
    """The entities the page itself contributes (article, event, ...)."""
    if page is None or not getattr(page, "pk", None):
        return []
    entities = []
    own = getattr(page, "get_structured_data", None)
    if callable(own):
        entities.extend(own(request, site_context) or [])
    else:
        builder = _builders().get(type(page))
        if builder is not None:
            entities.append(builder(page, request, site_context))
    for hook in hooks.get_hooks("register_structured_data"):
        entities.extend(hook(page, request, site_context) or [])
    return entities


def structured_data(page, request, site_context):
    """Every JSON-LD entity for a page: organisation, the page's own entities, breadcrumbs."""
    entities = [organization(site_context, request)]
    entities.extend(page_entities(page, request, site_context))
    breadcrumbs = breadcrumb_list(page, request, site_context)
    if breadcrumbs:
        entities.append(breadcrumbs)
    return entities
