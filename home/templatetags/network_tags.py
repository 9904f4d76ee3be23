from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext

from home.images import IMAGE_SIZES, PICTURE_FORMATS, specs_for
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
    current = translation.get_language()
    net = SiteContext.for_request(request)
    translations = {}
    if page is not None and getattr(page, "pk", None):
        if getattr(page, "is_preview", False) or getattr(request, "is_preview", False):
            translations = {current: page}
        else:
            translations = net.translations_of(page)
    entries = []
    for code, name in settings.LANGUAGES:
        entry = {"code": code, "name": name, "current": code == current, "url": None}
        if page is not None and getattr(page, "pk", None):
            target = translations.get(code)
            if target is not None:
                entry["url"] = target.get_url(request)
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
