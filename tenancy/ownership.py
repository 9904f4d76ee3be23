"""What a member role may see, model by model.

``visible_queryset(model, user)`` answers "which objects of this model may this user see?" for
every model the admin shows: pages (their member sites in every language), member-owned
models (their members), images and documents (their collections and the shared network
collection), redirects and site settings (their sites), users and groups (their members'),
workflows and tasks (their members' and the LAG's approval step). A model without a rule is
invisible to member roles wherever the admin lists objects of several kinds (site history,
workflow reports, usage, tags). Network staff see everything.

Apps that add a model which is scoped differently register a rule with ``register_scope``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from .scoping import (
    is_network_staff,
    member_collection_ids,
    member_group_ids,
    member_ids_for_user,
    member_site_ids,
    pages_q,
    scope_to_user,
)

_RULES = []


def register_scope(model, rule):
    """``rule(queryset, user)`` narrows ``model``'s queryset (and its subclasses') to a member
    role's objects. Later registrations win over earlier ones for the same model."""
    _RULES.insert(0, (model, rule))


def _rule_for(model):
    from .models import MemberOwnedModel

    for registered, rule in _RULES:
        if issubclass(model, registered):
            return rule
    if issubclass(model, MemberOwnedModel):
        return lambda queryset, user: scope_to_user(queryset, user)
    return None


def has_scope(model):
    return _rule_for(model) is not None


def visible_queryset(model, user, queryset=None):
    """The objects of ``model`` that ``user`` may see; ``model.objects.none()`` for member
    roles when the model has no rule."""
    queryset = model._default_manager.all() if queryset is None else queryset
    if is_network_staff(user):
        return queryset
    rule = _rule_for(model)
    if rule is None:
        return queryset.none()
    return rule(queryset, user)


def is_visible(instance, user):
    """Whether ``user`` may see ``instance`` (None counts as not visible)."""
    if instance is None:
        return False
    if is_network_staff(user):
        return True
    model = type(instance)
    return visible_queryset(model, user, model._default_manager.filter(pk=instance.pk)).exists()


def generic_relation_q(user, queryset, content_type_field="content_type", id_field="object_id"):
    """A ``Q`` for ``queryset`` (rows pointing at objects through a content type and a text
    object id, like log entries, references and workflow states) that keeps only the rows
    whose object the user may see. Rows about models without a rule are dropped."""
    if is_network_staff(user):
        return Q()
    content_type_ids = set(
        queryset.order_by().values_list(content_type_field, flat=True).distinct()
    )
    textual_ids = _is_text_field(queryset.model, id_field)
    clauses = Q(pk__in=[])
    for content_type_id in content_type_ids:
        if content_type_id is None:
            continue
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not has_scope(model):
            continue
        visible = visible_queryset(model, user)
        ids = (
            visible.values_list(Cast("pk", output_field=CharField()), flat=True)
            if textual_ids
            else visible.values_list("pk", flat=True)
        )
        clauses |= Q(**{content_type_field: content_type_id, f"{id_field}__in": ids})
    return clauses


def _is_text_field(model, lookup):
    """Whether ``lookup`` (possibly across relations) ends at a text field: generic object ids
    are text in Wagtail's tables but integers in taggit's."""
    from django.db.models import TextField

    *relations, name = lookup.split("__")
    for relation in relations:
        model = model._meta.get_field(relation).related_model
    return isinstance(model._meta.get_field(name), CharField | TextField)


def scope_generic_relation(queryset, user, content_type_field="content_type", id_field="object_id"):
    """``queryset`` narrowed with ``generic_relation_q``; unchanged for network staff."""
    if is_network_staff(user):
        return queryset
    return queryset.filter(generic_relation_q(user, queryset, content_type_field, id_field))


# --- Rules for the models of Wagtail and Django ----------------------------------------------


def _pages(queryset, user):
    return queryset.filter(pages_q(user))


def _in_collections(queryset, user):
    return queryset.filter(collection_id__in=member_collection_ids(user))


def _on_member_sites(queryset, user):
    return queryset.filter(site_id__in=member_site_ids(user))


def _users(queryset, user):
    groups = member_group_ids(member_ids_for_user(user))
    return queryset.filter(Q(groups__in=groups) | Q(pk=user.pk)).distinct()


def _groups(queryset, user):
    return queryset.filter(pk__in=member_group_ids(member_ids_for_user(user)))


def _sites(queryset, user):
    return queryset.filter(pk__in=member_site_ids(user))


def _collections(queryset, user):
    return queryset.filter(pk__in=member_collection_ids(user))


def _members(queryset, user):
    return queryset.filter(pk__in=member_ids_for_user(user))


def _workflows(queryset, user):
    from microsites.models import Member

    return queryset.filter(
        pk__in=Member.objects.filter(pk__in=member_ids_for_user(user)).values("workflow_id")
    )


def _tasks(queryset, user):
    from microsites.models import Member

    own_groups = Member.objects.filter(pk__in=member_ids_for_user(user)).values(
        "approvers_group_id"
    )
    # A member's own approval step, and the LAG's step every member's workflow ends with.
    return queryset.filter(
        Q(groupapprovaltask__groups__in=own_groups)
        | Q(groupapprovaltask__groups__name=settings.LAG_STAFF_GROUP_NAME)
    ).distinct()


def _form_submissions(queryset, user):
    return queryset.filter(pages_q(user, "page__"))


def _translation_sources_q(user, prefix=""):
    from wagtail.models.i18n import get_translatable_models

    clauses = Q(pk__in=[])
    for model in get_translatable_models():
        if not has_scope(model):
            continue
        content_type = ContentType.objects.get_for_model(model.get_translation_model())
        clauses |= Q(
            **{
                f"{prefix}object__content_type": content_type,
                f"{prefix}object__translation_key__in": visible_queryset(model, user).values(
                    "translation_key"
                ),
            }
        )
    return clauses


def _translation_sources(queryset, user):
    return queryset.filter(_translation_sources_q(user))


def _translations(queryset, user):
    return queryset.filter(_translation_sources_q(user, "source__"))


def register_builtin_scopes():
    from wagtail.contrib.forms.models import AbstractFormSubmission
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import Collection, Page, Site, Task, Workflow

    from microsites.models import Member

    for model, rule in (
        (Page, _pages),
        (AbstractImage, _in_collections),
        (AbstractDocument, _in_collections),
        (Redirect, _on_member_sites),
        (BaseSiteSetting, _on_member_sites),
        (get_user_model(), _users),
        (Group, _groups),
        (Site, _sites),
        (Collection, _collections),
        (Member, _members),
        (Workflow, _workflows),
        (Task, _tasks),
        (AbstractFormSubmission, _form_submissions),
    ):
        register_scope(model, rule)

    from django.apps import apps

    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import Translation, TranslationSource

        register_scope(TranslationSource, _translation_sources)
        register_scope(Translation, _translations)
