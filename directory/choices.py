"""The fixed vocabularies of offers (and later events): kinds, target groups, languages,
accessibility features. Kept in one place so that every app uses the same codes and labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    COUNSELLING = "beratung", _("Beratung")
    SELF_HELP = "selbsthilfe", _("Selbsthilfe")
    YOUTH_GROUP = "jugendgruppe", _("Jugendgruppe")
    EDUCATION = "bildung", _("Bildung")
    HEALTH = "gesundheit", _("Test- und Gesundheitsangebot")
    CULTURE = "kultur", _("Kultur")
    MEETING_PLACE = "treffpunkt", _("Treffpunkt")
    OTHER = "sonstiges", _("Sonstiges")


class TargetGroup(models.TextChoices):
    EVERYONE = "alle", _("alle")
    LESBIAN = "lesbisch", _("lesbisch")
    GAY = "schwul", _("schwul")
    BI = "bi", _("bi+")
    TRANS = "trans", _("trans*")
    INTER = "inter", _("inter*")
    NON_BINARY = "nichtbinaer", _("nicht-binär")
    YOUTH = "jugend", _("queere Jugendliche")
    ELDERS = "aeltere", _("queere Ältere")
    FAMILY = "angehoerige", _("Eltern und Angehörige")
    PROFESSIONALS = "fachkraefte", _("Fachkräfte")


# Offers "for everyone" are found under every target group (see docs/directory.md).
INCLUSIVE_TARGET_GROUP = TargetGroup.EVERYONE


class Language(models.TextChoices):
    GERMAN = "de", _("Deutsch")
    ENGLISH = "en", _("Englisch")
    GERMAN_SIGN = "dgs", _("Deutsche Gebärdensprache")
    EASY_GERMAN = "leichte-sprache", _("Leichte Sprache")
    ARABIC = "ar", _("Arabisch")
    CZECH = "cs", _("Tschechisch")
    FARSI = "fa", _("Farsi")
    FRENCH = "fr", _("Französisch")
    POLISH = "pl", _("Polnisch")
    RUSSIAN = "ru", _("Russisch")
    SPANISH = "es", _("Spanisch")
    TURKISH = "tr", _("Türkisch")
    UKRAINIAN = "uk", _("Ukrainisch")


class Accessibility(models.TextChoices):
    """Features of the place; each is a boolean field of ``Offer`` with the same name."""

    STEP_FREE = "step_free", _("stufenloser Zugang")
    ACCESSIBLE_TOILET = "accessible_toilet", _("barrierefreies WC")
    HEARING_LOOP = "hearing_loop", _("Induktionsschleife")


def label_of(choices, value):
    """The translated label of a code, the code itself for codes no longer offered."""
    try:
        return choices(value).label
    except ValueError:
        return value
