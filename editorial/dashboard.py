"""The dashboard as a member sees it: their organisation's name, and counts that match the lists
they lead to.

Wagtail names the dashboard after the site of the user's explorable root. Member editors work on
two trees (German and English home pages), whose common root is the tree's root, so Wagtail fell
back to the network's name. Wagtail's image and document counts include what the user may only
choose (the network's shared collection), while the lists behind them show what the user may
change – "4 Bilder" led to a list of two.
"""

from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.documents.wagtail_hooks import DocumentsSummaryItem
from wagtail.images import get_image_model
from wagtail.images.wagtail_hooks import ImagesSummaryItem
from wagtail.permissions import policy_registry

from tenancy.scoping import is_network_staff, members_for_user

LISTED = ["change", "delete"]  # what Wagtail's image and document lists show


def dashboard_site_name(user):
    """The member's name for people who work for exactly one member; the network's otherwise."""
    if user.is_authenticated and not is_network_staff(user):
        names = list(members_for_user(user).values_list("name", flat=True)[:2])
        if len(names) == 1:
            return names[0]
    return settings.WAGTAIL_SITE_NAME


class ListedImagesSummaryItem(ImagesSummaryItem):
    def get_context_data(self, parent_context):
        return {
            "total_images": policy_registry.get_by_type(get_image_model())
            .instances_user_has_any_permission_for(self.request.user, LISTED)
            .count(),
            "site_name": dashboard_site_name(self.request.user),
        }


class ListedDocumentsSummaryItem(DocumentsSummaryItem):
    def get_context_data(self, parent_context):
        return {
            "total_docs": policy_registry.get_by_type(get_document_model())
            .instances_user_has_any_permission_for(self.request.user, LISTED)
            .count(),
            "site_name": dashboard_site_name(self.request.user),
        }


REPLACEMENTS = {
    ImagesSummaryItem: ListedImagesSummaryItem,
    DocumentsSummaryItem: ListedDocumentsSummaryItem,
}


def replace_summary_items(request, items):
    for index, item in enumerate(items):
        replacement = REPLACEMENTS.get(type(item))
        if replacement is not None:
            items[index] = replacement(request)
