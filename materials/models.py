from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.models import BasePage

from .blocks import CATEGORIES, DOCUMENT_LANGUAGES, DownloadsBlock, file_type_label


@dataclass
class Download:
    """One download as the page shows it."""

    document: object
    title: str
    description: str
    category: str
    language_label: str
    language_tag: str
    file_type: str
    file_size: int | None
    cover: object

    @property
    def url(self):
        return self.document.url


class MaterialsPage(BasePage):
    """Flyers, brochures, position papers and statements of one site, grouped by kind."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    downloads = StreamField(
        DownloadsBlock(),
        verbose_name=_("Downloads"),
        blank=True,
        help_text=_(
            "Dokumente aus der eigenen Sammlung sind erst öffentlich, wenn diese Seite "
            "veröffentlicht ist."
        ),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("downloads")]
    search_fields = BasePage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("downloads"),
    ]

    parent_page_types = ["home.HomePage", "microsites.MicrositeHomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "materials/materials_page.html"

    class Meta:
        verbose_name = _("Materialien")
        verbose_name_plural = _("Materialseiten")

    def download_items(self):
        items = []
        for block in self.downloads:
            value = block.value
            document = value.get("document")
            if document is None:  # deleted document
                continue
            label, tag = DOCUMENT_LANGUAGES.get(value.get("language"), ("", ""))
            items.append(
                Download(
                    document=document,
                    title=value.get("title") or document.title,
                    description=value.get("description") or "",
                    category=value.get("category") or "other",
                    language_label=label,
                    language_tag=tag,
                    file_type=file_type_label(document.file.name),
                    file_size=document.file_size,
                    cover=value.get("cover"),
                )
            )
        return items

    def grouped_downloads(self):
        """[(category label, [Download, …]), …] in the fixed order of the categories."""
        items = self.download_items()
        groups = []
        for value, label in CATEGORIES:
            in_group = [item for item in items if item.category == value]
            if in_group:
                groups.append((value, label, in_group))
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["download_groups"] = self.grouped_downloads()
        return context
