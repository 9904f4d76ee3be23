"""What is waiting for approval, for whom, and since when – in a fixed number of queries.

A page (or a member-owned snippet with a workflow, such as an offer) waits at one workflow
step: its workflow run (``WorkflowState``) is in progress and its current ``TaskState`` is in
progress. LAG staff see everything that waits across all members
(also what is still at a member's own step); member approvers see what waits at the steps they
can approve. ``InboxEntry.build`` turns a page of task states into rows with page, member,
language, content type, step, submitter and waiting time.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowMixin, WorkflowState

from tenancy.registry import member_owned_models
from tenancy.scoping import is_network_staff

from .members import members_by_root_path, root_path
from .models import TranslationStatus


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def _page_field(name):
    return Subquery(
        Page.objects.filter(pk=OuterRef("page_id")).values(name)[:1],
    )


def workflow_snippet_models():
    """Member-owned snippet models that pass the member's workflow (offers, …)."""
    return [model for model in member_owned_models() if issubclass(model, WorkflowMixin)]


def related_of(model):
    """What a snippet row of the inbox shows besides itself: its member and, if translatable,
    its language."""
    names = {field.name for field in model._meta.concrete_fields}
    return [name for name in ("locale", "member") if name in names]


def _snippet_field(name):
    """The field ``name`` of the snippet a task state's workflow run is about (NULL for pages)."""
    whens = [
        When(
            workflow_state__base_content_type_id=ContentType.objects.get_for_model(model).pk,
            then=Subquery(model._default_manager.filter(pk=OuterRef("object_pk")).values(name)[:1]),
        )
        for model in workflow_snippet_models()
        # Not every snippet has every field (member site settings have no locale).
        if any(field.attname == name for field in model._meta.concrete_fields)
    ]
    if not whens:
        return Value(None, output_field=IntegerField())
    return Case(*whens, default=None, output_field=IntegerField())


def waiting_task_states():
    """Task states of pages and member-owned snippets that wait for a decision now, annotated
    with the facts the filters need: ``page_*`` for pages, ``snippet_member_id`` for snippets,
    ``object_locale_id`` and ``object_content_type_id`` for both."""
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
        )
        # object_id is a text column: cast it to join objects on both SQLite and PostgreSQL.
        .annotate(object_pk=Cast("workflow_state__object_id", output_field=IntegerField()))
        .annotate(
            page_id=Case(
                When(
                    workflow_state__base_content_type=page_content_type(),
                    then=F("object_pk"),
                ),
                default=None,
                output_field=IntegerField(),
            )
        )
        .annotate(
            page_path=_page_field("path"),
            page_locale_id=_page_field("locale_id"),
            page_content_type_id=_page_field("content_type_id"),
            snippet_member_id=_snippet_field("member_id"),
            snippet_locale_id=_snippet_field("locale_id"),
        )
        .annotate(
            object_locale_id=Coalesce(
                "page_locale_id", "snippet_locale_id", output_field=IntegerField()
            ),
            object_content_type_id=Coalesce(
                "page_content_type_id",
                "workflow_state__content_type_id",
                output_field=IntegerField(),
            ),
        )
        .filter(Q(page_path__isnull=False) | Q(snippet_member_id__isnull=False))
    )


def tasks_user_can_approve(user):
    """The approval steps ``user`` may decide (superusers: all of them)."""
    tasks = GroupApprovalTask.objects.filter(active=True)
    if user.is_superuser:
        return tasks
    return tasks.filter(groups__in=user.groups.all()).distinct()


def reviewable_task_states(user):
    """What waits for a decision by ``user``."""
    return waiting_task_states().filter(task__in=tasks_user_can_approve(user).values("pk"))


def inbox_task_states(user):
    """What ``user`` sees in the inbox: everything for LAG staff, their own steps otherwise."""
    if is_network_staff(user):
        return waiting_task_states()
    return reviewable_task_states(user)


def is_reviewer(user):
    return bool(
        user.is_authenticated and (is_network_staff(user) or tasks_user_can_approve(user).exists())
    )


@dataclass
class InboxEntry:
    task_state: TaskState
    page: Page
    member: object
    outdated_translation: bool = False
    is_new: bool = False
    can_decide: bool = True

    @classmethod
    def build(cls, task_states, viewer=None):
        """Rows for the given task states: pages, members and flags in four more queries (five
        with a ``viewer``, whose decidable steps set ``can_decide``), and one more per kind of
        snippet among them."""
        states = list(
            task_states.select_related(
                "task",
                "revision",
                "workflow_state__requested_by",
                "workflow_state__workflow",
            )
        )
        if not states:
            return []
        page_ids = [state.page_id for state in states if state.page_id is not None]
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=page_ids)
            .select_related("locale", "content_type")
            .defer_streamfields()
        }
        members = members_by_root_path([page.path for page in pages.values()])
        outdated = set(
            TranslationStatus.objects.filter(
                page_id__in=list(pages), outdated_since__isnull=False
            ).values_list("page_id", flat=True)
        )
        decidable = None
        if viewer is not None:
            decidable = set(tasks_user_can_approve(viewer).values_list("pk", flat=True))
        snippets = snippets_of(state for state in states if state.page_id is None)
        entries = []
        for state in states:
            if state.page_id is None:
                obj = snippets.get((state.workflow_state.base_content_type_id, state.object_pk))
                if obj is not None:
                    entries.append(
                        cls(
                            task_state=state,
                            page=obj,
                            member=obj.member,
                            can_decide=decidable is None or state.task_id in decidable,
                        )
                    )
                continue
            page = pages.get(state.page_id)
            if page is None:
                continue
            entries.append(
                cls(
                    task_state=state,
                    page=page,
                    member=members.get(root_path(page.path)),
                    outdated_translation=page.pk in outdated,
                    can_decide=decidable is None or state.task_id in decidable,
                )
            )
        return entries

    @property
    def is_page(self):
        """Whether the row is a page; otherwise ``page`` holds a snippet (e.g. an offer)."""
        return isinstance(self.page, Page)

    def _snippet_url(self, name, *args):
        url_name = self.page.snippet_viewset.get_url_name(name)
        return reverse(url_name, args=[quote(self.page.pk), *args])

    # --- what the row shows ---

    @property
    def revision(self):
        return self.task_state.revision

    @property
    def title(self):
        if not self.is_page:
            return self.revision.object_str or str(self.page)
        content = self.revision.content or {}
        return content.get("title") or self.page.get_admin_display_title()

    @property
    def content_type_name(self):
        if not self.is_page:
            return self.page._meta.verbose_name
        model = self.page.content_type.model_class()
        return model._meta.verbose_name if model else ""

    @property
    def language_code(self):
        locale = getattr(self.page, "locale", None)
        return locale.language_code if locale else settings.LANGUAGE_CODE

    @property
    def step(self):
        return self.task_state.task

    @property
    def submitter(self):
        return self.task_state.workflow_state.requested_by

    @property
    def submitted_at(self):
        return self.task_state.workflow_state.created_at

    @property
    def waiting_since(self):
        return self.task_state.started_at

    @property
    def waiting_days(self):
        return (timezone.now() - self.task_state.started_at).days

    @property
    def show_in_network(self):
        return bool((self.revision.content or {}).get("show_in_network"))

    @property
    def go_live_at(self):
        value = (self.revision.content or {}).get("go_live_at")
        return parse_datetime(value) if value else None

    @property
    def is_new_page(self):
        return not self.page.live

    # Relative admin links; e-mails put WAGTAILADMIN_BASE_URL in front.

    @property
    def edit_url(self):
        if not self.is_page:
            return self._snippet_url("edit")
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def compare_url(self):
        if not (self.page.live and self.page.live_revision_id):
            return None
        if not self.is_page:
            return self._snippet_url("revisions_compare", "live", self.revision.pk)
        return reverse(
            "wagtailadmin_pages:revisions_compare",
            args=[self.page.pk, "live", self.revision.pk],
        )

    @property
    def preview_url(self):
        if not self.is_page:
            if not getattr(self.page.snippet_viewset, "preview_enabled", False):
                return None  # a snippet without a preview (member site settings)
            return self._snippet_url("workflow_preview", self.step.pk)
        return reverse("wagtailadmin_pages:workflow_preview", args=[self.page.pk, self.step.pk])

    @property
    def history_url(self):
        if not self.is_page:
            return self._snippet_url("history")
        return reverse("wagtailadmin_pages:history", args=[self.page.pk])


def snippets_of(task_states):
    """{(base content type id, pk): snippet} for the snippets the task states are about, with
    locale and member: one query per kind of snippet."""
    wanted = {}
    for state in task_states:
        wanted.setdefault(state.workflow_state.base_content_type_id, set()).add(state.object_pk)
    found = {}
    for content_type_id, pks in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=pks).select_related(*related_of(model)):
            found[(content_type_id, obj.pk)] = obj
    return found
