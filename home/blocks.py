"""The StreamField blocks every content page shares (one ``BaseStreamBlock``, reused)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .images import images_with_renditions


class FigureImageChooserBlock(ImageChooserBlock):
    """Fetches the chosen images together with their public renditions (one query per stream)."""

    def bulk_to_python(self, values):
        objects = images_with_renditions("figure").in_bulk([v for v in values if v])
        return [objects.get(value) for value in values]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3")), ("h4", _("Ebene 4"))],
        default="h2",
        help_text=_("Überschriften gliedern die Seite für Screenreader: keine Ebene überspringen."),
    )

    class Meta:
        icon = "title"
        label = _("Zwischenüberschrift")
        template = "home/blocks/heading.html"
        description = _("Eine Zwischenüberschrift, die den folgenden Abschnitt benennt.")
        preview_value = {"text": _("Unsere Beratungsangebote"), "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = FigureImageChooserBlock(label=_("Bild"))
    alt_text = blocks.CharBlock(
        label=_("Alternativtext"),
        required=False,
        max_length=300,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist, für Menschen, die es nicht sehen."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Rein dekorativ (kein Alternativtext nötig)"), required=False
    )
    caption = blocks.CharBlock(label=_("Bildunterschrift"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("Bildnachweis"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "home/blocks/figure.html"
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Bildnachweis.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not (value.get("alt_text") or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "Bitte einen Alternativtext eingeben oder das Bild als rein "
                            "dekorativ markieren."
                        )
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    attribution = blocks.CharBlock(label=_("Von wem"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "home/blocks/quote.html"
        description = _("Ein hervorgehobenes Zitat mit Quelle.")
        preview_value = {
            "text": _(
                "Queeres Leben gehört überall in Sachsen dazu, nicht nur in den Großstädten."
            ),
            "attribution": _("LAG Queeres Netzwerk Sachsen"),
        }


class LinkStructValue(blocks.StructValue):
    def url(self):
        if self.get("page"):
            return self["page"].localized.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Beschriftung der Schaltfläche"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Interne Seite"), required=False)
    external_url = blocks.URLBlock(label=_("Oder externe Adresse"), required=False)

    class Meta:
        icon = "pick"
        label = _("Handlungsaufforderung")
        template = "home/blocks/call_to_action.html"
        value_class = LinkStructValue
        description = _("Ein hervorgehobener Kasten mit einer Schaltfläche, die weiterführt.")
        preview_value = {
            "title": _("Beratung gesucht?"),
            "text": _("Unsere Berater*innen sind vertraulich für Sie da."),
            "button_label": _("Zu den Angeboten"),
            "external_url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise StructBlockValidationError(
                non_block_errors=ValidationError(
                    _("Bitte genau ein Ziel angeben: eine interne Seite oder eine externe Adresse.")
                )
            )
        return value


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Frage oder Titel"), max_length=200)
    answer = blocks.RichTextBlock(label=_("Antwort oder Inhalt"))

    class Meta:
        icon = "help"
        label = _("Eintrag")


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Einträge"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Akkordeon / FAQ")
        template = "home/blocks/accordion.html"
        description = _("Aufklappbare Fragen und Antworten, auch ohne JavaScript bedienbar.")
        preview_value = {
            "title": _("Häufige Fragen"),
            "items": [
                {
                    "question": _("Ist die Beratung anonym?"),
                    "answer": _("<p>Ja, Sie müssen Ihren Namen nicht nennen.</p>"),
                }
            ],
        }


class DownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Überschrift"), required=False, max_length=200)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Dokument")), label=_("Dokumente"))

    class Meta:
        icon = "doc-full"
        label = _("Downloads")
        template = "home/blocks/downloads.html"
        description = _("Eine Liste von Dateien mit Dateityp und Größe.")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Absatz"),
        icon="pilcrow",
        template="home/blocks/paragraph.html",
        description=_("Fließtext mit Links, Listen und Hervorhebungen."),
        preview_value=_("<p>Das Netzwerk verbindet Vereine und Initiativen in ganz Sachsen.</p>"),
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    downloads = DownloadsBlock()

    class Meta:
        block_counts = {}
