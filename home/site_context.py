"""What every public page needs to know about its site, fetched once per request.

``SiteContext.for_request(request)`` resolves the site, its settings, its member (if any), the
home page in every language, the navigation and the legal pages in a fixed number of queries
and remembers the result on the request."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import translation
from django.utils.functional import cached_property
from wagtail.models import Page, PageViewRestriction, Site

LEGAL_MODELS = ("imprintpage", "privacypage", "accessibilitystatementpage")
REQUEST_ATTR = "_network_site_context"


def _content_type_ids(app_label, model_names):
    from django.contrib.contenttypes.models import ContentType

    return {
        ContentType.objects.get_by_natural_key(app_label, name).pk: name for name in model_names
    }


@dataclass
class SiteContext:
    site: Site
    settings: object
    member: object
    language_code: str
    homes: dict = field(default_factory=dict)  # language code -> live home page

    @classmethod
    def for_request(cls, request):
        cached = getattr(request, REQUEST_ATTR, None)
        language_code = translation.get_language() or "de"
        if cached is not None and cached.language_code == language_code:
            return cached
        from microsites.models import Member, SiteSettings

        site = Site.find_for_request(request)
        site_settings = SiteSettings.for_request(request)
        member = (
            Member.objects.filter(site=site).select_related("logo", "district").first()
            if site and not site.is_default_site
            else None
        )
        homes = {}
        if site:
            homes = {
                page.locale.language_code: page
                for page in Page.objects.live()
                .filter(translation_key=site.root_page.translation_key)
                .select_related("locale")
            }
        context = cls(
            site=site,
            settings=site_settings,
            member=member,
            language_code=language_code,
            homes=homes,
        )
        setattr(request, REQUEST_ATTR, context)
        return context

    @cached_property
    def quick_exit_url(self):
        """Where the quick exit leads: the LAG's decision for the whole network (cached)."""
        from microsites.models import NetworkSettings

        return NetworkSettings.cached()["quick_exit_url"]

    @property
    def is_umbrella(self):
        return self.member is None

    @property
    def home(self):
        return self.homes.get(self.language_code) or self.homes.get("de")

    @cached_property
    def restricted_paths(self):
        """Tree paths of pages under a view restriction (password, login, groups)."""
        return tuple(PageViewRestriction.objects.values_list("page__path", flat=True))

    def is_public(self, page):
        return not page.path.startswith(self.restricted_paths) if self.restricted_paths else True

    @cached_property
    def _children_by_home(self):
        """Live, public children of the home page in every language, in one query."""
        if not self.homes:
            return {}
        condition = reduce(
            or_,
            (Q(path__startswith=home.path, depth=home.depth + 1) for home in self.homes.values()),
        )
        children = {home.path: [] for home in self.homes.values()}
        for page in Page.objects.live().filter(condition).order_by("path"):
            if self.is_public(page):
                children[page.path[: -Page.steplen]].append(page)
        return {code: children[home.path] for code, home in self.homes.items()}

    @cached_property
    def navigation(self):
        home = self.home
        if home is None:
            return []
        return [
            page for page in self._children_by_home[home.locale.language_code] if page.show_in_menus
        ]

    @cached_property
    def legal_pages(self):
        """Impressum, Datenschutz and Barrierefreiheit of this site, in the active language if
        they exist there, else in German: legally required texts are never missing."""
        types = _content_type_ids("legal", LEGAL_MODELS)
        found = {}
        if self.home is not None:
            for page in self._children_by_home[self.home.locale.language_code]:
                if page.content_type_id in types:
                    found[types[page.content_type_id]] = page
        german = self.homes.get("de")
        if german is not None and german != self.home:
            for page in self._children_by_home["de"]:
                name = types.get(page.content_type_id)
                if name and name not in found:
                    page.fallback_language = "de"
                    found[name] = page
        return [found[name] for name in LEGAL_MODELS if name in found]

    def translations_of(self, page):
        """Live translations of ``page`` by language code (one query per page and request)."""
        cache = self.__dict__.setdefault("_translations", {})
        if page.pk not in cache:
            cache[page.pk] = {
                candidate.locale.language_code: candidate
                for candidate in page.get_translations(inclusive=True)
                .live()
                .select_related("locale")
            }
        return cache[page.pk]
