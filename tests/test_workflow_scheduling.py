"""Scheduled publishing (go_live_at, expire_at) goes through the member's workflow: approval
fixes the date, Wagtail's publish_scheduled command carries it out."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Revision

from .factories import make_news
from .fixtures_editorial import *  # noqa: F403


def let_time_pass_until_due(page):
    """Move the approved publication date of ``page`` into the past, as if we had waited."""
    past = timezone.now() - timedelta(minutes=1)
    for revision in Revision.objects.filter(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    ):
        content = dict(revision.content)
        content["go_live_at"] = past.isoformat()
        Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=past, content=content)
    Page.objects.filter(pk=page.pk).update(go_live_at=past)


def test_approved_page_with_a_future_date_goes_live_at_that_date(
    member, member_editor, lag_staff, session, news_index, host_client
):
    later = (timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    page, _response = session(member_editor).add_news(
        news_index(member), title="Angekündigt", go_live_at=later
    )
    session(lag_staff).decide(page, "approve")

    page = Page.objects.get(pk=page.pk)
    assert not page.live
    scheduled = Revision.objects.get(pk=page.latest_revision_id)
    assert scheduled.approved_go_live_at == later
    assert host_client(member.hostname).get(f"/aktuelles/{page.slug}/").status_code == 404

    call_command("publish_scheduled")
    assert not Page.objects.get(pk=page.pk).live, "not yet due"

    let_time_pass_until_due(page)
    call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).live
    assert host_client(member.hostname).get(f"/aktuelles/{page.slug}/").status_code == 200


def test_scheduled_change_of_a_live_page_keeps_the_old_text_until_its_date(
    member, member_editor, lag_staff, session, news_index
):
    page = make_news(news_index(member), teaser="Alter Text")[0]
    later = (timezone.now() + timedelta(days=1)).replace(second=0, microsecond=0)
    session(member_editor).edit(page, teaser="Neuer Text", go_live_at=later)
    session(lag_staff).decide(page, "approve")

    page = Page.objects.get(pk=page.pk).specific
    assert page.live
    assert page.teaser == "Alter Text"
    let_time_pass_until_due(page)
    call_command("publish_scheduled")
    assert Page.objects.get(pk=page.pk).specific.teaser == "Neuer Text"


def test_expiry_date_set_by_the_editor_takes_the_page_offline(
    member, member_editor, lag_staff, session, news_index, host_client
):
    until = (timezone.now() + timedelta(days=7)).replace(second=0, microsecond=0)
    page, _response = session(member_editor).add_news(
        news_index(member), title="Nur eine Woche", expire_at=until
    )
    session(lag_staff).decide(page, "approve")
    page = Page.objects.get(pk=page.pk)
    assert page.live
    assert page.expire_at == until

    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled")
    page.refresh_from_db()
    assert not page.live
    assert page.expired
    assert host_client(member.hostname).get(f"/aktuelles/{page.slug}/").status_code == 404


def test_a_date_in_the_past_is_refused_with_a_message(member, member_editor, session, news_index):
    earlier = (timezone.now() - timedelta(days=1)).replace(second=0, microsecond=0)
    until = earlier - timedelta(hours=1)
    page, response = session(member_editor).add_news(
        news_index(member), title="Falsch datiert", go_live_at=earlier, expire_at=until
    )
    assert page is None
    assert response.status_code == 200
    assert response.context["form"].errors["expire_at"]
