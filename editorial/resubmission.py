"""A resubmission after "changes requested" starts the workflow again at its first step.

Wagtail resumes a workflow at the step that asked for changes. With
``WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT`` every step must approve the changed revision, so
after the LAG's approval Wagtail went back to the member's own step, and the member approver's
approval then finished the workflow and tried to publish as someone who may not publish: the page
was stuck. Here the changed page goes through every step in order again – the member approver
sees the changes first, the LAG decides last and publishes.

The editor's "Erneut einreichen" posts Wagtail's ``action-submit``. ``before_edit_page`` (see
``wagtail_hooks``) calls ``prepare_resubmission``: once the submitted form is valid, the run that
waits for changes is closed, and Wagtail's submit action starts the page's workflow afresh.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.models import WorkflowState

from .templatetags.editorial_tags import step_name


def needs_changes_state(page):
    """The page's workflow run that waits for changes, or None."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        .select_related("workflow", "current_task_state__task")
        .first()
    )


def first_step(workflow):
    return (
        workflow.workflow_tasks.filter(task__active=True)
        .select_related("task")
        .order_by("sort_order")
        .first()
    )


def restarts(workflow_state):
    """Whether resubmitting this run must start again at an earlier step than the one that
    asked for changes (Wagtail alone would resume at that later step)."""
    if workflow_state is None or workflow_state.current_task_state is None:
        return False
    first = first_step(workflow_state.workflow)
    return first is not None and first.task_id != workflow_state.current_task_state.task_id


def _submitted_form_is_valid(request, page):
    """Validate the posted edit form as Wagtail's edit view will, on a separate copy of the page
    (form validation writes into its instance)."""
    copy = page.specific_class.objects.get(pk=page.pk).get_latest_revision_as_object()
    form_class = copy.specific_class.get_edit_handler().get_form_class()
    form = form_class(
        request.POST,
        request.FILES,
        instance=copy,
        parent_page=copy.get_parent(),
        for_user=request.user,
    )
    return form.is_valid()


def prepare_resubmission(request, page):
    """Before Wagtail's submit action: close a run that waits for changes at a later step, so
    that the resubmission starts the workflow again from its first step. Does nothing for an
    invalid form (the editor sees the errors, the request for changes stays open)."""
    if request.method != "POST" or not request.POST.get("action-submit"):
        return
    state = needs_changes_state(page)
    if not restarts(state):
        return
    if not page.permissions_for_user(request.user).can_submit_for_moderation():
        return
    if not _submitted_form_is_valid(request, page):
        return
    state.cancel(user=request.user)


def cancel_for_locked_submitter(request, page):
    """ "Workflow abbrechen" for the person who submitted while the step locks the page for them.

    Wagtail offers the button to them but its edit view refuses every post from someone the page
    is locked for, so the submitter could never take back their submission. Here the run is
    cancelled without saving anything (they could not edit the locked form), and the editor is
    open again for changes and a new submission."""
    if request.method != "POST" or not request.POST.get("action-cancel-workflow"):
        return None
    state = page.current_workflow_state
    lock = page.get_lock()
    if state is None or lock is None or not lock.for_user(request.user):
        return None
    if not state.user_can_cancel(request.user):
        return None
    state.cancel(user=request.user)
    messages.success(
        request,
        gettext(
            "Die Freigabe von „%(title)s“ wurde abgebrochen. Sie können die Seite jetzt "
            "bearbeiten und erneut einreichen."
        )
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


class ResubmitMenuItem(ActionMenuItem):
    """Wagtail's submit button (same name, same view action) labelled with where the
    resubmission really goes: the workflow's first step."""

    name = "action-submit"
    icon_name = "resubmit"

    def __init__(self, step, order):
        super().__init__(order=order)
        self.label = _("Erneut zur Freigabe einreichen (ab „%(step)s“)") % {"step": step_name(step)}


def relabel_resubmission(menu_items, request, context):
    """In the editor's action menu: "Erneut einreichen" names the first step, and Wagtail's
    "Restart workflow" (the same thing here) is not offered beside it."""
    page = context.get("page")
    if page is None or not page.pk:
        return
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return
    menu_items[:] = [
        item for item in menu_items if getattr(item, "name", "") != "action-restart-workflow"
    ]
    if not restarts(state):
        return
    step = first_step(state.workflow).task
    for index, item in enumerate(menu_items):
        if getattr(item, "name", "") == "action-submit":
            menu_items[index] = ResubmitMenuItem(step, order=item.order)
