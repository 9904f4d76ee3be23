from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from editorial.snippets import ReviewedSnippetEditView
from tenancy.viewsets import MemberOwnedSnippetViewSet

from .models import Member, MemberSiteSettings
from .provisioning import ProvisioningError, provision_member


class ProvisioningFormMixin:
    """Saving a member in the admin provisions (or repairs) everything it owns, atomically."""

    def save_instance(self):
        instance = super().save_instance()
        self.provisioning_report = provision_member(instance)
        return instance

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProvisioningError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)


class MemberCreateView(ProvisioningFormMixin, CreateView):
    success_message = _("Mitglied „%(object)s“ angelegt und eingerichtet.")


class MemberEditView(ProvisioningFormMixin, EditView):
    success_message = _("Mitglied „%(object)s“ gespeichert und eingerichtet.")


class MemberViewSet(SnippetViewSet):
    model = Member
    icon = "group"
    menu_label = _("Mitglieder")
    menu_name = "members"
    menu_order = 150
    add_to_admin_menu = True
    add_view_class = MemberCreateView
    edit_view_class = MemberEditView
    list_display = [
        "name",
        "short_name",
        Column("hostname", label=_("Adresse")),
        "district",
        BooleanColumn("active", label=_("aktiv")),
    ]
    list_filter = ["active", "district", "requires_member_approval"]
    search_fields = ["name", "short_name", "slug", "town"]
    ordering = ["name"]


register_snippet(MemberViewSet)


class MemberSiteSettingsViewSet(MemberOwnedSnippetViewSet):
    """A member's site settings with drafts and approval, in the settings menu."""

    model = MemberSiteSettings
    icon = "palette"
    menu_label = _("Auftritt und Kontakt")
    menu_name = "member_site_settings"
    add_to_settings_menu = True
    menu_order = 50
    list_display = ["site_name", "member", "live"]
    ordering = ["site_name"]
    # Approving from the editor must not restart the workflow (editorial.E005).
    edit_view_class = ReviewedSnippetEditView


register_snippet(MemberSiteSettingsViewSet)
