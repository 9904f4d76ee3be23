from wagtail.models import DraftStateMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .scoping import is_network_staff, member_ids_for_user, scope_to_user


class MemberOwnedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, but instances only within the user's own members; member
    roles delete drafts only, never a live object (that is the LAG's decision, like
    publishing)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if is_network_staff(user):
            return True
        if action == "delete" and isinstance(instance, DraftStateMixin) and instance.live:
            return False
        return instance.member_id in member_ids_for_user(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope_to_user(self.model._default_manager.all(), user)
