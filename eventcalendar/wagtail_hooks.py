from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from feeds.discovery import ICAL, FeedLink
from microsites.provisioning import DefaultPage

from .api import EventsAPIViewSet
from .models import EventIndexPage


@hooks.register("register_default_pages")
def events_default_page():
    return [
        DefaultPage(
            "eventcalendar.EventIndexPage",
            {"de": "Veranstaltungen", "en": "Events"},
            {"de": "veranstaltungen", "en": "events"},
        )
    ]


def _has_events(site_context):
    home = site_context.home
    if home is None or home.locale.language_code != site_context.language_code:
        return False
    index_type = ContentType.objects.get_for_model(EventIndexPage).pk
    pages = site_context._children_by_home.get(home.locale.language_code, [])
    return any(page.content_type_id == index_type for page in pages)


@hooks.register("register_feed_links")
def calendar_feed_links(request, site_context):
    if not _has_events(site_context):
        return []
    links = [
        FeedLink(
            _("Veranstaltungen – %(site)s (iCal)") % {"site": site_context.settings.site_name},
            reverse("events:ical"),
            ICAL,
        )
    ]
    if site_context.is_umbrella:
        links.append(
            FeedLink(_("Veranstaltungen im Netzwerk (iCal)"), reverse("events:network_ical"), ICAL)
        )
    return links


@hooks.register("register_api_endpoints")
def events_endpoint(router):
    router.register_endpoint("events", EventsAPIViewSet)


@hooks.register("seed_demo", order=60)
def seed_demo_events(context):
    from .demo import seed

    seed(context)
