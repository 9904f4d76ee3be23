"""A reviewer who changes a page at their own step and approves it approves their own change.

With ``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` Wagtail only counts approvals of the latest
revision. When a reviewer corrects a page in the editor and presses "Freigeben", Wagtail saves
the correction as a new revision but records the approval for the revision the step started
with – so the same step started again (an approval that never ended), and after a LAG
correction the member's step came back and its approval tried to publish as someone who may not
publish.

Here, when a step is approved by the person who wrote the page's latest revision during that
step, the approval is recorded for that revision, and the approvals of earlier steps are carried
over to it: a correction by a reviewer is made by a role that may approve it.
"""

from django.db.models.signals import pre_save
from wagtail.models import Page, Revision, TaskState


def approval_covers_own_correction(sender, instance, **kwargs):
    if instance.pk is None or instance.status != TaskState.STATUS_APPROVED:
        return
    if instance.finished_by_id is None:
        return
    previous = TaskState.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
    if previous != TaskState.STATUS_IN_PROGRESS:
        return
    workflow_state = instance.workflow_state
    if not isinstance(workflow_state.content_object, Page):
        return
    latest = (
        Revision.objects.filter(
            base_content_type_id=workflow_state.base_content_type_id,
            object_id=workflow_state.object_id,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if latest is None or latest.pk == instance.revision_id:
        return
    if latest.user_id != instance.finished_by_id or latest.created_at < instance.started_at:
        return
    workflow_state.copy_approved_task_states_to_revision(latest)
    instance.revision = latest


def connect():
    pre_save.connect(
        approval_covers_own_correction,
        sender=TaskState,
        dispatch_uid="editorial_approval_covers_own_correction",
    )
