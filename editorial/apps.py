from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redaktion und Freigabe")

    def ready(self):
        from . import checks, signals  # noqa: F401 – checks register themselves

        signals.connect()
