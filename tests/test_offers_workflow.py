"""Offers pass their member's workflow: member roles never publish, the LAG approves last, and
everything goes through the real snippet views."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState

from directory.models import Offer
from microsites.provisioning import lag_staff_group

from .factories import make_member, make_user
from .test_directory import PLAUEN, make_offer

URL = "wagtailsnippets_directory_offer"


def form_data(member, **changes):
    """The fields the offer form shows a member editor (the member is preset, not shown)."""
    data = {
        "name": "Beratung im Vogtland",
        "kind": "beratung",
        "district": PLAUEN,
        "description": "Vertraulich und kostenlos.",
        "target_groups": ["trans", "jugend"],
        "postcode": "08523",
        "town": "Plauen",
        "street": "Bahnhofstraße 1",
        "latitude": "",
        "longitude": "",
        "hours": "Di 16–19 Uhr",
        # The opening hours rows as the create form renders them: none yet.
        "opening_hours-TOTAL_FORMS": "0",
        "opening_hours-INITIAL_FORMS": "0",
        "opening_hours-MIN_NUM_FORMS": "0",
        "opening_hours-MAX_NUM_FORMS": "1000",
        "phone": "03741 12345",
        "email": "",
        "website": "",
        "languages": ["de"],
    }
    data.update(changes)
    return data


def signed_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def approving_member(network):
    return make_member(
        "queer-vogtland",
        name="Queer im Vogtland e. V.",
        short_name="Queer im Vogtland",
        requires_member_approval=True,
    )


@pytest.fixture
def people(approving_member):
    return {
        "editor": make_user("redaktion", approving_member.editors_group),
        "approver": make_user("freigabe", approving_member.approvers_group),
        "lag": make_user("lag", lag_staff_group()),
    }


def test_member_roles_may_edit_offers_but_never_publish_them(approving_member, network):
    for group in (approving_member.editors_group, approving_member.approvers_group):
        codenames = set(
            group.permissions.filter(content_type__app_label="directory").values_list(
                "codename", flat=True
            )
        )
        assert {"add_offer", "change_offer", "delete_offer", "view_offer"} <= codenames
        assert "publish_offer" not in codenames
    assert lag_staff_group().permissions.filter(codename="publish_offer").exists()
    assert Permission.objects.filter(codename="publish_offer").exists()


def test_an_editor_creates_a_draft_even_when_asking_to_publish(approving_member, people):
    client = signed_in(people["editor"])
    response = client.post(
        reverse(f"{URL}:add"), {**form_data(approving_member), "action-publish": "1"}
    )
    assert response.status_code in (200, 302)
    offer = Offer.objects.get(name="Beratung im Vogtland")
    assert offer.member == approving_member
    assert not offer.live
    assert offer.target_groups == ["trans", "jugend"]
    assert not client.get("/angebote/").content.decode().count("Beratung im Vogtland")


def test_the_form_explains_coordinates_outside_saxony(approving_member, people):
    client = signed_in(people["editor"])
    response = client.post(
        reverse(f"{URL}:add"),
        form_data(approving_member, latitude="48.1", longitude="11.5"),
    )
    assert response.status_code == 200
    assert "nicht in Sachsen" in response.content.decode()
    assert not Offer.objects.exists()


def test_submit_member_approval_lag_approval_makes_the_offer_live(approving_member, people, client):
    offer = make_offer(approving_member, "Neues Angebot", publish=False)
    editor = signed_in(people["editor"])
    response = editor.post(
        reverse(f"{URL}:edit", args=[offer.pk]),
        {**form_data(approving_member, name="Neues Angebot"), "action-submit": "1"},
    )
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(offer).get()
    assert state.workflow == approving_member.workflow
    assert state.status == WorkflowState.STATUS_IN_PROGRESS

    # The editor cannot take the member's step, let alone the LAG's.
    task_state = state.current_task_state
    editor.post(reverse(f"{URL}:workflow_action", args=[offer.pk, "approve", task_state.pk]))
    task_state.refresh_from_db()
    assert task_state.status == task_state.STATUS_IN_PROGRESS

    approver = signed_in(people["approver"])
    approver.post(reverse(f"{URL}:workflow_action", args=[offer.pk, "approve", task_state.pk]))
    state.refresh_from_db()
    assert state.current_task_state.task.specific.name == "Freigabe durch die LAG"
    offer.refresh_from_db()
    assert not offer.live
    assert "Neues Angebot" not in client.get("/angebote/").content.decode()

    # The member approver cannot take the LAG's step either.
    lag_step = state.current_task_state
    approver.post(reverse(f"{URL}:workflow_action", args=[offer.pk, "approve", lag_step.pk]))
    offer.refresh_from_db()
    assert not offer.live

    lag = signed_in(people["lag"])
    lag.post(reverse(f"{URL}:workflow_action", args=[offer.pk, "approve", lag_step.pk]))
    offer.refresh_from_db()
    assert offer.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert "Neues Angebot" in client.get("/angebote/").content.decode()


def test_changes_to_a_live_offer_wait_for_approval(approving_member, people, client):
    offer = make_offer(approving_member, "Altes Angebot")
    editor = signed_in(people["editor"])
    editor.post(
        reverse(f"{URL}:edit", args=[offer.pk]),
        {**form_data(approving_member, name="Geänderter Name"), "action-publish": "1"},
    )
    offer.refresh_from_db()
    assert offer.name == "Altes Angebot" and offer.live
    body = client.get("/angebote/").content.decode()
    assert "Altes Angebot" in body and "Geänderter Name" not in body


def test_snippets_offer_no_bulk_publishing(approving_member, people):
    offer = make_offer(approving_member, "Entwurf", publish=False)
    editor = signed_in(people["editor"])
    url = reverse("wagtail_bulk_action", args=["directory", "offer", "publish"])
    response = editor.post(f"{url}?id={offer.pk}")
    assert response.status_code == 404
    offer.refresh_from_db()
    assert not offer.live


def test_an_editor_cannot_create_offers_for_another_member(approving_member, people, network):
    other = make_member("rosa-lausitz", name="Rosa Lausitz e. V.", short_name="Rosa Lausitz")
    client = signed_in(people["editor"])
    # The member field is read-only for them: a forged value is ignored.
    client.post(reverse(f"{URL}:add"), {**form_data(other), "member": str(other.pk)})
    assert not Offer.objects.filter(member=other).exists()
    assert Offer.objects.get(name="Beratung im Vogtland").member == approving_member


def test_translating_a_live_offer_creates_a_draft_that_readers_do_not_see(
    approving_member, people, client
):
    from wagtail.models import Locale

    offer = make_offer(approving_member, "Beratung Plauen")
    editor = signed_in(people["editor"])
    english = Locale.objects.get(language_code="en")
    response = editor.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["directory", "offer", offer.pk],
        ),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    translation = Offer.objects.get(translation_key=offer.translation_key, locale=english)
    assert translation.member == approving_member
    assert not translation.live
    # The English directory keeps showing the German original until the translation passes
    # the member's workflow.
    body = client.get("/en/offers/").content.decode()
    assert body.count('<article class="offer"') == 1
    assert re.search(r'<article class="offer" id="angebot-\d+" lang="de">', body)
    assert translation.get_workflow() == approving_member.workflow

    # Translated and submitted, it passes both steps and then replaces the original.
    editor.post(
        reverse(f"{URL}:edit", args=[translation.pk]),
        {
            **form_data(approving_member, name="Counselling Plauen"),
            "action-submit": "1",
        },
    )
    translation.refresh_from_db()
    assert not translation.live
    for person in ("approver", "lag"):
        task_state = WorkflowState.objects.for_instance(translation).get().current_task_state
        signed_in(people[person]).post(
            reverse(f"{URL}:workflow_action", args=[translation.pk, "approve", task_state.pk])
        )
    translation.refresh_from_db()
    assert translation.live and translation.name == "Counselling Plauen"
    body = client.get("/en/offers/").content.decode()
    assert "Counselling Plauen" in body and "Beratung Plauen" not in body


def test_a_new_offer_can_be_submitted_from_the_create_form(approving_member, people):
    editor = signed_in(people["editor"])
    page = editor.get(reverse(f"{URL}:add")).content.decode()
    assert f"Bei {approving_member.workflow.name} einreichen" in page
    response = editor.post(
        reverse(f"{URL}:add"), {**form_data(approving_member), "action-submit": "1"}
    )
    assert response.status_code == 302
    offer = Offer.objects.get(name="Beratung im Vogtland")
    assert not offer.live
    state = WorkflowState.objects.for_instance(offer).get()
    assert state.workflow == approving_member.workflow
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_staff_create_offers_without_the_member_submit_button(approving_member, people):
    lag = signed_in(people["lag"])
    page = lag.get(reverse(f"{URL}:add")).content.decode()
    assert f"Bei {approving_member.workflow.name} einreichen" not in page
    assert "Veröffentlichen" in page or "Publish" in page
