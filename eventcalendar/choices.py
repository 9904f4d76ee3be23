"""The fixed choice lists of events, in one place.

The kinds follow the kinds of offers and contact points named in the design (Beratung,
Selbsthilfe, Jugendgruppe, …) plus the kinds only events have (Party/Begegnung, Demo/CSD). The
stored values are stable slugs: they appear in URLs (``?art=``), the API (``?kind=``) and iCal
categories' filters, so they never change when a label is reworded."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    COUNSELLING = "beratung", _("Beratung")
    SELF_HELP = "selbsthilfe", _("Selbsthilfe")
    YOUTH_GROUP = "jugendgruppe", _("Jugendgruppe")
    EDUCATION = "bildung", _("Bildung")
    HEALTH = "gesundheit", _("Test- und Gesundheitsangebot")
    CULTURE = "kultur", _("Kultur")
    SOCIAL = "begegnung", _("Party/Begegnung")
    DEMONSTRATION = "demo", _("Demo/CSD")
    OTHER = "sonstiges", _("Sonstiges")


class Attendance(models.TextChoices):
    IN_PERSON = "vor-ort", _("vor Ort")
    ONLINE = "online", _("online")
    HYBRID = "hybrid", _("vor Ort und online")


class Registration(models.TextChoices):
    NONE = "", _("keine Anmeldung nötig")
    LINK = "link", _("Anmeldung über einen Link")
    FORM = "formular", _("Anmeldung über das Kontaktformular der Website")
