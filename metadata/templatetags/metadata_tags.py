from django import template
from django.conf import settings
from django.utils import translation
from django.utils.safestring import mark_safe

from home.images import specs_for
from home.site_context import SiteContext

from ..description import page_description, social_image
from ..structured_data import structured_data, to_json_ld

register = template.Library()

# OpenGraph wants territory locales.
OG_LOCALES = {"de": "de_DE", "en": "en_GB"}


@register.inclusion_tag("metadata/page_meta.html", takes_context=True)
def page_meta(context, page=None):
    """Description, OpenGraph and Twitter card tags and the JSON-LD of a page (or of a view
    without a page, such as the search)."""
    request = context.get("request")
    if request is None:
        return {}
    net = SiteContext.for_request(request)
    if page is not None and not getattr(page, "pk", None):
        page = None
    is_preview = getattr(request, "is_preview", False)
    language = translation.get_language() or settings.LANGUAGE_CODE
    image, image_alt = social_image(page, net)
    rendition = image.get_rendition(specs_for("social")[0]) if image is not None else None
    title = (page.seo_title or page.title) if page is not None else context.get("meta_title", "")
    url = page.get_full_url(request) if page is not None and not is_preview else None
    is_article = page is not None and hasattr(page, "teaser") and hasattr(page, "date")
    published = modified = None
    if is_article:
        from feeds.news import published_at

        published = published_at(page)
        modified = page.last_published_at or published
    return {
        "description": page_description(page, net),
        "title": title or str(net.settings.site_name),
        "site_name": str(net.settings.site_name),
        "url": url,
        "og_type": "article" if is_article else "website",
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternate_locales": [
            OG_LOCALES.get(code, code) for code, _name in settings.LANGUAGES if code != language
        ],
        "image_url": request.build_absolute_uri(rendition.url) if rendition else None,
        "image": rendition,
        "image_alt": image_alt,
        "page": page,
        "is_article": is_article,
        "published": published,
        "modified": modified,
        "json_ld": (
            []
            if is_preview
            else [mark_safe(to_json_ld(entity)) for entity in structured_data(page, request, net)]  # noqa: S308 - escaped for HTML by to_json_ld
        ),
    }
