"""The pages of the whole network in one language, with the member each belongs to.

Used by the network search and the network feeds: only sites of active members (and the umbrella
site) count, so a deactivated member disappears from every network list at once."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page, Site


def active_sites():
    """The umbrella site and the public sites of members (active, legal pages live)."""
    return list(
        Site.objects.filter(
            Q(member__isnull=True) | Q(member__active=True, member__legal_pages_live=True)
        ).select_related("root_page", "member")
    )


@dataclass
class NetworkScope:
    locale: Locale | None  # None: every language
    homes: list = field(default_factory=list)  # live home pages in ``locale``
    owners: dict = field(default_factory=dict)  # home path -> Member, or None for the umbrella

    @classmethod
    def for_locale(cls, locale=None):
        """Every active site of the network in ``locale`` (default: the active language)."""
        return cls.for_sites(active_sites(), locale or Locale.get_active())

    @classmethod
    def for_sites(cls, sites, locale=None):
        """The given sites in ``locale``, or in every language if ``locale`` is None."""
        by_key = {site.root_page.translation_key: site for site in sites}
        homes = Page.objects.live().filter(depth=2, translation_key__in=list(by_key))
        if locale is not None:
            homes = homes.filter(locale=locale)
        homes = list(homes)
        owners = {}
        for home in homes:
            site = by_key[home.translation_key]
            owners[home.path] = None if site.is_default_site else getattr(site, "member", None)
        return cls(locale, homes, owners)

    @classmethod
    def for_site(cls, site_context, locale=None):
        """Only the site of ``site_context``."""
        locale = locale or Locale.get_active()
        home = site_context.homes.get(locale.language_code)
        homes = [home] if home is not None else []
        return cls(locale, homes, {home.path: site_context.member for home in homes})

    @classmethod
    def for_site_in_all_languages(cls, site_context):
        homes = list(site_context.homes.values())
        return cls(None, homes, {home.path: site_context.member for home in homes})

    def within(self):
        """A filter for pages below the scope's home pages (nothing if there are none)."""
        if not self.homes:
            return Q(pk__in=[])
        condition = Q()
        for home in self.homes:
            condition |= Q(path__startswith=home.path)
        return condition

    def narrow(self, queryset):
        """``queryset`` limited to live, public, unexpired pages of the scope in its language."""
        expired = Page.objects.filter(expire_at__lte=timezone.now()).values("id")
        queryset = queryset.live().public().filter(self.within()).exclude(id__in=expired)
        if self.locale is not None:
            queryset = queryset.filter(locale=self.locale)
        return queryset

    def pages(self):
        return self.narrow(Page.objects.all())

    def owner_of(self, page):
        """The member a page belongs to (None for the umbrella site's pages)."""
        for path, owner in self.owners.items():
            if page.path.startswith(path):
                return owner
        return None
