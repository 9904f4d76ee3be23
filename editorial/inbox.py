"""What is waiting for approval, for whom, and since when – in a fixed number of queries.

A page waits at one workflow step: its workflow run (``WorkflowState``) is in progress and its
current ``TaskState`` is in progress. LAG staff see everything that waits across all members
(also what is still at a member's own step); member approvers see what waits at the steps they
can approve. ``InboxEntry.build`` turns a page of task states into rows with page, member,
language, content type, step, submitter and waiting time.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from tenancy.scoping import is_network_staff

from .members import members_by_root_path, root_path
from .models import TranslationStatus


def page_content_type():
    return ContentType.objects.get_for_model(Page)


def _page_field(name):
    return Subquery(
        Page.objects.filter(pk=OuterRef("page_id")).values(name)[:1],
    )


def waiting_task_states():
    """Task states of pages that wait for a decision now, annotated with page facts for filters."""
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            workflow_state__status=WorkflowState.STATUS_IN_PROGRESS,
            workflow_state__base_content_type=page_content_type(),
        )
        # object_id is a text column: cast it to join pages on both SQLite and PostgreSQL.
        .annotate(page_id=Cast("workflow_state__object_id", output_field=IntegerField()))
        .annotate(
            page_path=_page_field("path"),
            page_locale_id=_page_field("locale_id"),
            page_content_type_id=_page_field("content_type_id"),
        )
        .filter(page_path__isnull=False)
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
        with a ``viewer``, whose decidable steps set ``can_decide``)."""
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
        pages = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[state.page_id for state in states])
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
        entries = []
        for state in states:
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

    # --- what the row shows ---

    @property
    def revision(self):
        return self.task_state.revision

    @property
    def title(self):
        content = self.revision.content or {}
        return content.get("title") or self.page.get_admin_display_title()

    @property
    def content_type_name(self):
        model = self.page.content_type.model_class()
        return model._meta.verbose_name if model else ""

    @property
    def language_code(self):
        return self.page.locale.language_code

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
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    @property
    def compare_url(self):
        if self.page.live and self.page.live_revision_id:
            return reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[self.page.pk, "live", self.revision.pk],
            )
        return None

    @property
    def preview_url(self):
        return reverse("wagtailadmin_pages:workflow_preview", args=[self.page.pk, self.step.pk])

    @property
    def history_url(self):
        return reverse("wagtailadmin_pages:history", args=[self.page.pk])
