"""German slugs: ä, ö, ü and ß are written out (``goerlitz``, ``strasse``), as Germans write
them without umlauts, instead of being stripped to ``gorlitz``.

Used for every slug the project generates and, through ``slug_input()``, by the admin's slug
field (Wagtail's ``SlugInput`` applies the same replacements in the browser before it
slugifies)."""

from django.utils.text import slugify
from wagtail.admin.widgets.slug import SlugInput

GERMAN_TRANSLITERATION = (
    ("ä", "ae"),
    ("ö", "oe"),
    ("ü", "ue"),
    ("Ä", "Ae"),
    ("Ö", "Oe"),
    ("Ü", "Ue"),
    ("ß", "ss"),
    ("ẞ", "SS"),
)


def transliterate(text):
    for letter, replacement in GERMAN_TRANSLITERATION:
        text = text.replace(letter, replacement)
    return text


def german_slugify(text):
    """``Offener Treff in Görlitz`` -> ``offener-treff-in-goerlitz``."""
    return slugify(transliterate(text or ""))


def slug_input():
    return SlugInput(formatters=list(GERMAN_TRANSLITERATION))
