from django import template
from django.conf import settings
from django.http import Http404
from django.template.defaulttags import querystring
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from home.images import IMAGE_SIZES, PICTURE_FORMATS, specs_for
from home.query_state import kept_query, page_number
from home.site_context import SiteContext

register = template.Library()

LANGUAGE_NAMES = dict(settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def site_context(context):
    request = context.get("request")
    return SiteContext.for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """One entry per language: where this page is in that language, or that it is missing.

    Entries: code, name, url (absolute path or None), current, missing_text, fallback_url.
    """
    request = context["request"]
    page = page or None  # a template without ``page`` passes ""
    current = translation.get_language()
    net = SiteContext.for_request(request)
    translations = {}
    if page is not None and getattr(page, "pk", None):
        if getattr(page, "is_preview", False) or getattr(request, "is_preview", False):
            translations = {current: page}
        else:
            translations = net.translations_of(page)
    not_found = page is None and _is_page_not_found(request)
    if not_found:
        # A page that does not exist has no translation either: offer the translation of the
        # nearest page above it that does exist (or the home page), never another 404.
        ancestor = _nearest_existing_ancestor(request, net, current)
        translations = net.translations_of(ancestor) if ancestor is not None else {}
    query = kept_query(request)
    entries = []
    for code, name in settings.LANGUAGES:
        entry = {"code": code, "name": name, "current": code == current, "url": None}
        if not_found:
            target = translations.get(code) or net.homes.get(code)
            if target is not None and not entry["current"]:
                entry["url"] = target.get_url(request)
        elif page is not None and getattr(page, "pk", None):
            target = translations.get(code)
            if target is not None:
                url = target.get_url(request)
                # Filters, month and page number stay when the reader switches language.
                entry["url"] = f"{url}{query}" if url else url
        else:
            entry["url"] = translate_url(request.get_full_path(), code)
        if entry["url"] is None:
            with translation.override(code):
                entry["missing_text"] = (
                    gettext("Diese Seite gibt es nicht auf Deutsch.")
                    if code == "de"
                    else gettext("Diese Seite gibt es nicht auf Englisch.")
                )
                entry["fallback_text"] = gettext("Zur Startseite")
            home = net.homes.get(code)
            entry["fallback_url"] = home.get_url(request) if home else None
        entries.append(entry)
    return entries


def _is_page_not_found(request):
    """Whether Wagtail's page view found no page for this request (the 404 page renders)."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


def _nearest_existing_ancestor(request, net, language_code):
    home = net.homes.get(language_code)
    if home is None:
        return None
    prefix = f"/{language_code}/" if language_code != settings.LANGUAGE_CODE else "/"
    path = request.path[len(prefix) :] if request.path.startswith(prefix) else request.path
    components = [component for component in path.split("/") if component]
    for length in range(len(components) - 1, 0, -1):
        try:
            found = home.specific.route(request, components[:length])
        except Http404:
            continue
        page = getattr(found, "page", None) or found[0]
        if page.live:
            return page
    return home


@register.simple_tag(takes_context=True)
def canonical_url(context, page):
    """The page's canonical address; a later page of a paginated listing is its own."""
    url = page.get_full_url(context["request"])
    number = page_number(context["request"])
    return f"{url}?seite={number}" if url and number else url


@register.simple_tag(takes_context=True)
def query(context, *args, **kwargs):
    """Django's ``{% querystring %}`` without the lone ``?`` it gives for an empty query, so a
    link to the plain page ends in the path."""
    result = querystring(context, *args, **kwargs)
    return "" if result == "?" else result


@register.simple_tag(takes_context=True)
def alternate_links(context, page):
    """hreflang alternates of a page: (language code, absolute URL) pairs, plus x-default."""
    request = context["request"]
    links = []
    default_url = None
    for code, candidate in SiteContext.for_request(request).translations_of(page).items():
        url = candidate.get_full_url(request)
        links.append((code, url))
        if code == settings.LANGUAGE_CODE:
            default_url = url
    links.sort()
    if default_url:
        links.append(("x-default", default_url))
    return links


@register.inclusion_tag("home/includes/picture.html")
def picture(image, size, alt="", css_class="", eager=False, priority=False):
    """A <picture> with WebP and JPEG sources from the renditions prepared for ``size``.

    Images load lazily unless ``eager`` (above the fold, e.g. the header logo); ``priority``
    also asks the browser to fetch the image first (the largest image of a page's first view)."""
    if not image:
        return {"image": None}
    dimensions, sizes = IMAGE_SIZES[size]
    renditions = image.get_renditions(*specs_for(size))
    sources = []
    for fmt in PICTURE_FORMATS:
        candidates = [renditions[f"{dim}|format-{fmt}"] for dim in dimensions]
        srcset = ", ".join(f"{r.url} {r.width}w" for r in candidates)
        sources.append({"type": f"image/{fmt}", "srcset": srcset, "renditions": candidates})
    fallback = sources[-1]["renditions"][0]
    return {
        "image": image,
        "sources": sources[:-1],
        "fallback": fallback,
        "fallback_srcset": sources[-1]["srcset"],
        "sizes": sizes,
        "alt": alt,
        "css_class": css_class,
        "eager": eager or priority,
        "priority": priority,
    }


@register.filter
def with_district(town, district):
    """``Plauen (Vogtlandkreis)``; the town alone where the district bears its name (Bautzen,
    Chemnitz, Görlitz), the district alone where there is no town."""
    town = (town or "").strip()
    name = str(district or "").strip()
    if not town:
        return name
    if not name or name.casefold() == town.casefold():
        return town
    return f"{town} ({name})"


@register.filter
def differs_from(district, town):
    """Whether the district's name adds anything to the town's (for separate lines)."""
    return bool(district) and str(district).strip().casefold() != (town or "").strip().casefold()


@register.filter
def filesize(value):
    """Human-readable file size in the active language (1,2 MB / 1.2 MB)."""
    from django.template.defaultfilters import filesizeformat

    return filesizeformat(value or 0)


@register.filter
def contains_page(section, page):
    """Whether ``page`` lies inside ``section`` (for marking the current navigation item)."""
    return bool(page and getattr(page, "path", None) and page.path.startswith(section.path))


def field_anchor(bound_field):
    """The id of the element a link to ``bound_field`` should focus: the input itself, or the
    first option of a group of checkboxes or radio buttons."""
    if anchor := bound_field.id_for_label:
        return anchor
    base = bound_field.field.widget.attrs.get("id") or bound_field.auto_id
    return f"{base}_0" if base else ""


@register.inclusion_tag("includes/error_summary.html")
def error_summary(form=None, errors=None, message=None):
    """The error summary at the top of a form (the GOV.UK pattern): one link per problem,
    pointing at the field to correct; the summary takes the focus when the page loads.

    ``form`` is a Django form; ``errors`` a list of ``{"anchor": id, "message": text}``
    for checks made outside a form; ``message`` one sentence without a field."""
    entries = []
    if message:
        entries.append({"anchor": "", "message": message})
    if form is not None and form.errors:
        entries += [{"anchor": "", "message": error} for error in form.non_field_errors()]
        for bound_field in form:
            for error in bound_field.errors:
                entries.append(
                    {
                        "anchor": field_anchor(bound_field),
                        "message": f"{bound_field.label}: {error}",
                    }
                )
    entries += list(errors or [])
    return {"entries": entries}
