"""An offer's story in Chromium: the member editor of Rosa Lausitz enters a new offer (the member
is preset, nothing to choose) and submits it; the member's approver finds it in the inbox and
approves; the LAG finds it in the inbox and approves; the offer is live in the member's and the
umbrella's directory – each approval exactly once."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from directory.models import Offer
from microsites.provisioning import lag_staff_group

from ..factories import make_member, make_user
from .conftest import reader_without_http_cache
from .test_editorial_story import PASSWORD, decide, log_in, open_action_menu

NAME = "Queere Beratung Bautzen"
INBOX = "/admin/redaktion/freigaben/"


@pytest.fixture
def offer_world(live_network):
    rosa = make_member(
        "rosa-lausitz",
        name="Rosa Lausitz e. V.",
        short_name="Rosa Lausitz",
        district="14625",
        town="Bautzen",
        requires_member_approval=True,
    )
    live_network.rosa = rosa
    live_network.editor = make_user("rosa-lausitz", rosa.editors_group, password=PASSWORD)
    live_network.approver = make_user(
        "rosa-lausitz-freigabe", rosa.approvers_group, password=PASSWORD
    )
    live_network.lag = make_user("lag", lag_staff_group(), password=PASSWORD)
    live_network.sync_ports()
    return live_network


def open_offer_from_inbox(page, live, step):
    page.goto(live.url_for("localhost", INBOX))
    row = page.locator("tr[data-inbox-entry]", has_text=NAME)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Rosa Lausitz")
    expect(row).to_contain_text(step)
    row.get_by_role("link", name="Prüfen und entscheiden").click()
    expect(page.locator("form[data-edit-form]")).to_be_visible()


def step_of(offer):
    state = WorkflowState.objects.for_instance(offer).get()
    if state.status != WorkflowState.STATUS_IN_PROGRESS:
        return state.status
    return state.current_task_state.task.name


def test_an_offer_from_the_member_editor_through_both_approvals_to_the_directory(
    offer_world, browser
):
    live = offer_world
    member_step, lag_step = [task.name for task in live.rosa.workflow.tasks.all()]

    # 1. The member editor enters the offer: the member is shown, not chosen.
    editor = log_in(browser, live, live.editor)
    editor.goto(live.url_for("localhost", "/admin/snippets/directory/offer/add/"))
    expect(editor.locator("form[data-edit-form]")).to_contain_text("Rosa Lausitz e. V.")
    expect(editor.locator("[data-chooser-url*='microsites/member']")).to_have_count(0)
    editor.fill("#id_name", NAME)
    editor.select_option("#id_kind", "beratung")
    editor.select_option("#id_district", "14625")
    editor.locator('input[name="target_groups"][value="trans"]').check()
    editor.fill("#id_town", "Bautzen")
    editor.fill("#id_phone", "03591 12345")
    editor.locator('input[name="languages"][value="de"]').check()
    # The form's own background requests (preview, checks) are done before it is sent.
    editor.wait_for_load_state("networkidle")
    open_action_menu(editor)
    editor.locator('button[name="action-submit"]').click()
    expect(editor.locator(".messages")).to_contain_text(NAME)
    offer = Offer.objects.get(name=NAME)
    assert offer.member == live.rosa and not offer.live
    assert step_of(offer) == member_step

    # 2. The member's approver approves from the inbox: on to the LAG, once.
    approver = log_in(browser, live, live.approver)
    open_offer_from_inbox(approver, live, member_step)
    decide(approver, "approve")
    assert step_of(offer) == lag_step
    offer.refresh_from_db()
    assert not offer.live

    visitor = reader_without_http_cache(browser)
    visitor.goto(live.url_for("rosa-lausitz.localhost", "/angebote/"))
    expect(visitor.locator("main")).not_to_contain_text(NAME)

    # 3. The LAG approves: live, the workflow finished.
    lag = log_in(browser, live, live.lag)
    open_offer_from_inbox(lag, live, lag_step)
    decide(lag, "approve")
    offer.refresh_from_db()
    assert offer.live
    assert step_of(offer) == WorkflowState.STATUS_APPROVED
    lag.goto(live.url_for("localhost", INBOX))
    expect(lag.locator("tr[data-inbox-entry]", has_text=NAME)).to_have_count(0)

    # 4. Readers find it on the member's site and in the network's directory.
    visitor.goto(live.url_for("rosa-lausitz.localhost", "/angebote/"))
    expect(visitor.locator("main")).to_contain_text(NAME)
    visitor.goto(live.url_for("localhost", "/angebote/"))
    expect(visitor.locator("main")).to_contain_text(NAME)
    assert visitor.context.cookies() == []

    # The editor's list shows the offer as live.
    editor.goto(live.url_for("localhost", "/admin/snippets/directory/offer/"))
    expect(editor.locator("tbody tr", has_text=NAME)).to_contain_text(re.compile("veröffentlicht"))
    for page in (visitor, editor, approver, lag):
        page.context.close()
