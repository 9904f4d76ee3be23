from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventCalendarConfig(AppConfig):
    name = "eventcalendar"
    label = "eventcalendar"
    verbose_name = _("Veranstaltungen")
