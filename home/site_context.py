"""What every public page needs to know about its site, fetched once per request.

``SiteContext.for_request(request)`` resolves the site, its settings, its member (if any), the
home page in the active language, the navigation and the legal pages in a fixed number of
queries and remembers the result on the request."""

from dataclasses import dataclass, field

from django.utils import translation
from django.utils.functional import cached_property
from wagtail.models import Page, Site

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

    @property
    def is_umbrella(self):
        return self.member is None

    @property
    def home(self):
        return self.homes.get(self.language_code) or self.homes.get("de")

    @cached_property
    def _home_children(self):
        if self.home is None:
            return []
        return list(self.home.get_children().live().public().order_by("path"))

    @cached_property
    def navigation(self):
        return [page for page in self._home_children if page.show_in_menus]

    @cached_property
    def legal_pages(self):
        """Impressum, Datenschutz and Barrierefreiheit of this site, in the active language if
        they exist there, else in German: legally required texts are never missing."""
        types = _content_type_ids("legal", LEGAL_MODELS)
        found = {
            types[p.content_type_id]: p for p in self._home_children if p.content_type_id in types
        }
        german_home = self.homes.get("de")
        if len(found) < len(types) and german_home and german_home != self.home:
            for page in (
                german_home.get_children().live().public().filter(content_type_id__in=types)
            ):
                if types[page.content_type_id] not in found:
                    page.fallback_language = german_home.locale.language_code
                    found[types[page.content_type_id]] = page
        return [found[name] for name in LEGAL_MODELS if name in found]
