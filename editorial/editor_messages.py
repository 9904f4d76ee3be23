"""What the page editor tells people about the review, beyond Wagtail's own messages.

- After a decision in the editor: whether the page is now live (with a link to it), scheduled,
  or waiting at the next step – Wagtail itself only says that the page was updated.
- When an editor opens a page whose review asked for changes: the latest request, with who asked,
  when and at which step, at the top of the editor.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.models import Page, WorkflowState

from .templatetags.editorial_tags import step_name


def _display_name(user):
    if user is None:
        return _("Jemand")
    return user.get_full_name() or user.get_username()


def _when(moment):
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def after_decision(request, page):
    """Called after Wagtail's edit view has carried out a review action."""
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return
    if request.POST.get("workflow-action-name") != "approve":
        return
    fresh = Page.objects.get(pk=page.pk).specific
    title = fresh.get_admin_display_title()
    state = fresh.current_workflow_state
    if state is not None and state.current_task_state is not None:
        messages.success(
            request,
            _("„%(title)s“ ist freigegeben und wartet jetzt auf „%(step)s“.")
            % {"title": title, "step": step_name(state.current_task_state.task)},
        )
        return
    scheduled = fresh.scheduled_revision
    if scheduled is not None and scheduled.approved_go_live_at:
        messages.success(
            request,
            _("„%(title)s“ ist freigegeben und wird am %(date)s veröffentlicht.")
            % {"title": title, "date": _when(scheduled.approved_go_live_at)},
        )
        return
    if fresh.live and fresh.live_revision_id == fresh.latest_revision_id:
        url = fresh.get_full_url(request)
        buttons = [messages.button(url, _("Seite ansehen"), new_window=True)] if url else []
        messages.success(
            request,
            _("„%(title)s“ ist freigegeben und jetzt veröffentlicht: %(url)s")
            % {"title": title, "url": url or ""},
            buttons=buttons,
        )


def changes_requested_banner(request, page):
    """Called when the editor is opened: show the open request for changes, if any."""
    if request.method != "GET":
        return
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("current_task_state__task", "current_task_state__finished_by")
        .first()
    )
    if state is None or state.current_task_state is None:
        return
    task_state = state.current_task_state
    values = {
        "name": _display_name(task_state.finished_by),
        "date": _when(task_state.finished_at or task_state.started_at),
        "step": step_name(task_state.task),
        "comment": task_state.comment,
    }
    if task_state.comment:
        text = (
            _(
                "Änderungen erbeten von %(name)s am %(date)s (Schritt „%(step)s“): "
                "„%(comment)s“. Bitte ändern Sie die Seite und reichen Sie sie erneut ein."
            )
            % values
        )
    else:
        text = (
            _(
                "Änderungen erbeten von %(name)s am %(date)s (Schritt „%(step)s“). Bitte ändern "
                "Sie die Seite und reichen Sie sie erneut ein."
            )
            % values
        )
    messages.warning(request, text)
