"""Member editors translate their pages in the admin; a translation starts as a draft."""

from news.models import NewsPage

from .factories import homes_of, make_news, news_index_of


def test_member_editor_translates_a_live_page_into_an_english_draft(
    host_client, member, member_editor
):
    german = make_news(news_index_of(homes_of(member)["de"]), 1, title="Neue Sprechstunde")[0]
    client = host_client("queer-vogtland.localhost")
    client.force_login(member_editor)
    url = f"/admin/localize/submit/page/{german.pk}/"
    assert client.get(url).status_code == 200
    english_locale = homes_of(member)["en"].locale
    response = client.post(url, {"locales": [english_locale.pk]})
    assert response.status_code == 302
    english = NewsPage.objects.get(translation_key=german.translation_key, locale=english_locale)
    assert not english.live, "a new translation is a draft until it is approved"
    assert english.get_parent().specific == news_index_of(homes_of(member)["en"])
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200
    assert (
        host_client("queer-vogtland.localhost").get(f"/en/news/{english.slug}/").status_code == 404
    )


def test_member_editor_cannot_translate_another_members_page(
    host_client, member, other_member, member_editor
):
    foreign = make_news(news_index_of(homes_of(other_member)["de"]), 1)[0]
    client = host_client("queer-vogtland.localhost")
    client.force_login(member_editor)
    response = client.post(
        f"/admin/localize/submit/page/{foreign.pk}/",
        {"locales": [homes_of(other_member)["en"].locale.pk]},
    )
    assert response.status_code in (302, 403, 404)
    assert not NewsPage.objects.filter(
        translation_key=foreign.translation_key, locale__language_code="en"
    ).exists()
