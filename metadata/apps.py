from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetadataConfig(AppConfig):
    name = "metadata"
    verbose_name = _("Metadaten für Suchmaschinen und soziale Medien")
