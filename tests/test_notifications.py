"""Workflow e-mails: to the approvers of the step on submission, to the submitter on approval,
request for changes and publication – in the recipient's language, with working links, as each
person chose, and never to superusers who are not reviewers."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html
from wagtail.users.models import UserProfile

from editorial.models import NotificationSettings
from editorial.notifications import SUBMITTED, Notification, send_later
from microsites.provisioning import lag_staff_group

from .factories import make_user
from .fixtures_editorial import *  # noqa: F403
from .fixtures_editorial import mails_to, set_language
from .test_workflow_scheduling import let_time_pass_until_due


@pytest.fixture
def second_reviewer(network):
    return make_user("lag-zwei", lag_staff_group(), first_name="Kim", last_name="Beispiel")


@pytest.fixture
def superuser(network):
    return make_user("technik", is_superuser=True)


def submit(session, editor, index, commit, **fields):
    fields.setdefault("title", "Sommerfest im Park")
    with commit():
        page, response = session(editor).add_news(index, **fields)
    assert response.status_code == 302
    return page


def test_submission_goes_to_the_reviewers_of_the_step_and_nobody_else(
    member, member_editor, lag_staff, second_reviewer, superuser, session, news_index, commit
):
    submit(session, member_editor, news_index(member), commit)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([lag_staff.email, second_reviewer.email])
    assert mails_to(superuser) == []
    assert mails_to(member_editor) == []
    message = mails_to(lag_staff)[0]
    assert message.subject == "Zur Freigabe: „Sommerfest im Park“ (Queer im Vogtland e. V.)"
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_superusers_who_are_reviewers_are_told_like_everyone_else(
    member, member_editor, network, session, news_index, commit
):
    admin_in_lag = make_user("chefin", lag_staff_group(), is_superuser=True)
    submit(session, member_editor, news_index(member), commit)
    assert len(mails_to(admin_in_lag)) == 1


def test_submission_mail_links_to_the_review_and_to_the_inbox(
    member, member_editor, lag_staff, session, news_index, commit
):
    page = submit(session, member_editor, news_index(member), commit, show_in_network=True)
    body = mails_to(lag_staff)[0].body
    assert f"http://localhost/admin/pages/{page.pk}/edit/" in body
    assert "http://localhost/admin/redaktion/freigaben/" in body
    assert "Soll auch im Netzwerk auf der Website des Dachverbands erscheinen." in body
    assert "Schritt: Freigabe durch die LAG" in body
    assert "Hallo lag-redaktion," in body


def test_member_approvers_are_asked_first_then_the_lag(
    approving_member,
    approving_member_editor,
    member_approver,
    lag_staff,
    session,
    news_index,
    commit,
):
    page = submit(session, approving_member_editor, news_index(approving_member), commit)
    assert len(mails_to(member_approver)) == 1
    assert mails_to(lag_staff) == []

    mail.outbox.clear()
    with commit():
        session(member_approver).decide(page, "approve", "Passt so.")
    assert len(mails_to(lag_staff)) == 1
    step_mail = mails_to(approving_member_editor)[0]
    assert step_mail.subject == "Schritt „Freigabe im Verein“ freigegeben: „Sommerfest im Park“"
    assert "Jetzt bei: Freigabe durch die LAG" in step_mail.body
    assert "Passt so." in step_mail.body
    assert mails_to(member_approver) == []


def test_request_for_changes_sends_the_comment_to_the_submitter(
    member, member_editor, lag_staff, session, news_index, commit
):
    page = submit(session, member_editor, news_index(member), commit)
    mail.outbox.clear()
    with commit():
        session(lag_staff).decide(page, "reject", "Bitte ergänzt die Uhrzeit.")
    assert [m.to[0] for m in mail.outbox] == [member_editor.email]
    message = mail.outbox[0]
    assert message.subject == "Änderungen erbeten: „Sommerfest im Park“"
    assert "Bitte ergänzt die Uhrzeit." in message.body
    assert f"http://localhost/admin/pages/{page.pk}/edit/" in message.body

    mail.outbox.clear()
    with commit():
        session(member_editor).edit(page, teaser="Ab 15 Uhr im Stadtpark.")
    resubmitted = mails_to(lag_staff)[0]
    assert resubmitted.subject.startswith("Erneut zur Freigabe")


def test_approval_tells_the_submitter_where_the_page_is_live(
    member, member_editor, lag_staff, session, news_index, commit
):
    page = submit(session, member_editor, news_index(member), commit)
    mail.outbox.clear()
    with commit():
        session(lag_staff).decide(page, "approve", "Danke!")
    assert [m.to[0] for m in mail.outbox] == [member_editor.email]
    message = mail.outbox[0]
    assert message.subject == "Freigegeben und veröffentlicht: „Sommerfest im Park“"
    assert f"http://queer-vogtland.localhost/aktuelles/{page.slug}/" in message.body
    assert "Danke!" in message.body


def test_mails_are_written_in_the_recipients_language(
    member, member_editor, lag_staff, session, news_index, commit
):
    set_language(lag_staff, "en")
    set_language(member_editor, "de")
    page = submit(session, member_editor, news_index(member), commit)
    english = mails_to(lag_staff)[0]
    assert english.subject == "For approval: “Sommerfest im Park” (Queer im Vogtland e. V.)"
    assert "Step: Approval by the LAG" in english.body
    assert "(German)" in english.body

    mail.outbox.clear()
    with commit():
        session(lag_staff).decide(page, "reject", "Please add the time.")
    german = mails_to(member_editor)[0]
    assert german.subject == "Änderungen erbeten: „Sommerfest im Park“"
    assert "(Deutsch)" in german.body


def test_scheduled_items_announce_the_date_and_then_the_publication(
    member, member_editor, lag_staff, session, news_index, commit
):
    later = (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    page = submit(session, member_editor, news_index(member), commit, go_live_at=later)
    mail.outbox.clear()
    with commit():
        session(lag_staff).decide(page, "approve")
    scheduled = mails_to(member_editor)[0]
    assert scheduled.subject.startswith("Freigegeben: „Sommerfest im Park“ erscheint am ")
    assert f"http://queer-vogtland.localhost/aktuelles/{page.slug}/" in scheduled.body

    mail.outbox.clear()
    let_time_pass_until_due(page)
    with commit():
        call_command("publish_scheduled")
    published = mails_to(member_editor)[0]
    assert published.subject == "Veröffentlicht: „Sommerfest im Park“"
    assert f"http://queer-vogtland.localhost/aktuelles/{page.slug}/" in published.body


def test_each_person_decides_which_mails_they_get(
    member, member_editor, lag_staff, session, news_index, commit
):
    profile = UserProfile.get_for_user(lag_staff)
    profile.submitted_notifications = False
    profile.save()
    editor_profile = UserProfile.get_for_user(member_editor)
    editor_profile.approved_notifications = False
    editor_profile.save()

    page = submit(session, member_editor, news_index(member), commit)
    assert mails_to(lag_staff) == []
    with commit():
        session(lag_staff).decide(page, "approve")
    assert mails_to(member_editor) == []


def test_notification_settings_are_part_of_the_account_page(lag_staff, member_editor, session):
    lag = session(lag_staff)
    html = lag.get(reverse("wagtailadmin_account")).content.decode()
    assert "editorial_notifications-submission_delivery" in html
    forms = WagtailTestUtils.get_soup(html).find_all("form")
    index = next(i for i, form in enumerate(forms) if "editorial_notifications" in str(form))
    data = querydict_from_html(html, form_index=index)
    data["editorial_notifications-submission_delivery"] = "digest"
    data.pop("editorial_notifications-published_notifications", None)
    data["editorial_notifications-outdated_translation_notifications"] = "on"
    data["name_email-first_name"], data["name_email-last_name"] = "Lea", "Beispiel"
    response = lag.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 302
    settings = NotificationSettings.objects.get(user=lag_staff)
    assert settings.wants_digest
    assert not settings.published_notifications

    # Editors who approve nothing are not asked how submissions should arrive.
    editor_page = session(member_editor).get(reverse("wagtailadmin_account")).content.decode()
    assert "editorial_notifications-published_notifications" in editor_page
    assert "editorial_notifications-submission_delivery" not in editor_page


def prefer_digest(user):
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"submission_delivery": NotificationSettings.Delivery.DIGEST}
    )


def test_digest_readers_get_one_daily_mail_instead_of_one_per_submission(
    member, member_editor, lag_staff, second_reviewer, session, news_index, commit
):
    prefer_digest(lag_staff)
    first = submit(session, member_editor, news_index(member), commit, title="Erster Beitrag")
    submit(session, member_editor, news_index(member), commit, title="Zweiter Beitrag")
    assert mails_to(lag_staff) == []
    assert len(mails_to(second_reviewer)) == 2

    mail.outbox.clear()
    call_command("send_editorial_digest", "--dry-run")
    assert mail.outbox == []
    call_command("send_editorial_digest")
    assert [m.to[0] for m in mail.outbox] == [lag_staff.email]
    digest = mail.outbox[0]
    assert digest.subject == "Freigaben: 2 Inhalte warten (2 neu)"
    body = digest.body
    assert body.index("Erster Beitrag") < body.index("Zweiter Beitrag"), "oldest first"
    assert f"http://localhost/admin/pages/{first.pk}/edit/" in body
    assert "[neu]" in body

    # The next day: still waiting, nothing new.
    mail.outbox.clear()
    NotificationSettings.objects.filter(user=lag_staff).update(
        last_digest_sent_at=timezone.now() + timedelta(seconds=1)
    )
    call_command("send_editorial_digest")
    assert mail.outbox[0].subject == "Freigaben: 2 Inhalte warten (0 neu)"
    assert "[neu]" not in mail.outbox[0].body


def test_no_digest_when_nothing_waits(lag_staff):
    prefer_digest(lag_staff)
    call_command("send_editorial_digest")
    assert mail.outbox == []


def test_mails_are_only_sent_for_work_that_was_saved(lag_staff, commit):
    notification = Notification(SUBMITTED, [lag_staff], {})
    with commit(), pytest.raises(RuntimeError), transaction.atomic():
        send_later(notification)
        raise RuntimeError("rolled back")
    assert mail.outbox == []


def test_inactive_users_and_users_without_address_get_nothing(
    member, member_editor, lag_staff, second_reviewer, session, news_index, commit
):
    second_reviewer.is_active = False
    second_reviewer.save()
    lag_staff.email = ""
    lag_staff.save()
    submit(session, member_editor, news_index(member), commit)
    assert mail.outbox == []


def test_a_step_nobody_can_decide_is_reported_to_the_lag(
    approving_member, approving_member_editor, lag_staff, session, news_index, commit
):
    submit(session, approving_member_editor, news_index(approving_member), commit)
    message = mails_to(lag_staff)[0]
    assert "ist niemand eingetragen, der freigeben kann" in message.body
    assert "Freigabe im Verein" in message.body


def test_no_mails_while_notifications_are_paused(
    member, member_editor, lag_staff, session, news_index, commit
):
    from editorial.notifications import paused

    with paused():
        submit(session, member_editor, news_index(member), commit)
    assert mail.outbox == []
