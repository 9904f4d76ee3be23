"""Every submission, approval, request for changes, comment, syndication and withdrawal is in the
page history, and in the per-member log LAG staff use."""

import re

from django.urls import reverse
from wagtail.models import PageLogEntry

from .fixtures_editorial import *  # noqa: F403


def text_of(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def story(member, member_editor, lag_staff, session, news_index):
    """Submit, get changes requested, comment, resubmit, approve with comment, withdraw."""
    editor = session(member_editor)
    lag = session(lag_staff)
    page, _response = editor.add_news(
        news_index(member), title="CSD-Nachlese", show_in_network=True
    )
    lag.edit(page, action="save", comment="Ist das Foto freigegeben?")
    lag.decide(page, "reject", "Bitte Bildrechte klären.")
    editor.edit(page, teaser="Mit Dank an alle Fotograf*innen.")
    lag.decide(page, "approve", "Danke, passt.")
    lag.post(reverse("editorial:withdraw", args=[page.pk]), {"reason": "Nur regional."})
    return page


def test_page_history_tells_the_whole_story(member, member_editor, lag_staff, session, news_index):
    page = story(member, member_editor, lag_staff, session, news_index)
    actions = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    for expected in [
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.comments.create",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
        "editorial.network.add",
        "editorial.network.withdraw",
    ]:
        assert expected in actions, expected
    assert actions.index("wagtail.workflow.reject") < actions.index("wagtail.workflow.resume")
    assert actions.index("wagtail.publish") < actions.index("editorial.network.withdraw")

    history = text_of(
        session(member_editor).get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    )
    for text in [
        "Bitte Bildrechte klären.",
        "Danke, passt.",
        "Ist das Foto freigegeben?",
        "Erscheint jetzt auch in den Listen des Netzwerks",
        "Von der LAG aus den Netzwerk-Listen genommen",
        "Nur regional.",
    ]:
        assert text in history, text


def test_restoring_and_unpublishing_are_recorded_too(
    member, member_editor, lag_staff, session, news_index
):
    page = story(member, member_editor, lag_staff, session, news_index)
    lag = session(lag_staff)
    lag.post(reverse("editorial:restore", args=[page.pk]))
    lag.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    actions = list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions[-3:] == [
        "editorial.network.restore",
        "wagtail.unpublish",
        "editorial.network.remove",
    ]
    history = text_of(lag.get(reverse("wagtailadmin_pages:history", args=[page.pk])))
    assert "Nicht mehr im Netzwerk, weil die Seite nicht mehr veröffentlicht ist" in history


def test_member_log_shows_each_members_events_for_lag_staff(
    member,
    member_editor,
    other_member,
    other_editor,
    lag_staff,
    session,
    news_index,
):
    story(member, member_editor, lag_staff, session, news_index)
    session(other_editor).add_news(news_index(other_member), title="Aus der Lausitz")
    lag = session(lag_staff)
    url = reverse("editorial:member_log")

    everything = text_of(lag.get(url))
    assert "CSD-Nachlese" in everything and "Aus der Lausitz" in everything

    vogtland = lag.get(url, {"member": member.pk})
    assert vogtland.status_code == 200
    text = text_of(vogtland)
    assert "CSD-Nachlese" in text
    assert "Aus der Lausitz" not in text
    assert "Bitte Bildrechte klären." in text
    assert "Nur regional." in text
    assert "Queer im Vogtland" in text

    withdrawals = lag.get(url, {"member": member.pk, "action": "editorial.network.withdraw"})
    rows = withdrawals.context["object_list"]
    assert [row.entry.action for row in rows] == ["editorial.network.withdraw"]


def test_the_member_log_exports_as_csv(member, member_editor, lag_staff, session, news_index):
    story(member, member_editor, lag_staff, session, news_index)
    response = session(lag_staff).get(reverse("editorial:member_log"), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert "Bitte Bildrechte klären." in content


def test_member_roles_cannot_open_the_member_log_or_the_network_list(member_editor, session):
    editor = session(member_editor)
    for name in ("editorial:member_log", "editorial:network_items"):
        response = editor.get(reverse(name))
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_network_list_shows_what_is_in_the_network_and_what_was_withdrawn(
    member, member_editor, lag_staff, session, news_index
):
    withdrawn = story(member, member_editor, lag_staff, session, news_index)
    shown, _r = session(member_editor).add_news(
        news_index(member), title="Im Netzwerk", show_in_network=True
    )
    session(lag_staff).decide(shown, "approve")
    response = session(lag_staff).get(reverse("editorial:network_items"))
    text = text_of(response)
    assert "Im Netzwerk" in text and "CSD-Nachlese" in text
    assert "Nur regional." in text
    html = response.content.decode()
    assert reverse("editorial:restore", args=[withdrawn.pk]) in html
    assert reverse("editorial:withdraw", args=[shown.pk]) in html


def test_network_list_filters_by_member_language_and_withdrawal(
    member, member_editor, other_member, other_editor, lag_staff, session, news_index
):
    withdrawn = story(member, member_editor, lag_staff, session, news_index)
    other, _r = session(other_editor).add_news(
        news_index(other_member), title="Lausitz im Netzwerk", show_in_network=True
    )
    session(lag_staff).decide(other, "approve")
    lag = session(lag_staff)
    url = reverse("editorial:network_items")

    def titles(**params):
        response = lag.get(url, params)
        return sorted(page.title for page in response.context["object_list"])

    assert titles() == ["CSD-Nachlese", "Lausitz im Netzwerk"]
    assert titles(member=other_member.pk) == ["Lausitz im Netzwerk"]
    assert titles(withdrawn="true") == [withdrawn.title]
    assert titles(withdrawn="false") == ["Lausitz im Netzwerk"]
    assert titles(locale="en") == []
