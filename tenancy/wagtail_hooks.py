"""Wagtail hooks that keep member roles inside their own members (see docs/tenancy.md)."""

from wagtail import hooks
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.models import Page

from . import bulk_actions
from .admin_views import scoped_view_class_for
from .scoping import is_member_role, member_collection_ids, member_home_paths, scope_pages
from .team import TeamViewSet
from .viewsets import TenancyPageViewSet


@hooks.register("register_admin_viewset", order=10)
def register_tenancy_page_viewset():
    # Registered after Wagtail's default page viewset, so it replaces it for every page type
    # without a viewset of its own.
    return TenancyPageViewSet()


@hooks.register("register_admin_viewset")
def register_team_viewset():
    return TeamViewSet("tenancy_team")


@hooks.register("construct_admin_api", order=10)
def admin_api_lists_own_media(router):
    # Registered after the images and documents apps, whose endpoints these replace.
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    router.register_endpoint("images", scoped_view_class_for(ImagesAdminAPIViewSet))
    router.register_endpoint("documents", scoped_view_class_for(DocumentsAdminAPIViewSet))


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_own_sites(parent_page, pages, request):
    return scope_pages(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_own_sites(pages, request):
    return scope_pages(pages, request.user)


@hooks.register("construct_image_chooser_queryset")
def image_chooser_shows_own_collections(images, request):
    if is_member_role(request.user):
        images = images.filter(collection_id__in=member_collection_ids(request.user))
    return images


@hooks.register("construct_document_chooser_queryset")
def document_chooser_shows_own_collections(documents, request):
    if is_member_role(request.user):
        documents = documents.filter(collection_id__in=member_collection_ids(request.user))
    return documents


class MemberPagesSummaryItem(PagesSummaryItem):
    """The dashboard's page count, over the member's own site (both languages)."""

    def get_context_data(self, parent_context):
        user = self.request.user
        homes = Page.objects.filter(path__in=member_home_paths(user)).order_by("path")
        home = homes.filter(locale__language_code="de").first() or homes.first()
        return {
            "root_page": home or Page.get_first_root_node(),
            "total_pages": scope_pages(Page.objects.all(), user).count(),
            "site_name": home.get_site().site_name if home and home.get_site() else "",
        }


@hooks.register("construct_homepage_summary_items", order=10)
def dashboard_counts_own_pages(request, items):
    if not is_member_role(request.user):
        return
    for index, item in enumerate(items):
        if type(item) is PagesSummaryItem:
            items[index] = MemberPagesSummaryItem(request)


@hooks.register("construct_reports_menu")
def hide_reports_member_roles_cannot_use(request, menu_items):
    if is_member_role(request.user):
        # Member roles never publish, so the aging pages report would always be empty.
        menu_items[:] = [item for item in menu_items if item.name != "aging-pages"]


for _action_class in bulk_actions.scoped_bulk_actions():
    hooks.register("register_bulk_action", _action_class, order=10)
