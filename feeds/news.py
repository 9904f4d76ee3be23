"""RSS 2.0 and Atom feeds of news: one per site and language, and the network feed.

Each site's feed lists the live articles of its news index in the requested language; the network
feed (umbrella site only) lists what members offer to the network (``editorial.syndication``),
every item linking to its canonical URL on the member's own site and naming the member."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Locale

from editorial.syndication import network_pages
from home.images import images_with_renditions, specs_for
from home.site_context import SiteContext
from news.models import NewsIndexPage, NewsPage

from .network import NetworkScope

FEED_LENGTH = 20
FEED_TTL_MINUTES = "60"


class NetworkRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the item's origin as <source> (the member site it comes from)."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("source_name") and item.get("source_url"):
            handler.addQuickElement("source", item["source_name"], {"url": item["source_url"]})


class NetworkAtomFeed(Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("source_name") and item.get("source_url"):
            handler.startElement("source", {})
            handler.addQuickElement("title", item["source_name"])
            handler.addQuickElement("link", "", {"rel": "alternate", "href": item["source_url"]})
            handler.addQuickElement("id", item["source_url"])
            handler.endElement("source")


def published_at(page):
    """When an article appeared: its date, at the time it was first published on that day."""
    first = page.first_published_at
    if first is not None and timezone.localdate(first) == page.date:
        return first
    return timezone.make_aware(datetime.combine(page.date, time(0, 0)))


def articles(queryset):
    """Articles in the order and with the data feeds show, in a fixed number of queries."""
    return (
        queryset.select_related("locale")
        .prefetch_related(
            Prefetch("lead_image", queryset=images_with_renditions("social")),
            Prefetch("social_image", queryset=images_with_renditions("social")),
        )
        .defer_streamfields()
        .order_by("-date", "-first_published_at", "-pk")[:FEED_LENGTH]
    )


class NewsFeedMixin:
    """What both news feeds share: item fields, dates, language, absolute links."""

    @classmethod
    def as_view(cls):
        """A view that renders the feed with a fresh instance per request (it keeps the
        request and the scope on itself while rendering)."""

        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        view.__name__ = cls.__name__
        return view

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=300"
        return response

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.teaser

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # Stable across slug changes and moves: the page's translation key and language.
        return f"urn:uuid:{item.translation_key}?lang={item.locale.language_code}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        return item.last_published_at or published_at(item)

    def item_categories(self, item):
        return [str(item.get_kind_display())]

    def item_enclosure_url(self, item):
        image = item.listing_image
        if image is None:
            return None
        return self.request.build_absolute_uri(self._social_rendition(image).url)

    def item_enclosure_length(self, item):
        # The byte size of a rendition is not stored; 0 is the customary "unknown".
        return 0

    def item_enclosure_mime_type(self, item):
        return "image/jpeg"

    def _social_rendition(self, image):
        return image.get_rendition(specs_for("social")[0])

    def ttl(self, obj):
        return FEED_TTL_MINUTES

    def feed_copyright(self, obj):
        return obj["site_name"]

    def title(self, obj):
        return obj["title"]

    def link(self, obj):
        return obj["link"]

    def description(self, obj):
        return obj["description"]

    def feed_url(self, obj):
        return self.request.build_absolute_uri(self.request.path)

    def items(self, obj):
        return obj["items"]


class SiteNewsRssFeed(NewsFeedMixin, Feed):
    """The news of the current site in the current language (RSS 2.0)."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        net = SiteContext.for_request(request)
        locale = Locale.get_active()
        home = net.homes.get(locale.language_code)
        index = (
            NewsIndexPage.objects.live().public().child_of(home).first()
            if home is not None
            else None
        )
        if index is None:
            raise Http404(_("Diese Website hat keine Nachrichten in dieser Sprache."))
        scope = NetworkScope.for_site(net, locale)
        items = articles(scope.narrow(NewsPage.objects.child_of(index)))
        return {
            "title": f"{index.title} – {net.settings.site_name}",
            "link": index.get_full_url(request),
            "description": index.intro or net.settings.tagline or str(net.settings.site_name),
            "site_name": str(net.settings.site_name),
            "items": items,
        }

    def item_author_name(self, item):
        return item.author_line or None


class SiteNewsAtomFeed(SiteNewsRssFeed):
    feed_type = Atom1Feed
    subtitle = SiteNewsRssFeed.description


class NetworkNewsRssFeed(NewsFeedMixin, Feed):
    """What the members offer to the network, on the umbrella site, in the current language."""

    feed_type = NetworkRssFeed

    def get_object(self, request):
        net = SiteContext.for_request(request)
        if not net.is_umbrella:
            raise Http404(_("Den Netzwerk-Feed gibt es nur auf der Website des Dachverbands."))
        scope = NetworkScope.for_locale(Locale.get_active())
        self.scope = scope
        self.umbrella_name = str(net.settings.site_name)
        items = articles(network_pages(scope.narrow(NewsPage.objects.all())))
        return {
            "title": _("Nachrichten aus dem Netzwerk – %(site)s")
            % {"site": net.settings.site_name},
            "link": net.home.get_full_url(request) if net.home else request.build_absolute_uri("/"),
            "description": _(
                "Neuigkeiten der Mitgliedsorganisationen der %(site)s, jeweils mit Link auf "
                "die Website des Vereins."
            )
            % {"site": net.settings.site_name},
            "site_name": str(net.settings.site_name),
            "items": items,
        }

    def _owner_name(self, item):
        owner = self.scope.owner_of(item)
        return str(owner.name) if owner is not None else self.umbrella_name

    def item_author_name(self, item):
        return self._owner_name(item)

    def item_categories(self, item):
        return [str(item.get_kind_display()), self._owner_name(item)]

    def item_extra_kwargs(self, item):
        owner = self.scope.owner_of(item)
        return {
            "source_name": self._owner_name(item),
            "source_url": f"{owner.root_url}/" if owner is not None else "",
        }


class NetworkNewsAtomFeed(NetworkNewsRssFeed):
    feed_type = NetworkAtomFeed
    subtitle = NetworkNewsRssFeed.description
