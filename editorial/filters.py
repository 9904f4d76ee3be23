"""Filters of the review inbox and the member log."""

import django_filters
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import (
    ContentTypeFilter,
    DateRangePickerWidget,
    WagtailFilterSet,
)
from wagtail.admin.utils import get_user_display_name
from wagtail.log_actions import registry as log_registry
from wagtail.models import Locale, Page, PageLogEntry, Task, TaskState

from tenancy.scoping import members_for_user

from .members import member_tree_q


class UserChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return get_user_display_name(obj)


class UserFilter(django_filters.ModelChoiceFilter):
    field_class = UserChoiceField


class LocaleChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_display_name()


class LocaleFilter(django_filters.ModelChoiceFilter):
    field_class = LocaleChoiceField


class MemberFilter(django_filters.ModelChoiceFilter):
    """Pages (or rows joined to pages through ``path_field``) of one member's microsite."""

    def __init__(self, *args, path_field="page_path", member_field=None, **kwargs):
        self.path_field = path_field
        # Rows about member-owned snippets name their member directly.
        self.member_field = member_field
        kwargs.setdefault("label", _("Mitgliedsorganisation"))
        kwargs.setdefault("queryset", lambda request: members_for_user(request.user))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        query = member_tree_q(value, field=self.path_field)
        if self.member_field:
            query |= Q(**{self.member_field: value.pk})
        return qs.filter(query)


def _inbox_content_types(request):
    """Page types in use and the member-owned snippets with a workflow (offers, …)."""
    from .inbox import workflow_snippet_models

    snippet_types = ContentType.objects.get_for_models(*workflow_snippet_models()).values()
    return ContentType.objects.filter(
        Q(pk__in=Page.objects.exclude(depth=1).values("content_type_id"))
        | Q(pk__in=[content_type.pk for content_type in snippet_types])
    ).order_by("model")


# Choices come from what the user's own inbox holds, so that a member's approvers see neither
# the steps nor the names of people of other members.


def _submitters(request):
    from .inbox import inbox_task_states

    User = get_user_model()
    return User.objects.filter(
        pk__in=inbox_task_states(request.user).values("workflow_state__requested_by")
    ).order_by("last_name", "first_name", User.USERNAME_FIELD)


def _steps(request):
    from .inbox import inbox_task_states

    return Task.objects.filter(pk__in=inbox_task_states(request.user).values("task")).order_by(
        "name"
    )


class InboxFilterSet(WagtailFilterSet):
    member = MemberFilter(member_field="snippet_member_id")
    language = LocaleFilter(
        label=_("Sprache"),
        queryset=Locale.objects.all().order_by("language_code"),
        method="filter_language",
    )
    content_type = ContentTypeFilter(
        label=_("Inhaltstyp"), queryset=_inbox_content_types, method="filter_content_type"
    )
    task = django_filters.ModelChoiceFilter(label=_("Schritt"), queryset=_steps)
    submitter = UserFilter(
        label=_("Eingereicht von"),
        queryset=_submitters,
        field_name="workflow_state__requested_by",
    )

    class Meta:
        model = TaskState
        fields = []

    def filter_language(self, queryset, name, value):
        return queryset.filter(object_locale_id=value.pk) if value else queryset

    def filter_content_type(self, queryset, name, value):
        return queryset.filter(object_content_type_id=value.pk) if value else queryset


class NetworkItemsFilterSet(WagtailFilterSet):
    # WagtailFilterSet adds the language filter ("locale") for pages by itself.
    member = MemberFilter(path_field="path")
    withdrawn = django_filters.BooleanFilter(
        label=_("Von der LAG zurückgezogen"), method="filter_withdrawn"
    )

    class Meta:
        model = Page
        fields = []

    def filter_withdrawn(self, queryset, name, value):
        from .models import NetworkWithdrawal

        if value is None:
            return queryset
        withdrawn = NetworkWithdrawal.objects.values("translation_key")
        if value:
            return queryset.filter(translation_key__in=withdrawn)
        return queryset.exclude(translation_key__in=withdrawn)


def _log_actions():
    actions = set(PageLogEntry.objects.values_list("action", flat=True).distinct())
    return [(action, label) for action, label in log_registry.get_choices() if action in actions]


def _log_users(request):
    User = get_user_model()
    return User.objects.filter(pk__in=PageLogEntry.objects.values("user_id")).order_by(
        "last_name", "first_name", User.USERNAME_FIELD
    )


class MemberLogFilterSet(WagtailFilterSet):
    member = MemberFilter(path_field="page__path")
    action = django_filters.ChoiceFilter(label=_("Aktion"), choices=_log_actions)
    user = UserFilter(label=_("Person"), queryset=_log_users)
    timestamp = django_filters.DateFromToRangeFilter(
        label=_("Zeitraum"), widget=DateRangePickerWidget
    )

    class Meta:
        model = PageLogEntry
        fields = []


def member_log_entries():
    """Log entries of pages on any member microsite (existing pages; all languages)."""
    from .members import member_home_paths, root_path_expression

    return PageLogEntry.objects.annotate(_root_path=root_path_expression("page__path")).filter(
        _root_path__in=member_home_paths(active_only=False)
    )
