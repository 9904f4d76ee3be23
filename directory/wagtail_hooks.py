"""Admin and site wiring of the directory: the offers snippet, default pages, the API endpoint,
the coverage report, demo content."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.models import register_snippet

from editorial.snippets import ReviewedSnippetEditView, ReviewStatusColumn, with_review_status
from microsites.provisioning import UMBRELLA, DefaultPage
from tenancy.scoping import is_network_staff
from tenancy.viewsets import MemberOwnedSnippetViewSet

from .admin_views import (
    CoverageReportView,
    OfferCopyView,
    OfferCreateView,
    SubmitNewOfferMenuItem,
)
from .api import OffersAPIViewSet
from .models import Offer


class OfferViewSet(MemberOwnedSnippetViewSet):
    model = Offer
    add_view_class = OfferCreateView
    edit_view_class = ReviewedSnippetEditView
    copy_view_class = OfferCopyView
    icon = "site"
    menu_label = _("Angebote")
    add_to_admin_menu = True
    menu_order = 210
    list_display = [
        "name",
        ReviewStatusColumn(),
        "kind",
        "district",
        "member",
        LocaleColumn(label=_("Sprache")),
    ]
    list_filter = ["kind", "district", "live"]
    list_export = ["name", "kind", "district", "town", "member", "live"]

    def get_queryset(self, request):
        return with_review_status(super().get_queryset(request))


register_snippet(OfferViewSet)


@hooks.register("register_snippet_action_menu_item")
def submit_new_offer_menu_item(model):
    return SubmitNewOfferMenuItem(order=20) if model is Offer else None


@hooks.register("register_default_pages")
def directory_default_pages():
    return [
        DefaultPage(
            "directory.DirectoryPage",
            {"de": "Angebote", "en": "Offers"},
            {"de": "angebote", "en": "offers"},
        ),
        DefaultPage(
            "directory.MemberDirectoryPage",
            {"de": "Mitglieder", "en": "Members"},
            {"de": "mitglieder", "en": "members"},
            kinds=(UMBRELLA,),
        ),
    ]


@hooks.register("register_api_endpoints")
def offers_endpoint(router):
    router.register_endpoint("offers", OffersAPIViewSet)


@hooks.register("register_admin_urls")
def directory_admin_urls():
    return [
        path(
            "angebote-abdeckung/",
            CoverageReportView.as_view(),
            name="directory_coverage",
        )
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_network_staff(request.user)


@hooks.register("register_reports_menu_item")
def coverage_menu_item():
    return StaffMenuItem(
        _("Abdeckung der Angebote"),
        reverse("directory_coverage"),
        name="directory-coverage",
        icon_name="site",
        order=70,
    )


@hooks.register("seed_demo", order=20)
def seed_demo_offers(context):
    from .demo import seed_offers

    seed_offers(context)
