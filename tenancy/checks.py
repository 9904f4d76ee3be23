"""System checks: every member-owned model goes through the one scoping mechanism.

A model is member-owned when it has a foreign key (or one-to-one field) to
``microsites.Member``. It must inherit ``tenancy.models.MemberOwnedModel`` (which registers
``MemberOwnedPermissionPolicy`` for it), and every admin viewset and chooser registered for it
must be one of the member-owned viewsets of ``tenancy.viewsets``; a searchable one must be
filterable by member. Custom page viewsets must build on ``TenancyPageViewSet``. ``manage.py check`` (and therefore the test run and
``runserver``) fails otherwise.
"""

from django.apps import apps
from django.core import checks


def member_foreign_keys(model):
    from microsites.models import Member

    return [
        field
        for field in model._meta.get_fields(include_parents=True)
        if getattr(field, "many_to_one", False) or getattr(field, "one_to_one", False)
        if field.concrete and field.related_model in (Member, "microsites.Member")
    ]


def check_member_owned_models(models=None, registered_viewsets=None):
    """The check itself; ``models`` and ``registered_viewsets`` default to the project's."""
    from wagtail.admin.viewsets.chooser import ChooserViewSet
    from wagtail.admin.viewsets.model import ModelViewSet
    from wagtail.admin.viewsets.pages import PageViewSet
    from wagtail.permissions import policy_registry
    from wagtail.search.index import class_is_indexed

    from .models import MemberOwnedModel
    from .permissions import MemberOwnedPermissionPolicy
    from .viewsets import (
        MemberOwnedChooserViewSet,
        MemberOwnedGenericChooserViewSet,
        MemberOwnedModelViewSet,
        MemberOwnedSnippetViewSet,
        TenancyPageViewSet,
    )

    models = apps.get_models() if models is None else models
    registered_viewsets = (
        _registered_viewsets() if registered_viewsets is None else registered_viewsets
    )
    errors = []
    member_owned = []
    for model in models:
        fields = member_foreign_keys(model)
        if not fields:
            continue
        member_owned.append(model)
        if not issubclass(model, MemberOwnedModel):
            errors.append(
                checks.Error(
                    f"{model._meta.label} has a foreign key to microsites.Member "
                    f"({', '.join(field.name for field in fields)}) but does not inherit "
                    "tenancy.models.MemberOwnedModel.",
                    hint="Inherit MemberOwnedModel so that the model is scoped to its member "
                    "everywhere (see docs/tenancy.md).",
                    obj=model,
                    id="tenancy.E001",
                )
            )
        elif class_is_indexed(model) and not _filters_by_member(model):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is member-owned and searchable but cannot be filtered "
                    "by member in searches.",
                    hint="Start its search_fields with *MemberOwnedModel.search_fields "
                    '(index.FilterField("member")): admin searches are scoped by member.',
                    obj=model,
                    id="tenancy.E005",
                )
            )
        elif not isinstance(policy_registry.get_by_type(model), MemberOwnedPermissionPolicy):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is member-owned but its permission policy is "
                    f"{type(policy_registry.get_by_type(model)).__name__}.",
                    hint="Do not register another permission policy for member-owned models.",
                    obj=model,
                    id="tenancy.E002",
                )
            )

    allowed = {
        "snippet": (MemberOwnedSnippetViewSet,),
        "model": (MemberOwnedModelViewSet, MemberOwnedSnippetViewSet),
        "chooser": (MemberOwnedChooserViewSet, MemberOwnedGenericChooserViewSet),
    }
    for viewset in registered_viewsets:
        if isinstance(viewset, PageViewSet) and not isinstance(viewset, TenancyPageViewSet):
            if type(viewset) is PageViewSet and viewset.model._meta.label == "wagtailcore.Page":
                # Wagtail's own default, replaced for every page type by TenancyPageViewSet.
                continue
            errors.append(
                checks.Error(
                    f"The page viewset {type(viewset).__name__} for "
                    f"{viewset.model._meta.label} does not build on TenancyPageViewSet.",
                    hint="Subclass tenancy.viewsets.TenancyPageViewSet.",
                    obj=type(viewset),
                    id="tenancy.E004",
                )
            )
            continue
        model = getattr(viewset, "model", None)
        if model not in member_owned:
            continue
        if isinstance(viewset, ChooserViewSet):
            kind = "chooser"
        elif isinstance(viewset, ModelViewSet):
            kind = "model"
        else:
            continue
        if not isinstance(viewset, allowed[kind]):
            errors.append(
                checks.Error(
                    f"{model._meta.label} is member-owned but registered with "
                    f"{type(viewset).__name__}.",
                    hint="Use MemberOwnedSnippetViewSet, MemberOwnedModelViewSet or "
                    "MemberOwnedChooserViewSet from tenancy.viewsets.",
                    obj=type(viewset),
                    id="tenancy.E003",
                )
            )
    return errors


def _filters_by_member(model):
    from wagtail.search import index

    return any(
        isinstance(field, index.FilterField) and field.field_name in ("member", "member_id")
        for field in model.get_search_fields()
    )


def _registered_viewsets():
    from django.urls import get_resolver
    from wagtail.admin.viewsets import viewsets

    # Loading the URLconf registers the viewsets of every app (register_admin_viewset hooks).
    get_resolver().url_patterns  # noqa: B018
    return list(viewsets.viewsets)


@checks.register("tenancy")
def member_owned_models_are_scoped(app_configs, **kwargs):
    return check_member_owned_models()
