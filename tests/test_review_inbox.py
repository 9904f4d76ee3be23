"""The review inbox: everything waiting for approval across all members, for the LAG, with member,
language, type, step, submitter and waiting time, filters, oldest first, and links to review;
and the editors' own view of where their items stand."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, TaskState

from microsites.provisioning import LAG_TASK_NAME

from .factories import make_news, make_user
from .fixtures_editorial import *  # noqa: F403
from .fixtures_editorial import refused

INBOX = reverse("editorial:inbox")


def backdate(page, days):
    """Pretend the page has been waiting at its current step for ``days`` days."""
    state = TaskState.objects.get(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_IN_PROGRESS
    )
    TaskState.objects.filter(pk=state.pk).update(started_at=timezone.now() - timedelta(days=days))


@pytest.fixture
def waiting(
    member,
    member_editor,
    other_member,
    other_editor,
    approving_member,
    approving_member_editor,
    session,
    news_index,
):
    """Three submissions: two at the LAG step, one at a member's own step."""
    vogtland, _r = session(member_editor).add_news(
        news_index(member), title="Vogtland wartet lange", show_in_network=True
    )
    lausitz, _r = session(other_editor).add_news(news_index(other_member), title="Lausitz neu")
    leipzig, _r = session(approving_member_editor).add_news(
        news_index(approving_member), title="Leipzig im Verein"
    )
    backdate(vogtland, 5)
    backdate(lausitz, 1)
    backdate(leipzig, 3)
    return {"vogtland": vogtland, "lausitz": lausitz, "leipzig": leipzig}


def rows(response):
    """Titles in the order the inbox lists them."""
    return [entry.title for entry in response.context["object_list"]]


def test_lag_staff_see_everything_waiting_oldest_first(waiting, lag_staff, session):
    response = session(lag_staff).get(INBOX)
    assert response.status_code == 200
    assert rows(response) == ["Vogtland wartet lange", "Leipzig im Verein", "Lausitz neu"]
    html = response.content.decode()
    for text in ("Queer im Vogtland", "Rosa Lausitz", "Queeres Leipzig", LAG_TASK_NAME):
        assert text in html
    assert "Freigabe im Verein: Queeres Leipzig" in html
    assert "redaktion-vogtland" in html or "Redaktion" in html
    assert "5\xa0Tage" in html  # timesince joins with a no-break space
    assert "auch im Netzwerk" in html


def test_newest_first_on_request(waiting, lag_staff, session):
    response = session(lag_staff).get(INBOX, {"ordering": "-started_at"})
    assert rows(response) == ["Lausitz neu", "Leipzig im Verein", "Vogtland wartet lange"]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("member", "other_member", ["Lausitz neu"]),
        ("task", "lag_task", ["Vogtland wartet lange", "Lausitz neu"]),
        ("submitter", "approving_member_editor", ["Leipzig im Verein"]),
    ],
)
def test_every_filter_narrows_the_inbox(
    waiting, lag_staff, session, request, name, value, expected
):
    if value == "lag_task":
        obj = TaskState.objects.filter(task__name=LAG_TASK_NAME).first().task
    else:
        obj = request.getfixturevalue(value)
    response = session(lag_staff).get(INBOX, {name: obj.pk})
    assert rows(response) == expected


def test_language_and_content_type_filters(
    waiting, member, member_editor, lag_staff, session, news_index
):
    german = waiting["vogtland"]
    german_item = make_news(news_index(member), title="Schon live")[0]
    english = session(member_editor).translate(german_item)
    session(member_editor).edit(english, title="English version")
    en = Locale.objects.get(language_code="en")
    response = session(lag_staff).get(INBOX, {"language": en.pk})
    assert rows(response) == ["English version"]

    from django.contrib.contenttypes.models import ContentType

    news_type = ContentType.objects.get(app_label="news", model="newspage")
    response = session(lag_staff).get(INBOX, {"content_type": news_type.pk})
    assert german.title in rows(response)
    legal_type = ContentType.objects.get(app_label="legal", model="imprintpage")
    assert rows(session(lag_staff).get(INBOX, {"content_type": legal_type.pk})) == []


def test_inbox_links_to_review_with_the_comparison_against_the_live_version(
    member, member_editor, lag_staff, session, news_index
):
    live = make_news(news_index(member), title="Schon veröffentlicht")[0]
    session(member_editor).edit(live, teaser="Geänderter Text")
    response = session(lag_staff).get(INBOX)
    entry = response.context["object_list"][0]
    html = response.content.decode()
    assert entry.compare_url == reverse(
        "wagtailadmin_pages:revisions_compare",
        args=[live.pk, "live", entry.revision.pk],
    )
    assert entry.compare_url in html
    assert reverse("wagtailadmin_pages:edit", args=[live.pk]) in html
    compare = session(lag_staff).get(entry.compare_url)
    assert compare.status_code == 200
    assert "Geänderter Text" in compare.content.decode()


def test_member_editors_have_no_inbox(member_editor, session):
    assert refused(session(member_editor).get(INBOX))


def test_member_approvers_see_only_their_own_step(waiting, member_approver, session):
    response = session(member_approver).get(INBOX)
    assert response.status_code == 200
    assert rows(response) == ["Leipzig im Verein"]


def test_the_inbox_exports_as_csv(waiting, lag_staff, session):
    response = session(lag_staff).get(INBOX, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "Vogtland wartet lange" in content
    assert content.index("Vogtland wartet lange") < content.index("Lausitz neu")


def test_lag_dashboard_shows_the_oldest_waiting_items(waiting, lag_staff, session):
    html = session(lag_staff).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="editorial-inbox' in html
    assert "3 Inhalte warten auf eine Freigabe." in html
    assert html.index("Vogtland wartet lange") < html.index("Lausitz neu")
    assert "Awaiting your review" not in html


def test_editors_see_their_items_with_state_and_latest_comment(
    member, member_editor, lag_staff, session, news_index
):
    editor = session(member_editor)
    waiting_page, _r = editor.add_news(news_index(member), title="Noch in Prüfung")
    returned, _r = editor.add_news(news_index(member), title="Bitte nachbessern")
    session(lag_staff).decide(returned, "reject", "Der Termin fehlt noch.")
    approved, _r = editor.add_news(news_index(member), title="Schon erschienen")
    session(lag_staff).decide(approved, "approve", "Prima.")

    html = editor.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="editorial-my-submissions' in html
    panel = html[html.index('id="editorial-my-submissions') :]
    assert "Noch in Prüfung" in panel and "wartet auf Freigabe" in panel
    assert "Bitte nachbessern" in panel and "Änderungen erbeten" in panel
    assert "Der Termin fehlt noch." in panel
    assert "Schon erschienen" in panel and "freigegeben und veröffentlicht" in panel
    assert "Prima." in panel


def test_the_inbox_needs_the_same_number_of_queries_for_few_and_many_items(
    member, member_editor, lag_staff, session, news_index
):
    editor = session(member_editor)
    lag = session(lag_staff)

    def count_queries():
        lag.get(INBOX)  # warm caches (content types, site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = lag.get(INBOX)
        assert response.status_code == 200
        return len(queries), len(response.context["object_list"])

    for number in range(2):
        editor.add_news(news_index(member), title=f"Wenige {number}")
    few, shown_few = count_queries()
    for number in range(10):
        editor.add_news(news_index(member), title=f"Viele {number}")
    many, shown_many = count_queries()
    assert (shown_few, shown_many) == (2, 12)
    assert few == many


def test_a_reviewer_without_member_gets_an_empty_inbox(network, session):
    from microsites.provisioning import lag_staff_group

    reviewer = make_user("neu-in-der-lag", lag_staff_group())
    response = session(reviewer).get(INBOX)
    assert response.status_code == 200
    assert "Es wartet nichts auf eine Freigabe." in response.content.decode()


def test_member_approvers_filters_name_nothing_of_other_members(waiting, member_approver, session):
    response = session(member_approver).get(INBOX)
    filters = response.context["filters"].form
    steps = [str(task) for task in filters.fields["task"].queryset]
    submitters = list(filters.fields["submitter"].queryset)
    members = [str(member) for member in filters.fields["member"].queryset]
    assert steps == ["Freigabe im Verein: Queeres Leipzig"]
    assert [user.username for user in submitters] == ["redaktion-leipzig"]
    assert members == ["Queeres Leipzig e. V."]
    html = response.content.decode()
    assert "Vogtland" not in html and "Lausitz" not in html
