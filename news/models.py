from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.fields import StreamField
from wagtail.search import index

from editorial.members import root_path
from editorial.syndication import attach_provenance, network_listing
from home.blocks import BaseStreamBlock
from home.images import images_with_renditions
from home.models import BasePage, HomePage, LeadImageMixin, SyndicatedPageMixin
from home.site_context import SiteContext

NEWS_PER_PAGE = 10


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The date's default is a callable, so Django compares it against a hidden initial
        # value that Wagtail's panels never render: every form would count as a change of the
        # date, and a reviewer approving from the editor would start the approval anew.
        if "date" in self.fields:
            self.fields["date"].show_hidden_initial = False


class NewsIndexPage(BasePage):
    """The news section of a site (Aktuelles): lists its articles, newest first, paginated."""

    intro = models.TextField(_("Einleitung"), blank=True, max_length=1000)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    template = "news/news_index_page.html"

    class Meta:
        verbose_name = _("Nachrichtenübersicht")
        verbose_name_plural = _("Nachrichtenübersichten")

    @cached_property
    def is_network_index(self):
        """The umbrella site's news index also lists the items members share with the network."""
        parent_path = self.path[: self.steplen * 2]
        return self.depth == 3 and HomePage.objects.filter(path=parent_path).exists()

    def news_items(self, network=None):
        """Live articles below this index – on the umbrella site together with the network's
        articles in this language – in a fixed number of queries, whatever their number.
        ``network`` says whether this is the umbrella's index; callers that know it (from the
        request's site) save the query that finds out."""
        if network is None:
            network = self.is_network_index
        items = NewsPage.objects.all()
        items = network_listing(items, self) if network else items.live().public().child_of(self)
        return (
            items.select_related("locale")
            .prefetch_related(
                models.Prefetch("lead_image", queryset=images_with_renditions("card"))
            )
            .defer_streamfields()
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        network = SiteContext.for_request(request).is_umbrella
        kind = request.GET.get("art", "")
        items = self.news_items(network=network)
        if kind in NewsPage.Kind.values:
            items = items.filter(kind=kind)
        else:
            kind = ""
        paginator = Paginator(items, NEWS_PER_PAGE)
        news_page = paginator.get_page(request.GET.get("seite"))
        if network:
            news_page.object_list = attach_provenance(
                news_page.object_list, own_root_path=root_path(self.path)
            )
        context["news_page"] = news_page
        context["selected_kind"] = kind
        context["kinds"] = NewsPage.Kind.choices
        return context


class NewsPage(LeadImageMixin, SyndicatedPageMixin, BasePage):
    """One news item, press release or statement."""

    class Kind(models.TextChoices):
        NEWS = "news", _("Aktuelles")
        PRESS = "press", _("Pressemitteilung")
        STATEMENT = "statement", _("Stellungnahme")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    date = models.DateField(_("Datum"), default=timezone.localdate)
    teaser = models.TextField(
        _("Anreißer"),
        max_length=400,
        help_text=_("Zwei, drei Sätze für Übersichten, Feeds und Suchergebnisse."),
    )
    author_line = models.CharField(
        _("Autor*innenzeile"),
        max_length=200,
        blank=True,
        help_text=_(
            "Wie die Verfasser*innen genannt werden wollen, z. B. „Vorstand“. Bleibt leer, wenn niemand genannt werden soll."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("teaser"),
        FieldPanel("author_line"),
        LeadImageMixin.lead_image_panel(),
        FieldPanel("body"),
    ]
    settings_panels = BasePage.settings_panels + [FieldPanel("show_in_network")]
    search_fields = BasePage.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "news/news_page.html"
    base_form_class = NewsPageForm

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")

    @property
    def listing_image(self):
        return self.social_image or self.lead_image
