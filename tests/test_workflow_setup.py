"""Each member's workflow is created by provisioning and stays editable by LAG staff: the member's
own step comes and goes with the member's setting, steps the LAG added survive re-provisioning,
and the LAG's approval is always last."""

import pytest
from django.urls import reverse
from wagtail.models import GroupApprovalTask, WorkflowTask

from microsites.provisioning import LAG_TASK_NAME, lag_staff_group, provision_member

from .fixtures_editorial import *  # noqa: F403

# Re-provisioning is the subject: the network and members are built inside each test.
pytestmark = [pytest.mark.fresh_provisioning, pytest.mark.engine_sensitive]


def steps(member):
    member.workflow.refresh_from_db()
    return [task.name for task in member.workflow.tasks]


def test_provisioning_creates_the_lag_step_and_the_optional_member_step(member, approving_member):
    assert steps(member) == [LAG_TASK_NAME]
    assert steps(approving_member) == [
        "Freigabe im Verein: Queeres Leipzig",
        LAG_TASK_NAME,
    ]


def test_a_step_added_by_lag_staff_survives_reprovisioning(member):
    legal_check = GroupApprovalTask.objects.create(name="Rechtliche Prüfung")
    legal_check.groups.add(lag_staff_group())
    workflow = member.workflow
    workflow.workflow_tasks.all().delete()
    lag_task = GroupApprovalTask.objects.get(name=LAG_TASK_NAME)
    for order, task in enumerate([legal_check, lag_task]):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)

    report = provision_member(member)
    assert steps(member) == ["Rechtliche Prüfung", LAG_TASK_NAME]
    assert report.is_noop

    member.requires_member_approval = True
    provision_member(member)
    assert steps(member) == [
        "Freigabe im Verein: Queer im Vogtland",
        "Rechtliche Prüfung",
        LAG_TASK_NAME,
    ]
    member.requires_member_approval = False
    provision_member(member)
    assert steps(member) == ["Rechtliche Prüfung", LAG_TASK_NAME]


def test_the_lag_step_is_put_back_at_the_end(member):
    workflow = member.workflow
    workflow.workflow_tasks.all().delete()
    provision_member(member)
    assert steps(member) == [LAG_TASK_NAME]


def test_lag_staff_can_open_the_members_workflow_in_the_workflow_editor(member, lag_staff, session):
    response = session(lag_staff).get(
        reverse("wagtailadmin_workflows:edit", args=[member.workflow.pk])
    )
    assert response.status_code == 200
    assert LAG_TASK_NAME in response.content.decode()


def test_member_roles_cannot_edit_workflows(member, member_editor, member_approver, session):
    for user in (member_editor, member_approver):
        response = session(user).get(
            reverse("wagtailadmin_workflows:edit", args=[member.workflow.pk])
        )
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")
