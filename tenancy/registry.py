from django.apps import apps
from wagtail.permissions import policy_registry, register_permission_policy

from .models import MemberOwnedModel
from .permissions import MemberOwnedPermissionPolicy


def member_owned_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, MemberOwnedModel) and not model._meta.abstract
    ]


def register_member_owned_policies():
    for model in member_owned_models():
        if not isinstance(
            policy_registry.get_by_type(model, fallback=False), MemberOwnedPermissionPolicy
        ):
            register_permission_policy(model, MemberOwnedPermissionPolicy(model), exact_class=True)


def member_owned_permission_names(for_staff=False):
    """The model permissions for every member-owned model.

    Member roles get add, change, delete, view (and lock, unlock where the model can be
    locked): never publish, their changes go through the workflow. LAG staff also get publish,
    because Wagtail publishes as the approver at the end of a workflow. A model that exists
    exactly once per member (created by provisioning) narrows the actions with
    ``member_role_actions``, e.g. ``("change", "view")``; they apply to LAG staff too."""
    from wagtail.models import DraftStateMixin, LockableMixin
    from wagtail.snippets.models import get_snippet_models

    snippets = set(get_snippet_models())
    names = []
    for model in member_owned_models():
        opts = model._meta
        actions = list(getattr(model, "member_role_actions", ("add", "change", "delete", "view")))
        # Wagtail creates the lock, unlock and publish permissions for snippets only.
        if model in snippets and issubclass(model, LockableMixin):
            actions += ["lock", "unlock"]
        if for_staff and model in snippets and issubclass(model, DraftStateMixin):
            actions.append("publish")
        names.extend(f"{opts.app_label}.{action}_{opts.model_name}" for action in actions)
    return names
