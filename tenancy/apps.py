from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenancyConfig(AppConfig):
    name = "tenancy"
    verbose_name = _("Mandantentrennung")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import TeamMember
        from .ownership import register_builtin_scopes
        from .registry import register_member_owned_policies
        from .team import TeamPermissionPolicy

        register_member_owned_policies()
        register_builtin_scopes()
        register_permission_policy(TeamMember, TeamPermissionPolicy(TeamMember), exact_class=True)
