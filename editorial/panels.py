"""Dashboard panels: the reviewer's inbox, the editor's own submissions, outdated translations.

They replace Wagtail's two workflow panels ("Awaiting your review", "Your pages in a workflow"),
which show neither member nor waiting time and query once per row."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from .inbox import (
    InboxEntry,
    inbox_task_states,
    is_reviewer,
    page_content_type,
    related_of,
    workflow_snippet_models,
)
from .members import members_by_root_path, root_path
from .models import TranslationStatus
from .translations import outdated_page_ids_for

PANEL_ROWS = 8
RECENTLY_FINISHED_DAYS = 30


class InboxPanel(Component):
    """The oldest items waiting for the user's decision, with a link to the whole inbox."""

    name = "editorial_inbox"
    template_name = "editorial/panels/inbox.html"
    order = 90

    def __init__(self, request):
        self.request = request

    def is_shown(self):
        return is_reviewer(self.request.user)

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = inbox_task_states(self.request.user).order_by("started_at", "pk")
        context["total"] = states.count()
        context["entries"] = InboxEntry.build(states[:PANEL_ROWS]) if context["total"] else []
        context["request"] = self.request
        return context

    def render_html(self, parent_context=None):
        return super().render_html(parent_context) if self.is_shown() else ""


STATE_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: _("wartet auf Freigabe"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("Änderungen erbeten"),
    WorkflowState.STATUS_APPROVED: _("freigegeben"),
    WorkflowState.STATUS_CANCELLED: _("zurückgezogen"),
}


@dataclass
class Submission:
    workflow_state: WorkflowState
    page: Page
    member: object
    comment: str
    comment_by: object

    @property
    def status(self):
        return self.workflow_state.status

    @property
    def step(self):
        current = self.workflow_state.current_task_state
        return current.task if current else None

    @property
    def label(self):
        if self.status == WorkflowState.STATUS_APPROVED:
            if self.page.live:
                return _("freigegeben und veröffentlicht")
            if self.page.go_live_at:
                return _("freigegeben, erscheint zum geplanten Zeitpunkt")
        return STATE_LABELS.get(self.status, self.status)

    @property
    def needs_action(self):
        return self.status == WorkflowState.STATUS_NEEDS_CHANGES

    @property
    def title(self):
        if isinstance(self.page, Page):
            return self.page.get_admin_display_title()
        return str(self.page)

    @property
    def edit_url(self):
        """The editor of the page or snippet (``page`` may hold a snippet such as an offer)."""
        if isinstance(self.page, Page):
            return reverse("wagtailadmin_pages:edit", args=[self.page.pk])
        url_name = self.page.snippet_viewset.get_url_name("edit")
        return reverse(url_name, args=[quote(self.page.pk)])


def submissions_of(user, limit=PANEL_ROWS * 2):
    """The user's latest workflow run per page or member-owned snippet: running ones and those
    finished recently, newest first, with the latest reviewer comment – in five queries, and
    one more per kind of snippet among them."""
    recent = timezone.now() - timedelta(days=RECENTLY_FINISHED_DAYS)
    latest_comment = (
        TaskState.objects.filter(workflow_state=OuterRef("pk"))
        .exclude(comment="")
        .order_by("-finished_at", "-pk")
    )
    states = list(
        WorkflowState.objects.filter(
            requested_by=user, base_content_type__in=_submission_content_types()
        )
        .filter(
            Q(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
            | Q(created_at__gte=recent)
        )
        .select_related("current_task_state__task")
        .annotate(
            latest_comment=Subquery(latest_comment.values("comment")[:1]),
            latest_comment_by=Subquery(latest_comment.values("finished_by")[:1]),
        )
        .order_by("-created_at", "-pk")[: limit * 3]
    )
    seen = set()
    latest = []
    for state in states:
        key = (state.base_content_type_id, state.object_id)
        if key in seen:
            continue
        seen.add(key)
        latest.append(state)
    latest = latest[:limit]
    page_type = page_content_type().pk
    pages = Page.objects.filter(
        pk__in=[int(state.object_id) for state in latest if state.base_content_type_id == page_type]
    ).select_related("locale")
    objects = {(page_type, str(page.pk)): page for page in pages.defer_streamfields()}
    members = members_by_root_path([page.path for page in objects.values()])
    for (content_type_id, pk), obj in _snippets_of(latest, page_type).items():
        objects[(content_type_id, pk)] = obj
    commenters = get_user_model().objects.in_bulk(
        {state.latest_comment_by for state in latest if state.latest_comment_by}
    )
    submissions = []
    for state in latest:
        obj = objects.get((state.base_content_type_id, state.object_id))
        if obj is None:
            continue
        member = members.get(root_path(obj.path)) if isinstance(obj, Page) else obj.member
        submissions.append(
            Submission(
                workflow_state=state,
                page=obj,
                member=member,
                comment=state.latest_comment or "",
                comment_by=commenters.get(state.latest_comment_by),
            )
        )
    return submissions


def _submission_content_types():
    return [page_content_type()] + list(
        ContentType.objects.get_for_models(*workflow_snippet_models()).values()
    )


def _snippets_of(workflow_states, page_type):
    """{(base content type id, object id as text): snippet}: one query per kind of snippet."""
    wanted = {}
    for state in workflow_states:
        if state.base_content_type_id != page_type:
            wanted.setdefault(state.base_content_type_id, set()).add(state.object_id)
    found = {}
    for content_type_id, pks in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in model._default_manager.filter(pk__in=pks).select_related(*related_of(model)):
            found[(content_type_id, str(obj.pk))] = obj
    return found


class MySubmissionsPanel(Component):
    """What the user submitted: where it stands and what the reviewers said last."""

    name = "editorial_my_submissions"
    template_name = "editorial/panels/my_submissions.html"
    order = 95

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["submissions"] = submissions_of(self.request.user)
        context["request"] = self.request
        return context


class OutdatedTranslationsPanel(Component):
    """Translations of the user's member(s) whose original has changed since."""

    name = "editorial_outdated_translations"
    template_name = "editorial/panels/outdated_translations.html"
    order = 96

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        ids = outdated_page_ids_for(self.request.user)
        statuses = (
            TranslationStatus.objects.filter(page_id__in=ids)
            .select_related("page__locale", "source_page__locale")
            .order_by("-outdated_since")
        )
        context["total"] = len(ids)
        context["statuses"] = list(statuses[:PANEL_ROWS]) if ids else []
        context["request"] = self.request
        return context
