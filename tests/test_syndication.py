"""Items members mark "auch im Netzwerk zeigen" appear on the umbrella site once the LAG approved
them, with their provenance and a link to the member's page – and disappear at once when the
original goes offline or the LAG withdraws them."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from editorial.models import NetworkWithdrawal
from editorial.syndication import network_pages, syndicated_models
from microsites.provisioning import member_homes, set_member_active
from news.models import NewsPage

from .factories import make_image, make_news, news_index_of
from .fixtures_editorial import *  # noqa: F403


def umbrella_html(client, path="/"):
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def shared_item(member, member_editor, lag_staff, session, news_index):
    """A German news item the member marked for the network, submitted and approved."""
    page, _response = session(member_editor).add_news(
        news_index(member), title="Queerer Stammtisch Plauen", show_in_network=True
    )
    session(lag_staff).decide(page, "approve")
    return NewsPage.objects.get(pk=page.pk)


def test_every_syndicated_page_type_takes_part():
    assert NewsPage in syndicated_models()


def test_marked_item_appears_only_after_the_lag_approved_it(
    member, member_editor, lag_staff, session, news_index, client
):
    page, _response = session(member_editor).add_news(
        news_index(member), title="Regenbogenfrühstück", show_in_network=True
    )
    assert "Regenbogenfrühstück" not in umbrella_html(client)
    assert "Regenbogenfrühstück" not in umbrella_html(client, "/aktuelles/")

    session(lag_staff).decide(page, "approve")
    assert "Regenbogenfrühstück" in umbrella_html(client)
    assert "Regenbogenfrühstück" in umbrella_html(client, "/aktuelles/")


def test_unmarked_items_stay_on_the_member_site(member, news_index, client, host_client):
    make_news(news_index(member), title="Nur für uns")
    assert "Nur für uns" in host_client(member.hostname).get("/aktuelles/").content.decode()
    assert "Nur für uns" not in umbrella_html(client, "/aktuelles/")


def test_network_item_shows_provenance_and_links_to_the_members_page(member, shared_item, client):
    member.logo = make_image("Logo Vogtland", member.collection)
    member.save()
    html = umbrella_html(client, "/aktuelles/")
    assert "Aus dem Netzwerk: Queer im Vogtland e. V." in html
    assert f'href="http://queer-vogtland.localhost/aktuelles/{shared_item.slug}/"' in html
    assert 'class="provenance__logo"' in html


def test_umbrella_lists_keep_their_own_news_next_to_the_networks(network, shared_item, client):
    make_news(news_index_of(network["de"]), title="Pressemitteilung der LAG")
    html = umbrella_html(client, "/aktuelles/")
    assert "Pressemitteilung der LAG" in html
    assert shared_item.title in html
    own_card = html[html.index("Pressemitteilung der LAG") :].split("</article>")[0]
    assert "Aus dem Netzwerk" not in own_card


def test_english_lists_show_english_versions_only(
    member, member_editor, lag_staff, session, shared_item, client
):
    assert shared_item.title not in umbrella_html(client, "/en/news/")
    assert shared_item.title not in umbrella_html(client, "/en/")

    translation = session(member_editor).translate(shared_item)
    session(member_editor).edit(translation, title="Queer regulars' table in Plauen")
    assert "Queer regulars" not in umbrella_html(client, "/en/news/"), "still a draft"

    session(lag_staff).decide(translation, "approve")
    english = umbrella_html(client, "/en/news/")
    assert "Queer regulars&#x27; table in Plauen" in english
    assert shared_item.title not in english
    assert "/en/news/" in english and "queer-vogtland.localhost/en/news/" in english
    assert "Queer regulars&#x27; table in Plauen" not in umbrella_html(client, "/aktuelles/")


def test_withdrawal_by_the_lag_removes_the_item_but_leaves_the_members_page(
    member, shared_item, lag_staff, session, client, host_client
):
    lag = session(lag_staff)
    url = reverse("editorial:withdraw", args=[shared_item.pk])
    assert lag.get(url).status_code == 200
    response = lag.post(url, {"reason": "Doppelt mit unserer Meldung."})
    assert response.status_code == 302

    assert shared_item.title not in umbrella_html(client, "/aktuelles/")
    assert shared_item.title not in umbrella_html(client)
    member_page = host_client(member.hostname).get(f"/aktuelles/{shared_item.slug}/")
    assert member_page.status_code == 200
    page = NewsPage.objects.get(pk=shared_item.pk)
    assert page.show_in_network and page.live, "the member's page is untouched"
    assert NetworkWithdrawal.objects.get().reason == "Doppelt mit unserer Meldung."

    lag.post(reverse("editorial:restore", args=[shared_item.pk]))
    assert shared_item.title in umbrella_html(client, "/aktuelles/")


def test_withdrawal_covers_every_language_version(
    member, member_editor, lag_staff, session, shared_item, client
):
    translation = session(member_editor).translate(shared_item)
    session(member_editor).edit(translation, title="Regulars' table")
    session(lag_staff).decide(translation, "approve")
    assert "Regulars&#x27; table" in umbrella_html(client, "/en/news/")

    session(lag_staff).post(reverse("editorial:withdraw", args=[shared_item.pk]), {"reason": ""})
    assert "Regulars&#x27; table" not in umbrella_html(client, "/en/news/")


def test_member_roles_cannot_withdraw_items(member, shared_item, member_editor, session, client):
    editor = session(member_editor)
    response = editor.post(reverse("editorial:withdraw", args=[shared_item.pk]), {"reason": "x"})
    assert response.status_code in (302, 403)
    assert not NetworkWithdrawal.objects.exists()
    assert shared_item.title in umbrella_html(client, "/aktuelles/")


def test_unpublishing_the_original_removes_it_at_once(shared_item, lag_staff, session, client):
    session(lag_staff).post(reverse("wagtailadmin_pages:unpublish", args=[shared_item.pk]))
    assert not Page.objects.get(pk=shared_item.pk).live
    assert shared_item.title not in umbrella_html(client, "/aktuelles/")
    assert shared_item.title not in umbrella_html(client)


def test_deleting_the_original_removes_it_at_once(shared_item, lag_staff, session, client):
    session(lag_staff).post(reverse("wagtailadmin_pages:delete", args=[shared_item.pk]))
    assert not Page.objects.filter(pk=shared_item.pk).exists()
    assert shared_item.title not in umbrella_html(client, "/aktuelles/")


def test_removing_the_mark_takes_the_item_out_after_approval(
    shared_item, member_editor, lag_staff, session, client
):
    session(member_editor).edit(shared_item, show_in_network=False)
    assert shared_item.title in umbrella_html(client, "/aktuelles/"), "approved version still live"
    session(lag_staff).decide(shared_item, "approve")
    assert shared_item.title not in umbrella_html(client, "/aktuelles/")


def test_removing_the_mark_from_the_original_takes_every_translation_out(
    shared_item, member_editor, lag_staff, session, client
):
    translation = session(member_editor).translate(shared_item)
    session(member_editor).edit(translation, title="Regulars' table")
    session(lag_staff).decide(translation, "approve")
    session(member_editor).edit(shared_item, show_in_network=False)
    session(lag_staff).decide(shared_item, "approve")
    assert "Regulars&#x27; table" not in umbrella_html(client, "/en/news/")


def test_items_of_a_deactivated_member_leave_the_network(member, shared_item, client):
    set_member_active(member, False)
    assert shared_item.title not in umbrella_html(client, "/aktuelles/")
    set_member_active(member, True)
    assert shared_item.title in umbrella_html(client, "/aktuelles/")


def test_network_pages_narrows_any_syndicated_queryset(member, shared_item, other_member):
    make_news(news_index_of(member_homes(other_member)["de"]), title="Unmarkiert")
    shown = network_pages(NewsPage.objects.all())
    assert list(shown) == [shared_item]
    assert not network_pages(NewsPage.objects.filter(title="Unmarkiert")).exists()


def test_kind_filter_works_on_the_combined_list(shared_item, client):
    assert shared_item.title in umbrella_html(client, "/aktuelles/?art=news")
    assert shared_item.title not in umbrella_html(client, "/aktuelles/?art=press")
