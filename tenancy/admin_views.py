"""Wagtail admin views as member roles see them: the same views, filtered to their members.

``scoped_view_class_for(view_class)`` returns a subclass of a Wagtail view that lists only what
the user may see, or None when the view needs no change. It is applied

* by ``AdminTenancyMiddleware`` to every class-based admin view a member role opens,
* by ``TenancyPageViewSet`` to the page views (explorer, search, usage, history),
* by ``MemberOwnedSnippetViewSet`` to the views of member-owned snippets.

The generic rules: every filter whose choices are model objects (users, sites, collections,
workflows, tasks, groups, pages) offers only visible objects, popular tags are counted on
visible objects only, and usage listings show only references from visible objects (so
neither a title nor a count of another member's objects appears). Some reports need more and
have explicit subclasses below.

For network staff every scoped view behaves exactly like the original.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Model, OuterRef, Q, Subquery
from django.http import Http404, JsonResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_filters.filters import QuerySetRequestMixin
from taggit.models import Tag, TaggedItem
from wagtail.admin.filters import PopularTagsFilter
from wagtail.admin.views.generic.usage import UsageView
from wagtail.models import ReferenceIndex

from .ownership import has_scope, scope_generic_relation, visible_queryset
from .scoping import is_network_staff, pages_q, visible_users

User = get_user_model()

# --- Filters ----------------------------------------------------------------------------------


def scope_choice_queryset(queryset, user):
    """The objects a filter may offer as choices to ``user``."""
    if queryset is None or is_network_staff(user):
        return queryset
    model = queryset.model
    if issubclass(model, User):
        return queryset.filter(pk__in=visible_users(user).values("pk"))
    if has_scope(model):
        return visible_queryset(model, user, queryset)
    return queryset


def _scoped_queryset_source(source):
    def scoped(request):
        queryset = source(request) if callable(source) else source
        return scope_choice_queryset(queryset, request.user)

    return scoped


def popular_tags_for_user(model, user, count=10):
    """The most used tags on the objects of ``model`` that ``user`` may see."""
    content_type = ContentType.objects.get_for_model(model)
    items = TaggedItem.objects.filter(content_type=content_type)
    if not is_network_staff(user):
        items = items.filter(object_id__in=visible_queryset(model, user).values("pk"))
    return (
        Tag.objects.filter(taggit_taggeditem_items__in=items)
        .annotate(item_count=Count("taggit_taggeditem_items"))
        .order_by("-item_count", "name")[:count]
    )


class TenancyFilterSetMixin:
    """Narrows the choices of every model-backed filter to what the request's user may see."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = getattr(self, "request", None)
        user = getattr(request, "user", None)
        if user is None or is_network_staff(user):
            return
        for name, filter_ in list(self.filters.items()):
            if isinstance(filter_, QuerySetRequestMixin):
                if filter_.queryset is not None:
                    filter_.queryset = _scoped_queryset_source(filter_.queryset)
                elif "queryset" in filter_.extra:
                    filter_.extra["queryset"] = scope_choice_queryset(
                        filter_.extra["queryset"], user
                    )
            elif isinstance(filter_, PopularTagsFilter):
                tags = popular_tags_for_user(self._meta.model, user)
                if tags:
                    filter_.extra["choices"] = [(tag.name, tag.name) for tag in tags]
                else:
                    del self.filters[name]


_FILTERSET_CACHE = {}


def scoped_filterset_class(filterset_class):
    if filterset_class is None or issubclass(filterset_class, TenancyFilterSetMixin):
        return filterset_class
    if filterset_class not in _FILTERSET_CACHE:
        _FILTERSET_CACHE[filterset_class] = type(
            f"Scoped{filterset_class.__name__}", (TenancyFilterSetMixin, filterset_class), {}
        )
    return _FILTERSET_CACHE[filterset_class]


def scope_form_fields(form, user):
    """Model choice fields of ``form`` accept only objects ``user`` may see; a member role
    cannot leave a site choice empty (which would mean "every site")."""
    from django.forms import ModelChoiceField, ModelMultipleChoiceField
    from wagtail.models import Site

    if user is None or is_network_staff(user):
        return form
    for name, field in form.fields.items():
        if isinstance(field, ModelChoiceField | ModelMultipleChoiceField):
            queryset = field.queryset
            if queryset is None:
                continue
            scoped = scope_choice_queryset(queryset, user)
            current = _current_values(form, name)
            if current:
                # What the object already refers to may stay, even if another role chose it.
                scoped = queryset.filter(Q(pk__in=scoped.values("pk")) | Q(pk__in=current))
            field.queryset = scoped
            if issubclass(queryset.model, Site) and not field.required:
                field.required = True
                field.empty_label = None
    return form


def _current_values(form, name):
    value = form.initial.get(name)
    if value in (None, "", [], ()):
        return []
    values = value if isinstance(value, list | tuple | set) else [value]
    return [getattr(item, "pk", item) for item in values]


def object_references(instance):
    """(content type id, object id) of every object ``instance`` refers to: foreign keys,
    StreamField blocks (images, documents, pages, snippets) and links in rich text."""
    if instance is None or not isinstance(instance, Model):
        return set()
    return {
        (content_type_id, str(object_id))
        for content_type_id, object_id, *_paths in ReferenceIndex._extract_references_from_object(
            instance
        )
    }


def foreign_references(references, user):
    """The references among ``references`` to objects ``user`` may not see."""
    foreign = []
    for content_type_id, object_id in references:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not has_scope(model):
            continue
        visible = visible_queryset(model, user)
        try:
            if not visible.filter(pk=object_id).exists():
                foreign.append((model, object_id))
        except (ValueError, ValidationError):
            foreign.append((model, object_id))
    return foreign


class TenancyFormMixin:
    """For forms shown to member roles: choices only of visible objects, and no new reference
    (in a chooser, a StreamField block or a rich text link) to an object of another member.
    References the object already had (e.g. an image the LAG chose) stay untouched."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = getattr(self, "for_user", None)
        self._tenancy_user = user if user is not None and not is_network_staff(user) else None
        if self._tenancy_user is not None:
            scope_form_fields(self, user)
            self._tenancy_references = object_references(getattr(self, "instance", None))

    def _post_clean(self):
        super()._post_clean()
        if self._tenancy_user is None:
            return
        added = object_references(getattr(self, "instance", None)) - self._tenancy_references
        if foreign_references(added, self._tenancy_user):
            self.add_error(
                None,
                _(
                    "Der Inhalt verweist auf etwas, das nicht zu Ihrer Organisation gehört. "
                    "Bitte nur eigene Seiten, Bilder, Dokumente und Einträge auswählen."
                ),
            )


_FORM_CACHE = {}


def scoped_form_class(form_class):
    """``form_class`` scoped to the form's ``for_user`` (see ``TenancyFormMixin``)."""
    if form_class is None or getattr(form_class, "_tenancy_scoped", False):
        return form_class
    if form_class not in _FORM_CACHE:
        _FORM_CACHE[form_class] = type(
            form_class.__name__,
            (TenancyFormMixin, form_class),
            {"_tenancy_scoped": True, "__module__": form_class.__module__},
        )
    return _FORM_CACHE[form_class]


class ScopedFormsMixin:
    """Create and edit views: forms accept only objects the user may see (images, documents,
    pages, sites, snippets), whichever way the view builds its form class."""

    @property
    def form_class(self):
        if "_tenancy_form_class" in self.__dict__:
            return self.__dict__["_tenancy_form_class"]
        # Not set on the instance: the class attribute the view would have used.
        mro = type(self).__mro__
        for klass in mro[mro.index(ScopedFormsMixin) + 1 :]:
            if "form_class" in klass.__dict__:
                value = klass.__dict__["form_class"]
                if hasattr(value, "__get__") and not isinstance(value, type):
                    value = value.__get__(self, type(self))
                return scoped_form_class(value)
        return None

    @form_class.setter
    def form_class(self, value):
        self.__dict__["_tenancy_form_class"] = scoped_form_class(value)

    def get_form_class(self, *args, **kwargs):
        return scoped_form_class(super().get_form_class(*args, **kwargs))

    def get_form(self, *args, **kwargs):
        return scope_form_fields(super().get_form(*args, **kwargs), self.request.user)


class ScopedListingMixin:
    """Listings of a model with a tenancy rule show only visible objects (e.g. redirects)."""

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        model = getattr(queryset, "model", None)
        if model is None or is_network_staff(self.request.user) or not has_scope(model):
            return queryset
        return visible_queryset(model, self.request.user, queryset)


class ScopedFiltersMixin:
    """For listing views: build the filterset from its scoped subclass."""

    @cached_property
    def filters(self):
        filterset_class = scoped_filterset_class(self.filterset_class)
        if filterset_class:
            filterset = filterset_class(**self.get_filterset_kwargs())
            if filterset.form.fields:
                return filterset
        return None


class ScopedUsageMixin:
    """Usage listings show only references from objects the user may see."""

    def get_queryset(self):
        if is_network_staff(self.request.user):
            return super().get_queryset()
        references = ReferenceIndex.get_references_to(self.object)
        return scope_generic_relation(references, self.request.user).group_by_source_object()


class ScopedPopularTagsMixin:
    """Choosers show popular tags of visible objects only."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "popular_tags" in context:
            context["popular_tags"] = popular_tags_for_user(self.model, self.request.user)
        return context


# --- Reports ----------------------------------------------------------------------------------


def _page_log_entries(queryset, user):
    from wagtail.models import Page

    return queryset.filter(page_id__in=Page.objects.filter(pages_q(user)).values("pk"))


def scope_log_entries(queryset, user):
    """Log entries about objects the user may see (pages through their tree position)."""
    if is_network_staff(user):
        return queryset
    if any(field.name == "page" for field in queryset.model._meta.get_fields()):
        return _page_log_entries(queryset, user)
    return scope_generic_relation(queryset, user)


class ScopedLogEntriesViewMixin:
    """Site history: only the history of the user's own objects."""

    def filter_queryset(self, queryset):
        return scope_log_entries(super().filter_queryset(queryset), self.request.user)


class ScopedWorkflowReportMixin:
    """Workflow reports: only workflows of the user's own pages and snippets."""

    workflow_state_prefix = ""

    def get_queryset(self):
        queryset = super().get_queryset()
        if is_network_staff(self.request.user):
            return queryset
        prefix = self.workflow_state_prefix
        return scope_generic_relation(
            queryset, self.request.user, f"{prefix}content_type", f"{prefix}object_id"
        )


class ScopedPageTypesUsageMixin:
    """Page types usage: counts and "last edited" over the user's own pages only; the site
    filter is dropped (a member role has one site)."""

    def get_queryset(self):
        from wagtail.models import Page

        user = self.request.user
        if is_network_staff(user):
            return super().get_queryset()
        queryset = ContentType.objects.filter(model__in=self.page_models)
        self.queryset = queryset
        queryset = self.filter_queryset(queryset)
        own_pages = Page.objects.filter(pages_q(user))
        count_filter = pages_q(user, "pages__")
        language_code = self.filters.form.cleaned_data.get("page_locale") if self.filters else None
        if language_code:
            count_filter &= Q(pages__locale__language_code=language_code)
            own_pages = own_pages.filter(locale__language_code=language_code)
        latest = own_pages.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        return queryset.annotate(
            count=Count("pages", filter=count_filter),
            last_edited_page_id=Subquery(latest.values("pk")[:1]),
        ).order_by("-count", "app_label", "model")

    @cached_property
    def filters(self):
        filters = super().filters
        if filters is not None and not is_network_staff(self.request.user):
            filters.filters.pop("site", None)
            filters.form.fields.pop("site", None)
            filters.sites_filter_enabled = False
        return filters


class ScopedSnippetTypesMixin:
    """The snippets overview counts only the instances the user may see."""

    def _get_snippet_types(self):
        types = super()._get_snippet_types()
        user = self.request.user
        if is_network_staff(user):
            return types
        for snippet_type in types:
            model = snippet_type["model"]
            if has_scope(model):
                snippet_type["count"] = visible_queryset(model, user).count()
        return types


class ScopedQuerysetMixin:
    """Views that list one model through ``get_queryset`` (the translations report,
    wagtail-localize's snippet API, the admin API for images and documents): visible objects
    only."""

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        if is_network_staff(self.request.user) or not has_scope(model):
            return queryset
        return visible_queryset(model, self.request.user, queryset)


# --- Tags -------------------------------------------------------------------------------------

TAGS_AUTOCOMPLETE_LIMIT = 10


def scoped_tag_autocomplete(request, app_name=None, model_name=None):
    """Tag suggestions from the tags on objects the user may see."""
    if app_name and model_name:
        try:
            content_type = ContentType.objects.get_by_natural_key(app_name, model_name)
        except ContentType.DoesNotExist as error:
            raise Http404 from error
        if content_type.model_class() is not Tag:
            # Custom tag models are not used by this project; offer nothing rather than all.
            return JsonResponse([], safe=False)
    term = request.GET.get("term", "")
    if not term:
        return JsonResponse([], safe=False)
    items = scope_generic_relation(TaggedItem.objects.all(), request.user)
    tags = (
        Tag.objects.filter(name__istartswith=term, taggit_taggeditem_items__in=items)
        .distinct()
        .order_by("name")
        .values_list("name", flat=True)[:TAGS_AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(tags), safe=False)


# --- The table ----------------------------------------------------------------------------------


def _explicit_mixins():
    from wagtail.admin.views.reports.audit_logging import LogEntriesView
    from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
    from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
    from wagtail.images.views.chooser import ImageChooseViewMixin
    from wagtail.snippets.views.snippets import ModelIndexView
    from wagtail_localize.views.report import TranslationsReportView
    from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetAPI

    class WorkflowTasksMixin(ScopedWorkflowReportMixin):
        workflow_state_prefix = "workflow_state__"

    return [
        (LogEntriesView, ScopedLogEntriesViewMixin),
        (WorkflowView, ScopedWorkflowReportMixin),
        (WorkflowTasksView, WorkflowTasksMixin),
        (PageTypesUsageReportView, ScopedPageTypesUsageMixin),
        (ModelIndexView, ScopedSnippetTypesMixin),
        (TranslationsReportView, ScopedQuerysetMixin),
        (LocalizeSnippetAPI, ScopedQuerysetMixin),
        (ImagesAdminAPIViewSet, ScopedQuerysetMixin),
        (DocumentsAdminAPIViewSet, ScopedQuerysetMixin),
        (ImageChooseViewMixin, ScopedPopularTagsMixin),
        (UsageView, ScopedUsageMixin),
    ]


_CLASS_CACHE = {}


def scoped_view_class_for(view_class):
    """A scoped subclass of ``view_class``, or None if it lists nothing that needs scoping."""
    if view_class in _CLASS_CACHE:
        return _CLASS_CACHE[view_class]
    if getattr(view_class, "_tenancy_scoped", False):
        _CLASS_CACHE[view_class] = None
        return None
    from wagtail.admin.views.generic.models import IndexView
    from wagtail.admin.views.pages.create import CreateView as CreatePageView
    from wagtail.admin.views.pages.edit import EditView as EditPageView

    mixins = [mixin for base, mixin in _explicit_mixins() if issubclass(view_class, base)]
    if hasattr(view_class, "filterset_class") and hasattr(view_class, "get_filterset_kwargs"):
        mixins.append(ScopedFiltersMixin)
    if issubclass(view_class, IndexView):
        mixins.append(ScopedListingMixin)
    if hasattr(view_class, "get_form_class") or issubclass(
        view_class, CreatePageView | EditPageView
    ):
        mixins.append(ScopedFormsMixin)
    scoped = None
    if mixins:
        scoped = type(
            f"Scoped{view_class.__name__}",
            (*dict.fromkeys(mixins), view_class),
            {"_tenancy_scoped": True, "__module__": __name__},
        )
    _CLASS_CACHE[view_class] = scoped
    return scoped


def scoped_function_view_for(view_func):
    from wagtail.admin.views import tags

    if view_func is tags.autocomplete:
        return scoped_tag_autocomplete
    return None
