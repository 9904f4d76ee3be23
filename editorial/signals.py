"""Reactions to workflow and publishing events: e-mails, network history, translation status.

``connect()`` is called from ``EditorialConfig.ready``. The four workflow e-mail receivers are
registered under the dispatch uids Wagtail uses for its own notifiers (see
``wagtail.admin.signal_handlers``): whichever app connects first, exactly one set of e-mails goes
out, and it is ours.
"""

from django.db.models.signals import pre_save
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    task_approved,
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)
from wagtail_localize.models import StringTranslation

from home.sanitising import clean_segment

from . import notifications, reviewer_edits, syndication, translations

# Wagtail's dispatch uids, replaced by ours.
WAGTAIL_NOTIFIERS = [
    (task_submitted, TaskState, "group_approval_task_submitted_email_notification"),
    (workflow_submitted, WorkflowState, "workflow_state_submitted_email_notification"),
    (workflow_rejected, WorkflowState, "workflow_state_rejected_email_notification"),
    (workflow_approved, WorkflowState, "workflow_state_approved_email_notification"),
]


def on_task_submitted(sender, instance, user=None, **kwargs):
    notifications.notify_submitted(instance, user)


def on_workflow_submitted(sender, instance, user=None, **kwargs):
    """Submission is announced per step (``on_task_submitted``) to that step's approvers only;
    Wagtail's extra e-mail to every superuser is not sent."""


def on_workflow_rejected(sender, instance, user=None, **kwargs):
    notifications.notify_rejected(instance, user)


def on_workflow_approved(sender, instance, user=None, **kwargs):
    notifications.notify_workflow_approved(instance, user)


def on_task_approved(sender, instance, user=None, **kwargs):
    # The last step finishes the workflow; that is announced by on_workflow_approved.
    if instance.workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        notifications.notify_step_approved(instance, user)


def on_page_published(sender, instance, revision, **kwargs):
    if not (instance.live and instance.live_revision_id == revision.pk):
        return  # scheduled for later; handled when it goes live
    syndication.record_network_state(instance)
    translations.translation_published(instance)
    outdated = translations.source_published(instance, revision)
    notifications.notify_translations_outdated(instance, outdated)
    # publish_scheduled hands over the revision as it was loaded, still carrying its date.
    if getattr(revision, "approved_go_live_at", None) is not None:
        notifications.notify_published_on_schedule(instance, revision)


def on_page_unpublished(sender, instance, **kwargs):
    syndication.record_network_state(instance, reason="unpublished")


def on_copy_for_translation_done(sender, source_obj, target_obj, **kwargs):
    translations.translation_created(source_obj, target_obj)


RECEIVERS = {
    task_submitted: (on_task_submitted, TaskState),
    workflow_submitted: (on_workflow_submitted, WorkflowState),
    workflow_rejected: (on_workflow_rejected, WorkflowState),
    workflow_approved: (on_workflow_approved, WorkflowState),
}


def connect():
    for signal, sender, dispatch_uid in WAGTAIL_NOTIFIERS:
        receiver, _sender = RECEIVERS[signal]
        # Remove Wagtail's notifier if it is already connected, then take its place.
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(receiver, sender=sender, dispatch_uid=dispatch_uid)
    task_approved.connect(on_task_approved, dispatch_uid="editorial_task_approved")
    reviewer_edits.connect()
    page_published.connect(on_page_published, dispatch_uid="editorial_page_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="editorial_page_unpublished")
    copy_for_translation_done.connect(
        on_copy_for_translation_done, dispatch_uid="editorial_copy_for_translation"
    )
    pre_save.connect(
        clean_string_translation,
        sender=StringTranslation,
        dispatch_uid="editorial_clean_string_translation",
    )


def clean_string_translation(sender, instance, raw=False, **kwargs):
    """A translated string is reduced to the inline markup of a segment before it is stored:
    wagtail-localize's string editor stores what it is sent, and comments or CDATA sections
    pass its element check."""
    if not raw:
        instance.data = clean_segment(instance.data)
