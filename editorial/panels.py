"""Dashboard panels: the reviewer's inbox, the editor's own submissions, outdated translations.

They replace Wagtail's two workflow panels ("Awaiting your review", "Your pages in a workflow"),
which show neither member nor waiting time and query once per row."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

from .inbox import InboxEntry, inbox_task_states, is_reviewer, page_content_type
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


def submissions_of(user, limit=PANEL_ROWS * 2):
    """The user's latest workflow run per page: running ones and those finished recently,
    newest first, with the latest reviewer comment – in five queries."""
    recent = timezone.now() - timedelta(days=RECENTLY_FINISHED_DAYS)
    latest_comment = (
        TaskState.objects.filter(workflow_state=OuterRef("pk"))
        .exclude(comment="")
        .order_by("-finished_at", "-pk")
    )
    states = list(
        WorkflowState.objects.filter(requested_by=user, base_content_type=page_content_type())
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
        if state.object_id in seen:
            continue
        seen.add(state.object_id)
        latest.append(state)
    latest = latest[:limit]
    pages = Page.objects.filter(pk__in=[int(state.object_id) for state in latest]).select_related(
        "locale"
    )
    pages = {str(page.pk): page for page in pages.defer_streamfields()}
    members = members_by_root_path([page.path for page in pages.values()])
    commenters = get_user_model().objects.in_bulk(
        {state.latest_comment_by for state in latest if state.latest_comment_by}
    )
    return [
        Submission(
            workflow_state=state,
            page=pages[state.object_id],
            member=members.get(root_path(pages[state.object_id].path)),
            comment=state.latest_comment or "",
            comment_by=commenters.get(state.latest_comment_by),
        )
        for state in latest
        if state.object_id in pages
    ]


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
