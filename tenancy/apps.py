from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "tenancy"
    verbose_name = _("Mandantentrennung")

    def ready(self):
        from .registry import register_member_owned_policies

        register_member_owned_policies()
