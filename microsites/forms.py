"""Admin forms of the microsites app."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm


class SiteSettingsForm(WagtailAdminModelForm):
    """Wagtail's settings form. For a member's site it only shows what readers get: the values
    are changed under "Auftritt und Kontakt", with drafts and the member's workflow, so that a
    change here cannot bypass the approval or be overwritten by the next approved one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_member_site:
            for field in self.fields.values():
                field.disabled = True
                field.help_text = _(
                    "Für Websites von Mitgliedern unter „Auftritt und Kontakt“ zu ändern "
                    "(mit Freigabe)."
                )

    @property
    def is_member_site(self):
        site = getattr(self.instance, "site", None)
        return site is not None and hasattr(site, "member")
