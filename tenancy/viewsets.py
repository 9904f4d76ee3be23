"""Admin viewsets that keep member-owned objects inside their member.

``MemberOwnedSnippetViewSet`` (snippets), ``MemberOwnedModelViewSet`` (other model admins) and
``MemberOwnedChooserViewSet`` (choosers) wrap every view they build: a view that names an object
in its URL answers 404 unless the object belongs to one of the user's members; listings,
exports, choosers and their searches contain only the user's members' objects; forms offer
only the user's members. ``TenancyPageViewSet`` replaces Wagtail's default page viewset so
that the explorer's filters, searches and usage listings are scoped too.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import scoped_view_class_for
from .models import MemberOwnedModel
from .scoping import is_network_staff, member_ids_for_user, members_for_user, scope_to_user

# Names under which Wagtail's generic views take the primary key of their object.
OBJECT_KWARGS = ("pk", "object_id")


class MemberOwnedObjectMixin:
    """For any view of a member-owned model: the object in the URL and every queryset the view
    lists from must belong to the user's members."""

    def setup(self, request, *args, **kwargs):
        # Checked before the view's own setup, which may already load the object.
        self.request = request
        for key in OBJECT_KWARGS:
            if key in kwargs:
                self._tenancy_check_object(kwargs[key])
        super().setup(request, *args, **kwargs)

    def _tenancy_model(self):
        return getattr(self, "model_class", None) or self.model

    def _tenancy_check_object(self, pk):
        model = self._tenancy_model()
        try:
            visible = scope_to_user(
                model._default_manager.filter(pk=unquote(str(pk))), self.request.user
            ).exists()
        except (ValueError, ValidationError):
            visible = False
        if not visible:
            raise Http404(_("Nicht gefunden."))

    def _tenancy_scope(self, queryset):
        # Views of a member-owned model also list other things (log entries, revisions).
        if issubclass(queryset.model, MemberOwnedModel):
            return scope_to_user(queryset, self.request.user)
        return queryset

    # Listings and choosers
    def get_base_queryset(self):
        return self._tenancy_scope(super().get_base_queryset())

    def get_object_list(self):
        return self._tenancy_scope(super().get_object_list())

    # Chooser "chosen" views look objects up by the id in the URL or the query string.
    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if (
            isinstance(instance, MemberOwnedModel)
            and instance.pk is not None
            and not is_network_staff(self.request.user)
            and instance.member_id not in member_ids_for_user(self.request.user)
        ):
            raise Http404(_("Nicht gefunden."))
        return instance

    def get_objects(self, pks):
        return self._tenancy_scope(super().get_objects(pks))


_MEMBER_OWNED_VIEWS = {}


def member_owned_view_class(view_class):
    """``view_class`` with object checks and scoped querysets (cached per class)."""
    if view_class in _MEMBER_OWNED_VIEWS:
        return _MEMBER_OWNED_VIEWS[view_class]
    base = scoped_view_class_for(view_class) or view_class
    scoped = type(
        f"MemberOwned{view_class.__name__}",
        (MemberOwnedObjectMixin, base),
        {"_tenancy_member_owned": True, "_tenancy_scoped": True, "__module__": __name__},
    )
    _MEMBER_OWNED_VIEWS[view_class] = scoped
    return scoped


class MemberOwnedChooserViewSet(SnippetChooserViewSet):
    """Chooser for a member-owned model: offers and accepts only the user's members' objects."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(member_owned_view_class(view_class), **kwargs)


class MemberOwnedGenericChooserViewSet(ChooserViewSet):
    """Like ``MemberOwnedChooserViewSet`` for a model that is not a snippet."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(member_owned_view_class(view_class), **kwargs)


class MemberScopedFormMixin:
    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update=for_update)
        return _scoped_form(form_class)


class MemberOwnedSnippetViewSet(MemberScopedFormMixin, SnippetViewSet):
    """Admin for a member-owned model: lists, forms, choosers, exports, history, usage,
    revisions, workflow and locking views, all limited to the user's members."""

    chooser_viewset_class = MemberOwnedChooserViewSet

    def get_queryset(self, request):
        return scope_to_user(self.model._default_manager.all(), request.user)

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(member_owned_view_class(view_class), **kwargs)


class MemberOwnedModelViewSet(MemberScopedFormMixin, ModelViewSet):
    """``ModelViewSet`` for a member-owned model that is not a snippet."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(member_owned_view_class(view_class), **kwargs)


class TenancyPageViewSet(PageViewSet):
    """The default page viewset with scoped filters (sites, owners, editors), scoped usage
    listings and scoped searches. Registered for ``Page``; custom page viewsets of other apps
    must subclass it (a system check says so)."""

    def construct_view(self, view_class, **kwargs):
        return super().construct_view(scoped_view_class_for(view_class) or view_class, **kwargs)


def _scoped_form(form_class):
    class MemberScopedForm(form_class):
        """The member field is a plain select of the members the user may work for (never
        Wagtail's chooser, whose modal member roles may not open). Member roles see it read-only
        when there is nothing to choose: always on existing objects, and on new ones when they
        work for exactly one member, which is then preset."""

        def __init__(self, *args, for_user=None, **kwargs):
            super().__init__(*args, for_user=for_user, **kwargs)
            if "member" in self.fields and for_user is not None:
                field = _member_field(self.fields["member"], self.instance, for_user)
                self.fields["member"] = field
                if field.initial is not None:
                    # The form's initial data (from the unsaved instance) would override it.
                    self.initial["member"] = field.initial

        def clean_member(self):
            member = self.cleaned_data.get("member")
            allowed = members_for_user(self.for_user) if self.for_user is not None else None
            if (
                member is not None
                and allowed is not None
                and not allowed.filter(pk=member.pk).exists()
            ):
                raise ValidationError(_("Sie können nur für Ihre eigene Organisation anlegen."))
            return member

    MemberScopedForm.__name__ = form_class.__name__
    return MemberScopedForm


def _member_field(original, instance, user):
    allowed = members_for_user(user).order_by("name")
    field = forms.ModelChoiceField(
        queryset=allowed,
        label=original.label,
        help_text=original.help_text,
        required=original.required,
        widget=forms.Select,
    )
    if is_network_staff(user):
        return field
    if instance.pk is not None and instance.member_id is not None:
        # Moving an object to another member is the LAG's decision.
        field.disabled = True
    else:
        members = list(allowed[:2])
        if len(members) == 1:
            field.initial = members[0].pk
            field.disabled = True
    return field
