from django import template

from home.site_context import SiteContext

from ..discovery import feed_links as collect_feed_links
from ..robots import NOINDEX, indexing_allowed

register = template.Library()


@register.inclusion_tag("feeds/feed_links.html", takes_context=True)
def feed_links(context):
    """``<link rel="alternate">`` for every feed of this site in the current language."""
    request = context.get("request")
    if request is None:
        return {"links": []}
    return {"links": collect_feed_links(request, SiteContext.for_request(request))}


@register.simple_tag
def robots_content(wanted=""):
    """The robots meta value: ``wanted`` (e.g. "noindex, follow" for search results), or
    "noindex, nofollow" everywhere when this deployment must not be indexed."""
    if not indexing_allowed():
        return NOINDEX
    return wanted
