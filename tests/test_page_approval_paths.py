"""Every approval path of a member's page and its translation, driven through the admin's forms.

Each step loads the screen the person sees, reads the form (``tests/admin_form_pages.py``),
changes what the person changes and presses the button the form renders. Every path runs for a
member without its own approval step (``member``) and one with it (``approving_member``).
"""

import re
from dataclasses import dataclass

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, TaskState, WorkflowState

from microsites.provisioning import LAG_TASK_NAME

from .admin_form_pages import AdminForm, ButtonMissing
from .factories import make_news
from .fixtures_editorial import *  # noqa: F403
from .fixtures_editorial import mails_to


class Person:
    """Someone logged in to the admin, clicking through it."""

    def __init__(self, user):
        self.user = user
        self.client = Client(HTTP_HOST="localhost")
        self.client.force_login(user)

    def open(self, url):
        response = self.client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return response

    def editor(self, page):
        return AdminForm.from_response(
            self.open(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        )

    def editor_html(self, page):
        return self.open(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()

    def add_news(self, index, title, teaser="Ein kurzer Anreißer."):
        url = reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
        form = AdminForm.from_response(self.open(url), url=url)
        form.set("title", title).set("slug", slugify(title)).set("teaser", teaser)
        form.set_stream("body", ["Erster Absatz."])
        response = form.submit(self.client, name="action-submit")
        assert response.status_code == 302, response.content.decode()[:2000]
        return Page.objects.get(slug=slugify(title), locale__language_code="de").specific

    def change(self, page, button="action-submit", **fields):
        form = self.editor(page)
        for name, value in fields.items():
            form.set(name, value)
        response = form.submit(self.client, name=button)
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    def decide(self, page, action, comment=None):
        """Approve/request changes from the editor's menu, with the comment dialog."""
        response = self.editor(page).workflow_action(self.client, action, comment=comment)
        assert response.status_code == 302, response.content.decode()[:2000]
        return response

    def translate(self, page, language_code="en"):
        url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
        form = AdminForm.from_response(self.open(url), form_id=None, url=url)
        locale = Locale.objects.get(language_code=language_code)
        form.fields = [(n, v) for n, v in form.fields if n != "locales"]
        form.fields.append(("locales", str(locale.pk)))
        response = form.submit(self.client)
        assert response.status_code == 302, response.content.decode()[:2000]
        return Page.objects.get(translation_key=page.translation_key, locale=locale).specific


def slugify(title):
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def step(page):
    page = Page.objects.get(pk=page.pk)
    task = page.current_workflow_task
    return task.name if task else None


def is_live(page):
    return Page.objects.get(pk=page.pk).live


@dataclass
class World:
    member: object
    editor: Person
    approver: Person | None
    lag: Person
    index: Page

    def approve_all(self, page):
        """Every step approves, in order, each through its own editor screen."""
        if self.approver is not None:
            assert step(page).startswith("Freigabe im Verein")
            self.approver.decide(page, "approve")
        assert step(page) == LAG_TASK_NAME
        self.lag.decide(page, "approve")
        assert is_live(page)


@pytest.fixture(params=["ohne Vereinsfreigabe", "mit Vereinsfreigabe"])
def world(request, news_index, lag_staff):
    if request.param == "mit Vereinsfreigabe":
        member = request.getfixturevalue("approving_member")
        editor = request.getfixturevalue("approving_member_editor")
        approver = Person(request.getfixturevalue("member_approver"))
    else:
        member = request.getfixturevalue("member")
        editor = request.getfixturevalue("member_editor")
        approver = None
    return World(member, Person(editor), approver, Person(lag_staff), news_index(member))


def public(world, page):
    page = Page.objects.get(pk=page.pk).specific
    prefix = "/en" if page.locale.language_code == "en" else ""
    client = Client(HTTP_HOST=world.member.hostname)
    return client.get(f"{prefix}/{page.get_parent().slug}/{page.slug}/")


# --- submit and approve ---------------------------------------------------------------------


def test_submitted_page_goes_live_after_every_step_approved(world):
    page = world.editor.add_news(world.index, "Sommerfest im Park")
    assert not is_live(page)
    assert public(world, page).status_code == 404
    world.approve_all(page)
    assert public(world, page).status_code == 200


def test_final_approval_tells_the_approver_the_page_is_live_with_a_link(world):
    page = world.editor.add_news(world.index, "Lesung am Freitag")
    if world.approver:
        world.approver.decide(page, "approve")
    response = world.lag.decide(page, "approve")
    followed = world.lag.client.get(response.url)
    html = followed.content.decode()
    messages = re.findall(r'<li class="success">(.*?)</li>', html, re.S)
    assert any("jetzt veröffentlicht" in message for message in messages), messages
    assert Page.objects.get(pk=page.pk).specific.get_full_url() in html


def test_approval_with_a_comment_keeps_the_comment(world):
    page = world.editor.add_news(world.index, "Neue Gruppe")
    if world.approver:
        world.approver.decide(page, "approve", comment="Passt für uns.")
    world.lag.decide(page, "approve", comment="Schön geschrieben!")
    assert is_live(page)
    comments = set(
        TaskState.objects.filter(status=TaskState.STATUS_APPROVED).values_list("comment", flat=True)
    )
    assert "Schön geschrieben!" in comments


# --- request changes, edit, resubmit ---------------------------------------------------------


def test_request_changes_then_resubmit_starts_at_the_first_step_and_ends_live(
    world, django_capture_on_commit_callbacks
):
    page = world.editor.add_news(world.index, "Demo am Samstag")
    if world.approver:
        world.approver.decide(page, "approve")
    world.lag.decide(page, "reject", comment="Bitte nennen Sie den Treffpunkt.")
    assert WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_NEEDS_CHANGES)

    # The editor sees the comment when opening the page.
    html = world.editor.editor_html(page)
    assert "Bitte nennen Sie den Treffpunkt." in html
    form = world.editor.editor(page)
    resubmit = form.button(name="action-submit")
    first = "Freigabe im Verein" if world.approver else "Freigabe durch die LAG"
    assert first in resubmit.label
    assert not form.has_button(name="action-restart-workflow")

    form.set("teaser", "Treffpunkt: Altmarkt, 14 Uhr.")
    response = form.submit(world.editor.client, resubmit)
    assert response.status_code == 302
    assert not is_live(page)

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        world.approve_all(page)
    live = Page.objects.get(pk=page.pk).specific
    assert live.teaser == "Treffpunkt: Altmarkt, 14 Uhr."
    assert public(world, page).status_code == 200
    if world.approver:
        # The step mail names the step that passed, in subject and body alike.
        step_mail = mails_to(world.editor.user)[0]
        assert "Freigabe im Verein" in step_mail.subject
        assert "Freigabe im Verein" in step_mail.body


def test_changes_requested_at_the_member_step_resubmit_to_the_member_step(
    approving_member, approving_member_editor, member_approver, lag_staff, news_index
):
    world = World(
        approving_member,
        Person(approving_member_editor),
        Person(member_approver),
        Person(lag_staff),
        news_index(approving_member),
    )
    page = world.editor.add_news(world.index, "Stammtisch im Mai")
    world.approver.decide(page, "reject", comment="Bitte mit Uhrzeit.")
    world.editor.change(page, teaser="Ab 19 Uhr.")
    world.approve_all(page)


def test_an_invalid_resubmission_keeps_the_request_for_changes(world):
    page = world.editor.add_news(world.index, "Filmabend")
    if world.approver:
        world.approver.decide(page, "approve")
    world.lag.decide(page, "reject", comment="Zu kurz.")
    form = world.editor.editor(page).set("title", "")
    response = form.submit(world.editor.client, name="action-submit")
    assert response.status_code == 200
    assert WorkflowState.objects.for_instance(page).get(status=WorkflowState.STATUS_NEEDS_CHANGES)


# --- cancel, edit while in review ------------------------------------------------------------


def test_the_editor_can_cancel_the_review_and_submit_again(world):
    page = world.editor.add_news(world.index, "Beratung")
    world.editor.change(page, button="action-cancel-workflow")
    assert step(page) is None
    assert not WorkflowState.objects.for_instance(page).active().exists()
    world.editor.change(page, teaser="Neuer Anreißer.")
    world.approve_all(page)


def test_a_page_in_review_is_locked_for_its_editor_and_says_so(world):
    page = world.editor.add_news(world.index, "Ausstellung")
    form = world.editor.editor(page)
    assert not form.has_button(name="action-submit")
    with pytest.raises(ButtonMissing):
        form.button(name="action-publish")


def test_the_reviewer_whose_turn_it_is_can_edit_and_approve(world):
    page = world.editor.add_news(world.index, "Tippfehler")
    reviewer = world.approver or world.lag
    form = reviewer.editor(page)
    form.set("teaser", "Ohne Tippfehler.")
    response = form.workflow_action(reviewer.client, "approve")
    assert response.status_code == 302
    if world.approver:
        world.lag.decide(page, "approve")
    assert is_live(page)
    assert Page.objects.get(pk=page.pk).specific.teaser == "Ohne Tippfehler."


# --- translations ----------------------------------------------------------------------------


def test_a_translation_is_submitted_and_goes_live_after_approval(
    world, django_capture_on_commit_callbacks
):
    original = make_news(world.index, title="Beratung am Mittwoch")[0]
    with django_capture_on_commit_callbacks(execute=True):
        english = world.editor.translate(original)
    assert not is_live(english)
    form = world.editor.editor(english)
    form.set("title", "Counselling on Wednesdays")
    form.submit(world.editor.client, name="action-submit")
    assert public(world, english).status_code == 404
    world.approve_all(english)
    assert public(world, english).status_code == 200


def test_translation_actions_that_cannot_be_used_here_are_not_offered(
    world, django_capture_on_commit_callbacks
):
    original = make_news(world.index, title="Offener Treff")[0]
    with django_capture_on_commit_callbacks(execute=True):
        english = world.editor.translate(original)
    world.editor.change(english, title="Open meeting")
    for person in filter(None, [world.editor, world.approver, world.lag]):
        html = person.editor_html(english)
        assert "localize-restart-translation" not in html, person.user
        assert "localize-convert-to-alias" not in html, person.user


# --- unpublish and delete --------------------------------------------------------------------


@pytest.mark.parametrize("url_name", ["wagtailadmin_pages:unpublish", "wagtailadmin_pages:delete"])
def test_member_roles_cannot_take_a_live_page_offline(world, url_name):
    page = make_news(world.index, title="Bleibt online")[0]
    for person in filter(None, [world.editor, world.approver]):
        url = reverse(url_name, args=[page.pk])
        response = person.client.get(url)
        assert response.status_code in (302, 403)
        person.client.post(url)
        assert is_live(page), (person.user, url_name)
