"""Bulk actions that act on, and list, only the objects the user may see.

Wagtail's bulk actions accept any object ids (and "all" objects of a listing) and show the
objects the user may not change by title. For member roles the objects of other members (and
of the umbrella site) are dropped before anything is shown or done."""

from .ownership import has_scope, visible_queryset
from .scoping import is_network_staff


class TenancyBulkActionMixin:
    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        if is_network_staff(user) or not has_scope(self.model):
            return objects, extra
        candidates = list(objects) + list(extra.get("items_with_no_access", []))
        visible = set(
            visible_queryset(self.model, user)
            .filter(pk__in=[obj.pk for obj in candidates])
            .values_list("pk", flat=True)
        )
        extra = dict(extra)
        if "items_with_no_access" in extra:
            extra["items_with_no_access"] = [
                obj for obj in extra["items_with_no_access"] if obj.pk in visible
            ]
        return [obj for obj in objects if obj.pk in visible], extra


def _wagtail_bulk_actions():
    from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction as DeletePages
    from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
    from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
    from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
    from wagtail.documents.views.bulk_actions.add_tags import AddTagsBulkAction as TagDocuments
    from wagtail.documents.views.bulk_actions.add_to_collection import (
        AddToCollectionBulkAction as MoveDocuments,
    )
    from wagtail.documents.views.bulk_actions.delete import (
        DeleteBulkAction as DeleteDocuments,
    )
    from wagtail.images.views.bulk_actions.add_tags import AddTagsBulkAction as TagImages
    from wagtail.images.views.bulk_actions.add_to_collection import (
        AddToCollectionBulkAction as MoveImages,
    )
    from wagtail.images.views.bulk_actions.delete import DeleteBulkAction as DeleteImages
    from wagtail.snippets.bulk_actions.delete import DeleteBulkAction as DeleteSnippets
    from wagtail.users.views.bulk_actions import (
        AssignRoleBulkAction,
        SetActiveStateBulkAction,
    )
    from wagtail.users.views.bulk_actions import (
        DeleteBulkAction as DeleteUsers,
    )

    return [
        DeletePages,
        MoveBulkAction,
        PublishBulkAction,
        UnpublishBulkAction,
        DeleteImages,
        MoveImages,
        TagImages,
        DeleteDocuments,
        MoveDocuments,
        TagDocuments,
        DeleteSnippets,
        AssignRoleBulkAction,
        DeleteUsers,
        SetActiveStateBulkAction,
    ]


def scoped_bulk_actions():
    """Scoped subclasses of Wagtail's bulk actions, registered after the originals so that
    they replace them (same models, same action types)."""
    scoped = []
    for action_class in _wagtail_bulk_actions():
        scoped.append(
            type(
                action_class.__name__,
                (TenancyBulkActionMixin, action_class),
                {"__module__": __name__, "__qualname__": f"Scoped{action_class.__name__}"},
            )
        )
    return scoped
