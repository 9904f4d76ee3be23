from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MicrositesConfig(AppConfig):
    name = "microsites"
    verbose_name = _("Mitgliedsorganisationen und Microsites")

    def ready(self):
        from . import signals  # noqa: F401
