"""Member content goes live only through the member's workflow, driven through the real admin views
as the real roles: member editor, member approver, LAG staff."""

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from microsites.provisioning import LAG_TASK_NAME, member_homes

from .factories import make_news
from .fixtures_editorial import *  # noqa: F403
from .fixtures_editorial import refused


def waiting_step(page):
    state = Page.objects.get(pk=page.pk).specific.current_workflow_task_state
    return state.task.name if state else None


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def test_member_editor_submits_and_lag_approval_makes_the_page_live(
    member, member_editor, lag_staff, session, news_index, host_client
):
    editor = session(member_editor)
    page, response = editor.add_news(news_index(member), title="Sommerfest", action="submit")
    assert response.status_code == 302
    assert not is_live(page)
    assert waiting_step(page) == LAG_TASK_NAME
    assert host_client(member.hostname).get(f"/aktuelles/{page.slug}/").status_code == 404

    response = session(lag_staff).decide(page, "approve")
    assert response.status_code == 302
    assert is_live(page)
    assert host_client(member.hostname).get(f"/aktuelles/{page.slug}/").status_code == 200
    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.requested_by == member_editor


def test_member_step_comes_before_the_lag_when_the_member_wants_one(
    approving_member, approving_member_editor, member_approver, lag_staff, session, news_index
):
    page, _response = session(approving_member_editor).add_news(
        news_index(approving_member), title="Vorstandswahl"
    )
    assert waiting_step(page).startswith("Freigabe im Verein")

    # The LAG cannot decide a member's own step ...
    assert refused(session(lag_staff).decide(page, "approve"))
    assert waiting_step(page).startswith("Freigabe im Verein")

    # ... the member's approvers can, and then it is the LAG's turn.
    session(member_approver).decide(page, "approve")
    assert waiting_step(page) == LAG_TASK_NAME
    assert not is_live(page)
    assert refused(session(member_approver).decide(page, "approve"))

    session(lag_staff).decide(page, "approve")
    assert is_live(page)


def test_request_for_changes_keeps_the_comment_and_resubmission_returns_to_the_same_step(
    member, member_editor, lag_staff, session, news_index
):
    editor = session(member_editor)
    page, _response = editor.add_news(news_index(member), title="Demo am Samstag")
    session(lag_staff).decide(page, "reject", "Bitte nennt den Treffpunkt.")

    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.get(workflow_state=state, status=TaskState.STATUS_REJECTED)
    assert rejected.comment == "Bitte nennt den Treffpunkt."
    assert not is_live(page)

    editor.edit(page, teaser="Treffpunkt: Altmarkt, 14 Uhr.", action="submit")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert waiting_step(page) == LAG_TASK_NAME

    session(lag_staff).decide(page, "approve")
    live = Page.objects.get(pk=page.pk).specific
    assert live.live
    assert live.teaser == "Treffpunkt: Altmarkt, 14 Uhr."


def test_lag_staff_can_approve_with_a_comment_from_the_editor(
    member, member_editor, lag_staff, session, news_index
):
    page, _response = session(member_editor).add_news(news_index(member), title="Neue Gruppe")
    session(lag_staff).decide(page, "approve", "Schön geschrieben!", via="editor")
    assert is_live(page)
    approved = TaskState.objects.filter(status=TaskState.STATUS_APPROVED).get()
    assert approved.comment == "Schön geschrieben!"
    assert approved.finished_by == lag_staff


@pytest.mark.parametrize("role", ["approving_member_editor", "member_approver"])
def test_member_roles_find_no_publish_action_in_the_editor(
    role, approving_member, request, session, news_index
):
    user = request.getfixturevalue(role)
    page = make_news(news_index(approving_member), publish=False)[0]
    response = session(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html


def test_posting_publish_as_member_editor_only_saves_a_draft(
    member, member_editor, session, news_index
):
    page, _response = session(member_editor).add_news(
        news_index(member), title="Direkt raus", action="publish"
    )
    assert page is not None
    assert not is_live(page)
    assert not WorkflowState.objects.for_instance(page).exists()


def test_member_roles_cannot_publish_through_bulk_actions(
    member, member_editor, session, news_index
):
    index = news_index(member)
    page = make_news(index, publish=False)[0]
    editor = session(member_editor)
    listing = editor.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert listing.status_code == 200
    publish_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    unpublish_url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
    html = listing.content.decode()
    assert publish_url not in html
    assert unpublish_url not in html

    response = editor.post(f"{publish_url}?id={page.pk}", {"include_descendants": ""})
    assert not is_live(page)
    assert response.status_code in (200, 302, 403)


def test_lag_staff_still_see_the_bulk_publish_action(member, lag_staff, session, news_index):
    index = news_index(member)
    make_news(index, publish=False)
    listing = session(lag_staff).get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"]) in (
        listing.content.decode()
    )


def test_member_roles_cannot_publish_or_unpublish_through_the_admin_api(
    member, member_editor, session, news_index
):
    index = news_index(member)
    draft = make_news(index, publish=False)[0]
    live = make_news(index)[0]
    editor = session(member_editor)
    response = editor.post(f"/admin/api/main/pages/{draft.pk}/action/publish/")
    assert response.status_code == 403
    assert not is_live(draft)
    response = editor.post(f"/admin/api/main/pages/{live.pk}/action/unpublish/")
    assert response.status_code == 403
    assert is_live(live)


def test_member_editor_cannot_unpublish_a_live_page(member, member_editor, session, news_index):
    page = make_news(news_index(member))[0]
    editor = session(member_editor)
    assert refused(editor.get(reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    editor.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert is_live(page)


def test_translated_home_page_carries_the_same_workflow(member):
    homes = member_homes(member)
    assert homes["de"].get_workflow() == member.workflow
    assert homes["en"].get_workflow() == member.workflow
