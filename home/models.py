from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BaseStreamBlock
from .slugs import german_slugify, slug_input


class BasePage(Page):
    """Fields and behaviour every public page type shares."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Bild für soziale Medien"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird beim Teilen der Seite gezeigt. Ohne Angabe: das Titelbild der Seite."),
    )

    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug", widget=slug_input()),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("social_image"),
            ],
            _("Für Suchmaschinen und soziale Medien"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], _("Navigation")),
    ]

    # Whether shared caches may keep this page for every reader (serving/middleware.py decides
    # with it); False for pages whose rendering carries per-reader state, such as forms.
    cache_publicly = True

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        # A page created without a slug gets one from its title with German transliteration
        # (Wagtail's own default strips umlauts: "Görlitz" would become "gorlitz").
        if not self.slug and self.title:
            parent = getattr(self, "_cached_parent_obj", None)
            if parent is None and self.path and self.depth > 1:
                parent = self.get_parent()
            base = german_slugify(self.title)
            if parent is not None and base:
                self.slug = self._free_slug(parent, base)
        return super().full_clean(*args, **kwargs)

    def _free_slug(self, parent, base):
        """``base``, or ``base-2``, ``base-3`` … if a sibling already has it."""
        taken = set(
            parent.get_children()
            .exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        return candidate

    @property
    def listing_image(self):
        """The image used for this page in listings and social previews."""
        return self.social_image


class SyndicatedPageMixin(models.Model):
    """Content a member can offer to the umbrella site's network lists (news, events).

    Which items appear there is decided by ``editorial.syndication.network_pages``; the umbrella's
    lists combine their own items with the network's through
    ``editorial.syndication.network_listing`` and show the provenance set by
    ``editorial.syndication.attach_provenance`` (see docs/editorial-workflow.md)."""

    show_in_network = models.BooleanField(
        _("auch im Netzwerk zeigen"),
        default=False,
        help_text=_(
            "Nach der Freigabe durch die LAG erscheint der Beitrag auch auf der Website des "
            "Dachverbands, mit Link auf Ihre Seite."
        ),
    )

    class Meta:
        abstract = True


class LeadImageMixin(models.Model):
    """A lead image with its own alternative text (news, events): shown on the page, in lists, feeds
    and as the social image."""

    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Titelbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("Alternativtext des Titelbilds"),
        max_length=300,
        blank=True,
        help_text=_("Leer lassen, wenn das Bild rein dekorativ ist."),
    )

    class Meta:
        abstract = True

    @staticmethod
    def lead_image_panel():
        return MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")], _("Titelbild")
        )


class LatestNewsMixin:
    """Home pages show the newest articles of their own site."""

    latest_news_count = 3

    def get_context(self, request, *args, **kwargs):
        from news.models import NewsIndexPage

        context = super().get_context(request, *args, **kwargs)
        news_index = NewsIndexPage.objects.live().child_of(self).first()
        context["news_index"] = news_index

        def latest_news():
            if not news_index:
                return []
            # The umbrella's start page shows the network's news too, with their provenance.
            from editorial.syndication import attach_provenance
            from home.site_context import SiteContext

            network = SiteContext.for_request(request).is_umbrella
            latest = news_index.news_items(network=network)[: self.latest_news_count]
            if network:
                latest = attach_provenance(latest, own_root_path=self.path)
            return list(latest)

        # Fetched only when the template shows it (not when its fragment comes from the cache).
        context["latest_news"] = SimpleLazyObject(latest_news)
        return context


class HomePage(LatestNewsMixin, BasePage):
    """The start page of the umbrella site."""

    intro = RichTextField(
        _("Einleitung"), blank=True, features=["bold", "italic", "link"], max_length=2000
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("Startseite des Dachverbands")
        verbose_name_plural = _("Startseiten des Dachverbands")


class StandardPage(BasePage):
    """A content page built from the shared blocks."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=1000)
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("Inhaltsseite")
        verbose_name_plural = _("Inhaltsseiten")
