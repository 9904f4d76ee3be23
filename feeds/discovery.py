"""The feeds a page advertises in its head (``<link rel="alternate">``).

Built in: the news feeds (RSS and Atom) of the current site in the current language and, on the
umbrella site, the network feeds. Other apps add theirs with the ``register_feed_links`` hook: a
function ``fn(request, site_context)`` returning ``FeedLink`` entries, e.g. the events app with
its iCal feeds::

    @hooks.register("register_feed_links")
    def calendar_feed_links(request, site_context):
        return [FeedLink(_("Veranstaltungen (iCal)"), reverse("events:ical"), ICAL)]
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

RSS = "application/rss+xml"
ATOM = "application/atom+xml"
ICAL = "text/calendar"


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str
    type: str


def _has_news(site_context):
    from news.models import NewsIndexPage

    home = site_context.home
    # The home page's live public children are fetched once per request for the navigation;
    # reuse them rather than asking the database again.
    children = getattr(site_context, "_children_by_home", None)
    if children is None:
        return NewsIndexPage.objects.live().public().child_of(home).exists()
    news_type = ContentType.objects.get_for_model(NewsIndexPage).pk
    pages = children.get(home.locale.language_code, [])
    return any(page.content_type_id == news_type for page in pages)


def feed_links(request, site_context):
    links = []
    site_name = site_context.settings.site_name
    if site_context.home is not None and site_context.home.locale.language_code == (
        site_context.language_code
    ):
        if _has_news(site_context):
            title = _("Nachrichten – %(site)s") % {"site": site_name}
            links += [
                FeedLink(f"{title} (RSS)", reverse("feeds:news_rss"), RSS),
                FeedLink(f"{title} (Atom)", reverse("feeds:news_atom"), ATOM),
            ]
        if site_context.is_umbrella:
            title = _("Nachrichten aus dem Netzwerk")
            links += [
                FeedLink(f"{title} (RSS)", reverse("feeds:network_rss"), RSS),
                FeedLink(f"{title} (Atom)", reverse("feeds:network_atom"), ATOM),
            ]
    for hook in hooks.get_hooks("register_feed_links"):
        links.extend(hook(request, site_context) or [])
    return links
