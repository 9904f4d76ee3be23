"""Snippets in the editorial workflow (offers and every other member-owned snippet with drafts).

Wagtail's snippet edit view saves a new revision for every POST, also when a reviewer only
presses "Approve" in the editor's action menu without changing anything. With
``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` that new revision makes the approval count for
nothing: the workflow starts again at its first step, and the item never gets past it. Wagtail's
page editor saves a revision for a workflow action only when the form has changed; this edit
view does the same for snippets. A reviewer who does change the item while deciding still
creates a revision, and the workflow then asks for approval of that new version again.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import StatusTagColumn
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, WorkflowState
from wagtail.snippets.action_menu import SubmitForModerationMenuItem
from wagtail.snippets.views.snippets import EditView

from tenancy.scoping import is_member_role


class ReviewedSnippetEditView(EditView):
    """The snippet editor, saving a revision for a workflow action only if the form changed,
    and resubmitting after a request for changes from the first step that has not approved
    the new version."""

    def save_instance(self):
        if self.action == "workflow-action" and not self.form.has_changed():
            self.new_revision = None
            return self.object
        return super().save_instance()

    def submit_action(self):
        state = self.workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            resume_from_first_open_step(state, self.request.user)
            return None
        return super().submit_action()


def resume_from_first_open_step(workflow_state, user):
    """Resubmit a workflow run after a request for changes.

    Wagtail's ``WorkflowState.resume`` continues at the step that asked for changes. With
    reapproval on edit, the member's own step has not approved the changed version, so the
    run would come back to it after the LAG's approval – where the member approver would have
    to take the final step, which publishes, and may not. Here the run continues at the first
    step that has not approved the current version: the member's step where there is one,
    then the LAG. Logged like Wagtail's resumption."""
    # Fresh from the database: the content object cached on the view's copy does not know
    # the revision just saved, and the next step is chosen by the latest revision.
    workflow_state = WorkflowState.objects.get(pk=workflow_state.pk)
    if workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        raise PermissionDenied
    previous = workflow_state.current_task_state
    workflow_state.current_task_state = None
    workflow_state.status = WorkflowState.STATUS_IN_PROGRESS
    workflow_state.save()
    log(
        instance=workflow_state.content_object,
        action="wagtail.workflow.resume",
        data={
            "workflow": {
                "id": workflow_state.workflow_id,
                "title": workflow_state.workflow.name,
                "status": workflow_state.status,
                "task_state_id": previous.pk,
                "task": {"id": previous.task_id, "title": previous.task.name},
            }
        },
        revision=previous.revision,
        user=user,
    )
    workflow_state.update(user=user)


class ResubmitMenuItem(SubmitForModerationMenuItem):
    """Wagtail's submit button, which after a request for changes names the whole workflow
    instead of the step that asked: the resubmission starts at the first step that has not
    approved the new version (``resume_from_first_open_step``)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        instance = parent_context.get("instance")
        state = instance.current_workflow_state if instance is not None else None
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            context["label"] = _("Erneut bei %(workflow)s einreichen") % {
                "workflow": state.workflow.name
            }
        return context


def resubmit_label_in_menu(menu_items, request, context):
    """``construct_snippet_action_menu``: the reviewed editor's submit button says where the
    resubmission goes."""
    view = context.get("view")
    if view != "edit" or not isinstance(context.get("instance"), DraftStateMixin):
        return
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = ResubmitMenuItem(order=item.order)


def refuse_removing_live_snippets(request, instances):
    """``before_delete_snippet``: member roles may delete drafts, never what readers see.

    A live item is taken offline or deleted by the LAG (who may publish, and so approve it);
    the member's people are told so instead of a bare refusal."""
    if not is_member_role(request.user):
        return None
    live = [obj for obj in instances if isinstance(obj, DraftStateMixin) and obj.live]
    if not live:
        return None
    messages.error(request, live_removal_message(live))
    first = live[0]
    return redirect(
        reverse(first.snippet_viewset.get_url_name("edit"), args=[first.pk])
        if len(instances) == 1
        else reverse(first.snippet_viewset.get_url_name("list"))
    )


def live_removal_message(live):
    names = ", ".join(f"„{obj}“" for obj in live)
    return _(
        "%(names)s ist veröffentlicht und kann nur von der LAG-Redaktion gelöscht oder offline "
        "genommen werden – so geht nichts verloren, was Leser*innen gerade sehen. Bitte "
        "schreiben Sie der LAG-Redaktion, wenn es nicht mehr angeboten werden soll; "
        "Änderungen reichen Sie wie gewohnt zur Freigabe ein."
    ) % {"names": names}


# --- The status column of snippet listings ---

REVIEW_LABELS = {
    WorkflowState.STATUS_IN_PROGRESS: gettext_lazy("in Freigabe"),
    WorkflowState.STATUS_NEEDS_CHANGES: gettext_lazy("Änderungen erbeten"),
}


def with_review_status(queryset):
    """Annotate ``review_status``: the status of the object's running workflow (in review,
    changes requested) or None – one subquery, so the listing's query count stays fixed."""
    content_type = ContentType.objects.get_for_model(queryset.model)
    running = WorkflowState.objects.filter(
        base_content_type=content_type,
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
        status__in=list(REVIEW_LABELS),
    ).order_by("-created_at")
    return queryset.annotate(review_status=Subquery(running.values("status")[:1]))


def review_status_label(obj):
    """ "veröffentlicht", "Entwurf", "veröffentlicht + Entwurf", plus the review state."""
    if obj.live:
        label = (
            _("veröffentlicht + Entwurf") if obj.has_unpublished_changes else _("veröffentlicht")
        )
    else:
        label = _("Entwurf")
    review = REVIEW_LABELS.get(getattr(obj, "review_status", None))
    return f"{label} · {review}" if review else label


class ReviewStatusColumn(StatusTagColumn):
    """Live, draft, and where it is in the workflow (needs ``with_review_status``)."""

    def __init__(self, **kwargs):
        super().__init__(
            "review_status",
            label=kwargs.pop("label", gettext_lazy("Status")),
            accessor=review_status_label,
            sort_key=kwargs.pop("sort_key", "live"),
            primary=lambda obj: obj.live,
            **kwargs,
        )
