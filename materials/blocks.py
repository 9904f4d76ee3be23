"""The download block of the materials page."""

import os

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.images import images_with_renditions

CATEGORIES = [
    ("flyer", _("Flyer")),
    ("brochure", _("Broschüren")),
    ("position_paper", _("Positionspapiere")),
    ("statement", _("Stellungnahmen")),
    ("other", _("Sonstiges")),
]

# value -> (label, BCP 47 tag for lang/hreflang). Leichte Sprache has no registered tag; the
# private-use subtag "de-x-ls" is the convention German public bodies use.
DOCUMENT_LANGUAGES = {
    "de": (_("Deutsch"), "de"),
    "de-x-ls": (_("Leichte Sprache"), "de-x-ls"),
    "en": (_("Englisch"), "en"),
    "ar": (_("Arabisch"), "ar"),
    "fa": (_("Persisch (Farsi)"), "fa"),
    "uk": (_("Ukrainisch"), "uk"),
    "ru": (_("Russisch"), "ru"),
    "tr": (_("Türkisch"), "tr"),
    "pl": (_("Polnisch"), "pl"),
    "cs": (_("Tschechisch"), "cs"),
    "fr": (_("Französisch"), "fr"),
    "es": (_("Spanisch"), "es"),
    "mul": (_("Mehrsprachig"), "mul"),
}

# file extension -> label shown to readers
FILE_TYPES = {
    "pdf": "PDF",
    "odt": _("OpenDocument-Text (ODT)"),
    "ods": _("OpenDocument-Tabelle (ODS)"),
    "odp": _("OpenDocument-Präsentation (ODP)"),
    "docx": _("Word-Dokument (DOCX)"),
    "xlsx": _("Excel-Tabelle (XLSX)"),
    "pptx": _("PowerPoint-Präsentation (PPTX)"),
    "txt": _("Text (TXT)"),
    "csv": _("Tabelle (CSV)"),
    "epub": _("E-Book (EPUB)"),
}


def file_type_label(filename):
    extension = os.path.splitext(filename or "")[1].lower().lstrip(".")
    return FILE_TYPES.get(extension, extension.upper())


class CoverImageChooserBlock(ImageChooserBlock):
    """Fetches all covers of a page with their renditions in one query."""

    def bulk_to_python(self, values):
        objects = images_with_renditions("card").in_bulk([v for v in values if v])
        return [objects.get(value) for value in values]


class DownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Titel"),
        required=False,
        max_length=200,
        help_text=_("Ohne Angabe: der Titel des Dokuments."),
    )
    description = blocks.TextBlock(label=_("Beschreibung"), required=False, max_length=600)
    category = blocks.ChoiceBlock(label=_("Art"), choices=CATEGORIES, default="other")
    language = blocks.ChoiceBlock(
        label=_("Sprache des Dokuments"),
        choices=[(value, label) for value, (label, _tag) in DOCUMENT_LANGUAGES.items()],
        default="de",
    )
    cover = CoverImageChooserBlock(
        label=_("Titelbild"),
        required=False,
        help_text=_(
            "Optional, z. B. die Vorderseite des Flyers. Wird ohne Alternativtext gezeigt."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("Download")
        description = _("Ein Dokument zum Herunterladen mit Art, Sprache und Beschreibung.")


class DownloadsBlock(blocks.StreamBlock):
    download = DownloadBlock()
