"""Dashboard panel: which sites are not public yet, and which legal pages they still need."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from tenancy.scoping import is_network_staff, members_for_user

from .gate import missing_pages


class NotPublicYetPanel(Component):
    """For a member's people: what their site still needs before it is public, with links to
    the pages. For LAG staff: every active member whose site is not public yet."""

    name = "legal_not_public_yet"
    template_name = "legal/panels/not_public_yet.html"
    order = 50

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = self.request.user
        members = members_for_user(user).filter(active=True, legal_pages_live=False)
        members = members.select_related("site__root_page").order_by("name")
        context["staff"] = is_network_staff(user)
        context["sites"] = [(member, missing_pages(member)) for member in members]
        context["heading"] = (
            _("Noch nicht öffentliche Websites")
            if context["staff"]
            else _("Ihre Website ist noch nicht öffentlich")
        )
        return context

    def render_html(self, parent_context=None):
        html = super().render_html(parent_context)
        return html if "data-legal-panel" in html else ""
