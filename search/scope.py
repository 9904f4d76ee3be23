"""Which pages a search covers: one site or the whole network, always one language.

A scope knows the live home pages it covers and the member each of them belongs to, so results can
be labelled with their provenance without a query per result."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page, Site


@dataclass
class SearchScope:
    network: bool
    locale: Locale
    homes: list = field(default_factory=list)  # live home pages in ``locale``
    owners: dict = field(default_factory=dict)  # home path -> Member or None (umbrella)
    umbrella_name: str = ""

    @classmethod
    def for_site(cls, site_context, *, network=False):
        """The current site, or with ``network`` every active site of the network."""
        locale = Locale.get_active()
        if not network:
            home = site_context.homes.get(locale.language_code)
            homes = [home] if home is not None else []
            owners = {home.path: site_context.member for home in homes}
            return cls(False, locale, homes, owners, str(site_context.settings.site_name))
        sites = list(
            Site.objects.filter(Q(member__isnull=True) | Q(member__active=True)).select_related(
                "root_page", "member"
            )
        )
        keys = {site.root_page.translation_key: site for site in sites}
        homes = list(
            Page.objects.live().filter(depth=2, locale=locale, translation_key__in=list(keys))
        )
        owners = {}
        for home in homes:
            site = keys[home.translation_key]
            owners[home.path] = getattr(site, "member", None) if not site.is_default_site else None
        return cls(True, locale, homes, owners, str(site_context.settings.site_name))

    def pages(self):
        """Live, public, unexpired pages of the scope in its language."""
        if not self.homes:
            return Page.objects.none()
        within = Q()
        for home in self.homes:
            within |= Q(path__startswith=home.path)
        expired = Page.objects.filter(expire_at__lte=timezone.now()).values("id")
        return (
            Page.objects.live().public().filter(within, locale=self.locale).exclude(id__in=expired)
        )

    def owner_of(self, page):
        """The member a page belongs to (None for the umbrella site's pages)."""
        for path, owner in self.owners.items():
            if page.path.startswith(path):
                return owner
        return None

    def contains(self, page):
        return page.locale_id == self.locale.pk and any(
            page.path.startswith(home.path) for home in self.homes
        )
