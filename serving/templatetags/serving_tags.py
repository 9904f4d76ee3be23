"""``{% fragment_cache "name" key ... %}…{% endfragment_cache %}``: a part of a page that is
the same for every reader, kept in the application cache for ``FRAGMENT_TIMEOUT`` seconds and
forgotten at once when anything tagged with the current site (or, on the umbrella site, the
network) changes (``serving.tags.invalidate``). Switched off with ``FRAGMENT_CACHE=false``."""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Site

from ..tags import cache_tags_for_site, generation

register = template.Library()

# Fragments may show dates that pass by themselves ("upcoming"): never older than this.
FRAGMENT_TIMEOUT = 300


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name, keys):
        self.nodelist = nodelist
        self.name = name
        self.keys = keys

    def render(self, context):
        if not settings.FRAGMENT_CACHE:
            return self.nodelist.render(context)
        request = context.get("request")
        site = Site.find_for_request(request) if request is not None else None
        if site is None:
            return self.nodelist.render(context)
        tags = cache_tags_for_site(site)
        parts = [str(key.resolve(context)) for key in self.keys]
        key = ":".join(
            [
                "serving:fragment",
                self.name.resolve(context),
                translation.get_language() or "",
                generation(tags),
                *parts,
            ]
        )
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, str(html), FRAGMENT_TIMEOUT)
        return mark_safe(html)  # noqa: S308 - rendered by the template above


@register.tag
def fragment_cache(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment_cache needs a name")
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    return FragmentCacheNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
