from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: request-level protections that every other app relies on. Imports no
    other app of the project."""

    name = "core"
    verbose_name = _("Grundlagen")
