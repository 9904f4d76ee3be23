"""Every path an offer takes, through the admin's own forms and buttons: create, submit,
approve (with and without comment) at the member's step and the LAG's, request changes, edit and
resubmit, cancel, edit while in review, translate and submit the translation, unpublish and
delete – with the inbox rows, dashboard panels and e-mails of each step, and the public
directory at the end.

Forms are rendered, filled only where they show a field, and sent with the button the person
presses (``tests/admin_forms.py``)."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Revision, TaskState, WorkflowState

from directory.models import Offer

from .admin_forms import FormError, open_form
from .factories import make_member, make_user
from .test_directory import PLAUEN, make_offer

URL = "wagtailsnippets_directory_offer"
INBOX = "/admin/redaktion/freigaben/"
NAME = "Beratung für trans* Jugendliche"

FIELDS = {
    "name": NAME,
    "kind": "beratung",
    "district": PLAUEN,
    "description": "Vertraulich und kostenlos.",
    "target_groups": ["trans", "jugend"],
    "postcode": "08523",
    "town": "Plauen",
    "street": "Bahnhofstraße 1",
    "phone": "03741 12345",
    "languages": ["de"],
}


@pytest.fixture
def world(network, member, member_editor, lag_staff):
    """Rosa Lausitz with its own approval step (editor and approver), Queer im Vogtland without
    (``member``), the LAG."""
    rosa = make_member(
        "rosa-lausitz",
        name="Rosa Lausitz e. V.",
        short_name="Rosa Lausitz",
        district="14625",
        town="Bautzen",
        requires_member_approval=True,
    )
    return {
        "rosa": rosa,
        "editor": make_user("rosa-redaktion", rosa.editors_group, first_name="Rosa"),
        "approver": make_user("rosa-freigabe", rosa.approvers_group, first_name="Fritzi"),
        "vogtland": member,
        "vogtland_editor": member_editor,
        "lag": lag_staff,
    }


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def signed_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def add_url():
    return reverse(f"{URL}:add")


def edit_url(offer):
    return reverse(f"{URL}:edit", args=[offer.pk])


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def create_offer(user, commit, button="action-submit", **changes):
    """As ``user``: open the add form, fill what it shows, press ``button``."""
    client = signed_in(user)
    form = open_form(client, add_url())
    form.fill(**{**FIELDS, **changes})
    with commit():
        response = form.press(button) if button else form.submit()
    assert response.status_code == 302, response.content.decode()[:2000]
    return Offer.objects.get(name=changes.get("name", NAME))


def decide(user, offer, action, commit, comment=None, **changes):
    """As ``user``: open the offer's editor, optionally change fields, and press a review
    action of the action menu (with its comment dialog when a comment is given)."""
    client = signed_in(user)
    form = open_form(client, edit_url(offer))
    form.fill(**changes)
    with commit():
        response = form.workflow_action(action, comment=comment)
    assert response.status_code == 302, response.content.decode()[:2000]
    offer.refresh_from_db()
    return response


def press(user, offer, button, commit, **changes):
    client = signed_in(user)
    form = open_form(client, edit_url(offer))
    form.fill(**changes)
    with commit():
        response = form.press(button)
    offer.refresh_from_db()
    return response


def state_of(offer):
    return WorkflowState.objects.for_instance(offer).order_by("-created_at").first()


def current_step(offer):
    state = state_of(offer)
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    return state.current_task_state.task.name


def inbox_rows(user, **filters):
    response = signed_in(user).get(INBOX, filters)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(row.get_text(" ").split()) for row in soup.select("tr[data-inbox-entry]")]


def dashboard(user):
    response = signed_in(user).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def panel_text(user, panel_id):
    section = dashboard(user).select_one(f"#{panel_id}-section") or dashboard(user).select_one(
        f"#{panel_id}"
    )
    return " ".join(section.get_text(" ").split()) if section else ""


def public_directory(host="rosa-lausitz.localhost", path="/angebote/"):
    return Client(HTTP_HOST=host).get(path).content.decode()


def steps(world):
    rosa = world["rosa"]
    names = [task.name for task in rosa.workflow.tasks.all()]
    assert len(names) == 2, names
    return names


# --- Creating ---------------------------------------------------------------------------------


def test_a_member_editor_creates_an_offer_filling_only_what_the_form_shows(world, commit):
    form = open_form(signed_in(world["editor"]), add_url())
    # The member is preset and shown read-only: nothing to choose, nothing to forge.
    assert "member" not in form
    page = signed_in(world["editor"]).get(add_url()).content.decode()
    assert "Rosa Lausitz e. V." in page
    assert "/admin/snippets/choose/microsites/member/" not in page

    offer = create_offer(world["editor"], commit)
    assert offer.member == world["rosa"]
    assert not offer.live
    assert current_step(offer) == steps(world)[0]


def test_an_editor_of_two_members_chooses_one_of_their_own(world, commit):
    editor = world["editor"]
    editor.groups.add(world["vogtland"].editors_group)
    form = open_form(signed_in(editor), add_url())
    offered = set(form.options["member"]) - {""}
    assert offered == {str(world["rosa"].pk), str(world["vogtland"].pk)}
    offer = create_offer(editor, commit, button=None, member=world["vogtland"].pk)
    assert offer.member == world["vogtland"]
    assert not offer.live


def test_lag_staff_choose_the_member_in_a_select_they_can_open(world, commit):
    form = open_form(signed_in(world["lag"]), add_url())
    assert {str(world["rosa"].pk), str(world["vogtland"].pk)} <= set(form.options["member"])
    offer = create_offer(world["lag"], commit, button="action-publish", member=world["rosa"].pk)
    assert offer.member == world["rosa"] and offer.live


def test_the_member_field_of_an_existing_offer_is_read_only_for_member_roles(world, commit):
    offer = create_offer(world["editor"], commit, button=None)
    form = open_form(signed_in(world["editor"]), edit_url(offer))
    assert "member" not in form
    with pytest.raises(FormError):
        form.set("member", world["vogtland"].pk)


# --- Submit → member step → LAG → live --------------------------------------------------------


def test_submit_member_approval_lag_approval_live_exactly_once_each(world, commit):
    member_step, lag_step = steps(world)
    editor, approver, lag = world["editor"], world["approver"], world["lag"]

    mail.outbox.clear()
    offer = create_offer(editor, commit)
    # Submitted: the member's approvers hear of it, the LAG not yet; both inboxes list it.
    assert [m.subject for m in mails_to(approver)] == [
        f"Zur Freigabe: „{NAME}“ (Rosa Lausitz e. V.)"
    ]
    assert mails_to(lag) == []
    assert "/admin/snippets/directory/offer/edit/" in mails_to(approver)[0].body
    assert [row for row in inbox_rows(approver) if NAME in row]
    assert any(NAME in row and member_step in row for row in inbox_rows(lag))
    assert NAME in panel_text(approver, "editorial-inbox")
    assert NAME in panel_text(editor, "editorial-my-submissions")
    assert NAME not in public_directory()
    revisions = Revision.objects.for_instance(offer).count()

    # The member approver approves from the editor's action menu: once, on to the LAG.
    mail.outbox.clear()
    decide(approver, offer, "approve", commit)
    assert current_step(offer) == lag_step
    assert not offer.live
    assert Revision.objects.for_instance(offer).count() == revisions
    assert [m.subject for m in mails_to(lag)] == [f"Zur Freigabe: „{NAME}“ (Rosa Lausitz e. V.)"]
    assert len(mails_to(editor)) == 1  # step passed
    assert not [row for row in inbox_rows(approver) if NAME in row]
    assert any(NAME in row and lag_step in row for row in inbox_rows(lag))

    # The LAG approves: live, the workflow is finished, the editor is told where it is.
    mail.outbox.clear()
    decide(lag, offer, "approve", commit)
    assert offer.live
    state = state_of(offer)
    assert state.status == WorkflowState.STATUS_APPROVED
    approvals = TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_APPROVED)
    assert sorted(approvals.values_list("task__name", flat=True)) == sorted([member_step, lag_step])
    assert Revision.objects.for_instance(offer).count() == revisions
    assert len(mails_to(editor)) == 1
    assert "rosa-lausitz.localhost" in mails_to(editor)[0].body
    assert not [row for row in inbox_rows(lag) if NAME in row]
    assert NAME in public_directory()
    assert NAME in public_directory("localhost")


def test_a_member_without_own_step_goes_straight_to_the_lag(world, commit):
    editor, lag = world["vogtland_editor"], world["lag"]
    mail.outbox.clear()
    offer = create_offer(editor, commit)
    assert offer.member == world["vogtland"]
    assert current_step(offer) == "Freigabe durch die LAG"
    assert len(mails_to(lag)) == 1
    decide(lag, offer, "approve", commit)
    assert offer.live
    assert NAME in public_directory("queer-vogtland.localhost")


def test_approval_with_comment_reaches_the_editor(world, commit):
    offer = create_offer(world["editor"], commit)
    mail.outbox.clear()
    decide(world["approver"], offer, "approve", commit, comment="Passt, danke!")
    assert "Passt, danke!" in mails_to(world["editor"])[0].body
    mail.outbox.clear()
    decide(world["lag"], offer, "approve", commit, comment="Ist online.")
    assert offer.live
    assert "Ist online." in mails_to(world["editor"])[0].body


def test_a_reviewer_who_changes_the_offer_while_approving_starts_the_review_again(world, commit):
    member_step, _lag_step = steps(world)
    offer = create_offer(world["editor"], commit)
    decide(world["approver"], offer, "approve", commit)
    decide(world["lag"], offer, "approve", commit, name="Beratung (geändert von der LAG)")
    # The changed version has not been approved by the member yet.
    assert not offer.live
    assert current_step(offer) == member_step


# --- Request changes → edit → resubmit ---------------------------------------------------------


def test_changes_requested_by_the_lag_then_resubmitted_start_again_at_the_member_step(
    world, commit
):
    member_step, lag_step = steps(world)
    editor, approver, lag = world["editor"], world["approver"], world["lag"]
    offer = create_offer(editor, commit)
    decide(approver, offer, "approve", commit)

    mail.outbox.clear()
    decide(lag, offer, "reject", commit, comment="Bitte die Sprechzeiten ergänzen.")
    assert state_of(offer).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert "Bitte die Sprechzeiten ergänzen." in mails_to(editor)[0].body
    assert not [row for row in inbox_rows(lag) if NAME in row]
    panel = panel_text(editor, "editorial-my-submissions")
    assert "Änderungen erbeten" in panel and "Bitte die Sprechzeiten ergänzen." in panel

    form = open_form(signed_in(editor), edit_url(offer))
    workflow = world["rosa"].workflow.name
    assert ("action-submit", f"Erneut bei {workflow} einreichen") in form.buttons()
    mail.outbox.clear()
    press(editor, offer, "action-submit", commit, hours="Di 16–19 Uhr")
    assert current_step(offer) == member_step
    assert len(mails_to(approver)) == 1
    # The member approver can act on it, and then the LAG.
    decide(approver, offer, "approve", commit)
    assert current_step(offer) == lag_step
    decide(lag, offer, "approve", commit)
    assert offer.live and offer.hours == "Di 16–19 Uhr"
    assert "Di 16–19 Uhr" in public_directory()


def test_changes_requested_at_the_member_step_then_resubmitted(world, commit):
    member_step, _ = steps(world)
    offer = create_offer(world["editor"], commit)
    decide(world["approver"], offer, "reject", commit, comment="Bitte Telefonnummer prüfen.")
    assert "Bitte Telefonnummer prüfen." in mails_to(world["editor"])[-1].body
    press(world["editor"], offer, "action-submit", commit, phone="03741 54321")
    assert current_step(offer) == member_step
    decide(world["approver"], offer, "approve", commit)
    decide(world["lag"], offer, "approve", commit)
    assert offer.live and offer.phone == "03741 54321"


# --- Cancel, edit while in review ------------------------------------------------------------


def test_the_editor_cancels_the_review(world, commit):
    offer = create_offer(world["editor"], commit)
    form = open_form(signed_in(world["editor"]), edit_url(offer))
    with commit():
        response = form.press("action-cancel-workflow")
    # Wagtail cancels also when the form cannot be saved (the offer is locked while in review)
    # and then shows the editor again with its message.
    assert response.status_code in (200, 302)
    assert state_of(offer).status == WorkflowState.STATUS_CANCELLED
    assert not [row for row in inbox_rows(world["lag"]) if NAME in row]
    assert not offer.live


def test_editing_while_in_review_means_withdrawing_editing_and_resubmitting(world, commit):
    """While in review the offer is locked for its editor (Wagtail's workflow lock); the editor
    withdraws it from the review, edits and submits again – from the member's step."""
    member_step, lag_step = steps(world)
    offer = create_offer(world["editor"], commit)
    decide(world["approver"], offer, "approve", commit)
    assert current_step(offer) == lag_step
    form = open_form(signed_in(world["editor"]), edit_url(offer))
    assert [name for name, _value in form.buttons()] == ["action-cancel-workflow"]
    with commit():
        form.press("action-cancel-workflow")
    response = press(world["editor"], offer, "action-submit", commit, town="Bautzen")
    assert response.status_code == 302
    assert current_step(offer) == member_step
    decide(world["approver"], offer, "approve", commit)
    decide(world["lag"], offer, "approve", commit)
    assert offer.live and offer.town == "Bautzen"


def test_reviewers_may_edit_while_in_review(world, commit):
    """The person whose turn it is is not locked out: the LAG changes and approves; the changed
    version goes back to the member's step."""
    member_step, _lag_step = steps(world)
    offer = create_offer(world["editor"], commit)
    decide(world["approver"], offer, "approve", commit)
    decide(world["lag"], offer, "approve", commit, hours="Mi 10–12 Uhr")
    assert current_step(offer) == member_step
    decide(world["approver"], offer, "approve", commit)
    decide(world["lag"], offer, "approve", commit)
    assert offer.live and offer.hours == "Mi 10–12 Uhr"


# --- Changes to a live offer -------------------------------------------------------------------


def test_changes_to_a_live_offer_reach_readers_only_after_both_approvals(world, commit):
    offer = make_offer(world["rosa"], "Stammtisch Bautzen")
    press(world["editor"], offer, "action-submit", commit, name="Stammtisch Bautzen (neu)")
    assert "Stammtisch Bautzen (neu)" not in public_directory()
    assert "Stammtisch Bautzen" in public_directory()
    decide(world["approver"], offer, "approve", commit)
    assert "Stammtisch Bautzen (neu)" not in public_directory()
    decide(world["lag"], offer, "approve", commit)
    assert "Stammtisch Bautzen (neu)" in public_directory()


# --- Translation -----------------------------------------------------------------------------


def test_a_translation_is_submitted_and_approved_like_the_original(world, commit):
    offer = make_offer(world["rosa"], "Beratung Bautzen")
    editor = signed_in(world["editor"])
    english = Locale.objects.get(language_code="en")
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["directory", "offer", offer.pk]
    )
    form = open_form(editor, url)
    form.set("locales", [english.pk])
    response = form.submit()
    assert response.status_code == 302
    translation = Offer.objects.get(translation_key=offer.translation_key, locale=english)
    assert not translation.live

    mail.outbox.clear()
    press(world["editor"], translation, "action-submit", commit, name="Counselling Bautzen")
    assert len(mails_to(world["approver"])) == 1
    assert any("Counselling Bautzen" in row for row in inbox_rows(world["approver"]))
    # The language filter of the inbox finds it.
    assert any(
        "Counselling Bautzen" in row for row in inbox_rows(world["lag"], language=english.pk)
    )
    decide(world["approver"], translation, "approve", commit)
    decide(world["lag"], translation, "approve", commit)
    assert translation.live
    body = public_directory(path="/en/offers/")
    assert "Counselling Bautzen" in body


# --- Unpublish and delete ---------------------------------------------------------------------


def test_member_roles_cannot_delete_a_live_offer_and_are_told_why(world, commit):
    offer = make_offer(world["rosa"], "Beratung Bautzen")
    for person in ("editor", "approver"):
        client = signed_in(world[person])
        edit_page = client.get(edit_url(offer)).content.decode()
        assert reverse(f"{URL}:delete", args=[offer.pk]) not in edit_page
        response = client.post(reverse(f"{URL}:delete", args=[offer.pk]), follow=True)
        assert "LAG-Redaktion" in response.content.decode()
        assert Offer.objects.filter(pk=offer.pk, live=True).exists()
    assert "Beratung Bautzen" in public_directory()


def test_member_roles_cannot_unpublish_a_live_offer(world, commit):
    offer = make_offer(world["rosa"], "Beratung Bautzen")
    client = signed_in(world["editor"])
    assert (
        reverse(f"{URL}:unpublish", args=[offer.pk])
        not in client.get(edit_url(offer)).content.decode()
    )
    client.post(reverse(f"{URL}:unpublish", args=[offer.pk]))
    offer.refresh_from_db()
    assert offer.live


def test_member_editors_delete_their_drafts(world, commit):
    offer = create_offer(world["editor"], commit, button=None)
    client = signed_in(world["editor"])
    form = open_form(client, reverse(f"{URL}:delete", args=[offer.pk]))
    response = form.submit()
    assert response.status_code == 302
    assert not Offer.objects.filter(pk=offer.pk).exists()


def test_lag_unpublishes_and_deletes_a_live_offer(world, commit):
    offer = make_offer(world["rosa"], "Beratung Bautzen")
    client = signed_in(world["lag"])
    form = open_form(client, reverse(f"{URL}:unpublish", args=[offer.pk]))
    assert form.submit().status_code == 302
    offer.refresh_from_db()
    assert not offer.live
    assert "Beratung Bautzen" not in public_directory()
    form = open_form(client, reverse(f"{URL}:delete", args=[offer.pk]))
    assert form.submit().status_code == 302
    assert not Offer.objects.filter(pk=offer.pk).exists()


# --- The listing ------------------------------------------------------------------------------


def test_the_offer_list_shows_each_offers_status(world, commit):
    make_offer(world["rosa"], "Veröffentlichtes Angebot")
    make_offer(world["rosa"], "Entwurf ohne Freigabe", publish=False)
    create_offer(world["editor"], commit, name="Angebot in Freigabe")
    offer = create_offer(world["editor"], commit, name="Angebot mit Anmerkungen")
    decide(world["approver"], offer, "reject", commit, comment="Bitte ergänzen.")
    response = signed_in(world["editor"]).get(reverse(f"{URL}:list"))
    soup = BeautifulSoup(response.content, "html.parser")
    rows = [" ".join(row.get_text(" ").split()) for row in soup.select("tbody tr")]
    head = soup.select_one("thead").get_text()
    assert "Status" in head and "Sprache" in head and "Locale" not in head
    for name, status in [
        ("Veröffentlichtes Angebot", "veröffentlicht"),
        ("Entwurf ohne Freigabe", "Entwurf"),
        ("Angebot in Freigabe", "Entwurf · in Freigabe"),
        ("Angebot mit Anmerkungen", "Entwurf · Änderungen erbeten"),
    ]:
        matching = [row for row in rows if name in row]
        assert matching and status in matching[0], (name, rows)


def test_the_inbox_filters_by_member_and_content_type(world, commit):
    from django.contrib.contenttypes.models import ContentType

    create_offer(world["editor"], commit)
    offer_type = ContentType.objects.get_for_model(Offer)
    form = open_form(signed_in(world["lag"]), INBOX, selector="form[method=get]")
    assert str(offer_type.pk) in form.options["content_type"]
    assert any(NAME in row for row in inbox_rows(world["lag"], content_type=offer_type.pk))
    assert any(NAME in row for row in inbox_rows(world["lag"], member=world["rosa"].pk))
    assert not any(NAME in row for row in inbox_rows(world["lag"], member=world["vogtland"].pk))


def test_a_workflow_snippet_without_the_reviewed_editor_fails_the_system_check(monkeypatch):
    from wagtail.snippets.views.snippets import EditView

    from editorial.checks import snippets_in_the_workflow_use_the_reviewed_editor as check

    assert check(None) == []
    monkeypatch.setattr(Offer.snippet_viewset, "edit_view_class", EditView)
    assert [error.id for error in check(None)] == ["editorial.E005"]
