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


def member_owned_permission_names():
    """The model permissions member groups get for every member-owned model (never publish)."""
    names = []
    for model in member_owned_models():
        opts = model._meta
        for action in ("add", "change", "delete", "view"):
            names.append(f"{opts.app_label}.{action}_{opts.model_name}")
    return names
