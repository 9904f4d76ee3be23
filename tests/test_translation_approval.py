"""Translations made with wagtail-localize pass the member's workflow like originals: every path by
which an editor without publish permission could publish one is closed, and translations whose
original changed are flagged and their editors told."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import Translation, TranslationSource

from editorial.checks import translations_pass_the_workflow
from editorial.models import TranslationStatus

from .factories import make_news
from .fixtures_editorial import *  # noqa: F403
from .fixtures_editorial import mails_to, refused, set_language


@pytest.fixture
def german_item(member, news_index):
    """A live German news item of the member, approved earlier."""
    return make_news(news_index(member), title="Beratung am Mittwoch", teaser="Jeden Mittwoch.")[0]


@pytest.fixture
def english_draft(german_item, member_editor, session, commit):
    # wagtail-localize publishes after the commit, so let the commit happen.
    with commit():
        return session(member_editor).translate(german_item)


def test_translating_a_live_page_creates_a_draft(german_item, english_draft, host_client, member):
    assert english_draft.locale.language_code == "en"
    assert not english_draft.live
    assert english_draft.title == german_item.title, "simple mode copies the original"
    response = host_client(member.hostname).get(f"/en/news/{english_draft.slug}/")
    assert response.status_code == 404


def test_translation_goes_live_only_after_approval(
    member, english_draft, member_editor, lag_staff, session, host_client
):
    editor = session(member_editor)
    editor.edit(english_draft, title="Counselling on Wednesdays", teaser="Every Wednesday.")
    page = Page.objects.get(pk=english_draft.pk).specific
    assert not page.live
    assert page.current_workflow_task.name == "Freigabe durch die LAG"
    assert host_client(member.hostname).get(f"/en/news/{page.slug}/").status_code == 404

    session(lag_staff).decide(page, "approve")
    page = Page.objects.get(pk=english_draft.pk).specific
    assert page.live
    assert page.title == "Counselling on Wednesdays"
    assert host_client(member.hostname).get(f"/en/news/{page.slug}/").status_code == 200


def test_the_editor_of_a_translation_offers_submission_and_no_publishing(
    english_draft, member_editor, session
):
    html = (
        session(member_editor)
        .get(reverse("wagtailadmin_pages:edit", args=[english_draft.pk]))
        .content.decode()
    )
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html
    assert "localize-restart-translation" not in html
    assert "localize-convert-to-alias" not in html


def make_synced(page):
    """Switch a translation to wagtail-localize's synced mode, as LAG staff could."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    translation.enabled = True
    translation.save()
    return translation


def change_and_publish(page, **fields):
    page = Page.objects.get(pk=page.pk).specific
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_update_translations_with_publish_immediately_saves_drafts_for_member_editors(
    german_item, english_draft, member_editor, session, commit
):
    make_synced(english_draft)
    change_and_publish(german_item, teaser="Jeden Mittwoch und Freitag.")
    source = TranslationSource.objects.get(object_id=german_item.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    editor = session(member_editor)
    form_html = editor.get(url).content.decode()
    assert "Übersetzungen als Entwurf aktualisieren" in form_html

    revisions_before = Revision.objects.filter(object_id=str(english_draft.pk)).count()
    with commit():
        response = editor.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    page = Page.objects.get(pk=english_draft.pk).specific
    assert not page.live, "nothing was published"
    assert Revision.objects.filter(object_id=str(english_draft.pk)).count() == revisions_before + 1
    assert page.get_latest_revision_as_object().teaser == "Jeden Mittwoch und Freitag."


def test_update_translations_does_not_change_a_live_translation_for_member_editors(
    german_item, english_draft, member_editor, lag_staff, session, commit
):
    session(member_editor).edit(english_draft, teaser="Every Wednesday.")
    session(lag_staff).decide(english_draft, "approve")
    make_synced(english_draft)
    change_and_publish(german_item, title="Beratung am Mittwoch und Freitag")
    source = TranslationSource.objects.get(object_id=german_item.translation_key)
    with commit():
        session(member_editor).post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    live = Page.objects.get(pk=english_draft.pk).specific
    assert live.live
    assert live.teaser == "Every Wednesday.", "the live translation is unchanged"
    assert live.has_unpublished_changes


def test_lag_staff_can_still_publish_updated_translations(
    german_item, english_draft, lag_staff, session, commit
):
    make_synced(english_draft)
    source = TranslationSource.objects.get(object_id=german_item.translation_key)
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert "Übersetzungen als Entwurf aktualisieren" not in (
        session(lag_staff).get(url).content.decode()
    )
    with commit():  # wagtail-localize publishes once the transaction is committed
        session(lag_staff).post(url, {"publish_translations": "on"})
    assert Page.objects.get(pk=english_draft.pk).live


def test_member_editors_cannot_start_a_synced_translation(english_draft, member_editor, session):
    editor = session(member_editor)
    url = reverse("wagtailadmin_pages:edit", args=[english_draft.pk])
    response = editor.post(url, {"localize-restart-translation": "1"})
    assert response.status_code == 302
    assert not Translation.objects.filter(enabled=True).exists()


def test_synced_translations_open_in_the_normal_editor_for_member_editors(
    english_draft, member_editor, session
):
    make_synced(english_draft)
    response = session(member_editor).get(
        reverse("wagtailadmin_pages:edit", args=[english_draft.pk])
    )
    html = response.content.decode()
    assert 'id="page-edit-form"' in html
    assert 'name="action-submit"' in html
    assert not Translation.objects.filter(enabled=True).exists()


def test_convert_to_alias_is_refused_to_member_editors(english_draft, member_editor, session):
    url = reverse("wagtail_localize:convert_to_alias", args=[english_draft.pk])
    editor = session(member_editor)
    assert refused(editor.get(url))
    assert refused(editor.post(url))
    page = Page.objects.get(pk=english_draft.pk)
    assert not page.live
    assert page.alias_of_id is None


def test_the_guarded_translation_views_keep_to_the_members_own_pages(
    german_item, english_draft, other_editor, session
):
    source = TranslationSource.objects.get(object_id=german_item.translation_key)
    stranger = session(other_editor)
    update = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert stranger.get(update).status_code == 404
    assert stranger.post(update, {"publish_translations": "on"}).status_code == 404
    convert = reverse("wagtail_localize:convert_to_alias", args=[english_draft.pk])
    assert stranger.get(convert).status_code == 404


def test_settings_that_would_publish_translations_fail_the_system_checks():
    assert translations_pass_the_workflow(None) == []
    with override_settings(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=True):
        assert [e.id for e in translations_pass_the_workflow(None)] == ["editorial.E001"]
    with override_settings(WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE="synced"):
        assert [e.id for e in translations_pass_the_workflow(None)] == ["editorial.E002"]
    call_command("check")


# --- Outdated translations ---------------------------------------------------------------------


@pytest.fixture
def live_translation(english_draft, member_editor, lag_staff, session):
    session(member_editor).edit(english_draft, title="Counselling on Wednesdays")
    session(lag_staff).decide(english_draft, "approve")
    return Page.objects.get(pk=english_draft.pk).specific


def change_original_through_the_workflow(german_item, member_editor, lag_staff, session, commit):
    session(member_editor).edit(german_item, teaser="Jetzt auch freitags.")
    with commit():
        session(lag_staff).decide(german_item, "approve")


def test_changed_original_flags_the_translation_and_tells_the_members_editors(
    german_item, live_translation, member_editor, lag_staff, session, commit
):
    assert not TranslationStatus.objects.get(page=live_translation).is_outdated
    set_language(member_editor, "en")
    mail.outbox.clear()
    change_original_through_the_workflow(german_item, member_editor, lag_staff, session, commit)

    status = TranslationStatus.objects.get(page=live_translation)
    assert status.is_outdated
    assert PageLogEntry.objects.filter(
        page=live_translation, action="editorial.translation.outdated"
    ).exists()
    message = [m for m in mails_to(member_editor) if "outdated" in m.subject][0]
    assert message.subject == "Translation outdated: “Beratung am Mittwoch” has changed"
    assert f"http://localhost/admin/pages/{live_translation.pk}/edit/" in message.body
    assert "http://queer-vogtland.localhost/aktuelles/" in message.body


def test_outdated_translation_is_marked_in_the_admin(
    german_item, live_translation, member_editor, lag_staff, session, commit, news_index
):
    change_original_through_the_workflow(german_item, member_editor, lag_staff, session, commit)
    editor = session(member_editor)
    edit_html = editor.get(
        reverse("wagtailadmin_pages:edit", args=[live_translation.pk])
    ).content.decode()
    assert "Das Original dieser Übersetzung wurde geändert." in edit_html

    listing = editor.get(
        reverse("wagtailadmin_explore", args=[live_translation.get_parent().pk])
    ).content.decode()
    assert "Übersetzung veraltet" in listing

    report = editor.get(reverse("editorial:outdated_translations")).content.decode()
    assert "Counselling on Wednesdays" in report

    dashboard = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert "editorial-outdated-translations" in dashboard


def test_other_members_do_not_see_the_flag(
    german_item, live_translation, member_editor, lag_staff, other_editor, session, commit
):
    change_original_through_the_workflow(german_item, member_editor, lag_staff, session, commit)
    report = session(other_editor).get(reverse("editorial:outdated_translations"))
    assert "Counselling on Wednesdays" not in report.content.decode()
    response = session(other_editor).post(
        reverse("editorial:mark_translation_current", args=[live_translation.pk])
    )
    assert response.status_code == 404, "another member's page is not there for them"
    assert TranslationStatus.objects.get(page=live_translation).is_outdated


def test_republishing_the_original_unchanged_flags_nothing(
    german_item, live_translation, lag_staff, session
):
    change_and_publish(german_item)
    assert not TranslationStatus.objects.get(page=live_translation).is_outdated


def test_approved_update_of_the_translation_clears_the_flag(
    german_item, live_translation, member_editor, lag_staff, session, commit
):
    change_original_through_the_workflow(german_item, member_editor, lag_staff, session, commit)
    session(member_editor).edit(live_translation, teaser="Now on Fridays too.")
    assert TranslationStatus.objects.get(page=live_translation).is_outdated, "not yet approved"
    session(lag_staff).decide(live_translation, "approve")
    assert not TranslationStatus.objects.get(page=live_translation).is_outdated
    assert PageLogEntry.objects.filter(
        page=live_translation, action="editorial.translation.current"
    ).exists()


def test_editors_can_confirm_that_a_translation_is_still_right(
    german_item, live_translation, member_editor, lag_staff, session, commit
):
    change_original_through_the_workflow(german_item, member_editor, lag_staff, session, commit)
    response = session(member_editor).post(
        reverse("editorial:mark_translation_current", args=[live_translation.pk])
    )
    assert response.status_code == 302
    assert not TranslationStatus.objects.get(page=live_translation).is_outdated
