"""Endpoints of their own (news, members, districts), their filters, CORS, the rate limit, and
the machinery further endpoints (events, offers) plug into."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches
from wagtail import hooks

from .factories import homes_of, make_image, make_member, make_news, news_index_of


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.fixture
def news(network, member):
    index = news_index_of(homes_of(member)["de"])
    created = {}
    for title, kind, day in [
        ("Pressemitteilung Mai", "press", date(2026, 5, 2)),
        ("Stellungnahme Juni", "statement", date(2026, 6, 10)),
        ("Sommerfest Juli", "news", date(2026, 7, 4)),
    ]:
        item = make_news(index, 1, title=title)[0]
        item.kind = kind
        item.date = day
        item.save_revision().publish()
        created[title] = item
    make_news(index, 1, title="Entwurf", publish=False)
    return created


def test_news_endpoint_lists_public_articles_newest_first_with_their_fields(client, news):
    found = items(client.get("/api/v2/news/"))
    assert [item["title"] for item in found] == [
        "Sommerfest Juli",
        "Stellungnahme Juni",
        "Pressemitteilung Mai",
    ]
    assert found[0]["date"] == "2026-07-04"
    assert found[0]["kind"] == "news"
    assert found[0]["teaser"]
    assert found[0]["meta"]["member"]["slug"] == "queer-vogtland"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "press"}, ["Pressemitteilung Mai"]),
        ({"kind": "press,statement"}, ["Stellungnahme Juni", "Pressemitteilung Mai"]),
        ({"date_from": "2026-06-01"}, ["Sommerfest Juli", "Stellungnahme Juni"]),
        ({"date_to": "2026-06-10"}, ["Stellungnahme Juni", "Pressemitteilung Mai"]),
        ({"date_from": "2026-06-01", "date_to": "2026-06-30"}, ["Stellungnahme Juni"]),
        ({"kind": "news", "date_to": "2026-06-30"}, []),
        ({"site": "rosa-lausitz"}, []),
        (
            {"site": "queer-vogtland", "locale": "de"},
            ["Sommerfest Juli", "Stellungnahme Juni", "Pressemitteilung Mai"],
        ),
    ],
)
def test_news_filters(client, news, other_member, params, expected):
    assert [item["title"] for item in items(client.get("/api/v2/news/", params))] == expected


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "gossip"}, "kind: unknown value(s) gossip"),
        ({"date_from": "gestern"}, "date_from: 'gestern' is not a date"),
        ({"date_from": "2026-07-01", "date_to": "2026-06-01"}, "date_to must not be before"),
        ({"type": "home.StandardPage"}, "one page type only"),
    ],
)
def test_bad_filter_values_are_a_clear_400(client, news, params, message):
    response = client.get("/api/v2/news/", params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_news_detail_includes_the_social_rendition_of_the_lead_image(client, network):
    item = make_news(news_index_of(network["de"]), 1, image=make_image("Titel"))[0]
    detail = client.get(f"/api/v2/news/{item.pk}/").json()
    assert detail["lead_image_social"]["width"] <= 1200
    assert "fill-1200x630" in detail["lead_image_social"]["url"]
    assert detail["lead_image"]["id"] == item.lead_image_id


def test_news_detail_of_a_draft_is_404(client, news):
    draft = news_index_of(homes_of(news["Sommerfest Juli"].get_site().member)["de"])
    entwurf = draft.get_children().get(title="Entwurf")
    assert client.get(f"/api/v2/news/{entwurf.pk}/").status_code == 404


@pytest.mark.parametrize("endpoint", ["pages", "news", "images", "documents", "members", "offers"])
def test_an_id_beyond_the_integer_range_is_404_not_an_error(client, network, endpoint):
    assert client.get(f"/api/v2/{endpoint}/{10**20}/").status_code == 404


def test_members_endpoint_lists_active_members_filterable_by_district(
    client, network, member, other_member
):
    make_member("ruhend", name="Ruhender Verein e. V.", active=False)
    everyone = items(client.get("/api/v2/members/"))
    assert {item["name"] for item in everyone} == {"Queer im Vogtland e. V.", "Rosa Lausitz e. V."}
    lausitz = items(client.get("/api/v2/members/", {"district": "14625"}))
    assert [item["name"] for item in lausitz] == ["Rosa Lausitz e. V."]
    assert lausitz[0]["meta"]["district"] == {"ars": "14625", "name": "Bautzen"}
    assert lausitz[0]["meta"]["site_url"] == "http://rosa-lausitz.localhost/"
    several = items(client.get("/api/v2/members/", {"district": "14625,14523"}))
    assert len(several) == 2


def test_members_can_be_searched_by_name_or_town(client, network, member, other_member):
    assert [i["name"] for i in items(client.get("/api/v2/members/", {"search": "bautzen"}))] == [
        "Rosa Lausitz e. V."
    ]
    assert [
        i["name"] for i in items(client.get("/api/v2/members/", {"search": "Queer Vogtland"}))
    ] == ["Queer im Vogtland e. V."]


def test_members_listing_query_count_does_not_grow(client, network, member):
    def count():
        client.get("/api/v2/members/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/members/").status_code == 200
        return len(queries)

    few = count()
    for slug in ("verein-a", "verein-b", "verein-c", "verein-d"):
        make_member(slug)
    assert count() == few


def test_images_and_pages_can_be_searched(client, network):
    from .fixtures_api import make_document, page_with_media

    page_with_media(
        network["de"], "Galerie", image=make_image("Regenbogen"), documents=[make_document("Flyer")]
    )
    assert [i["title"] for i in items(client.get("/api/v2/images/", {"search": "Regenbogen"}))] == [
        "Regenbogen"
    ]
    assert [i["title"] for i in items(client.get("/api/v2/documents/", {"search": "Flyer"}))] == [
        "Flyer"
    ]


def test_unknown_district_key_is_a_clear_400(client, network):
    response = client.get("/api/v2/members/", {"district": "99999"})
    assert response.status_code == 400
    assert "unknown district key(s) 99999" in response.json()["message"]


def test_districts_endpoint_lists_the_13_saxon_districts(client, network):
    districts = items(client.get("/api/v2/districts/", {"limit": 20}))
    assert len(districts) == 13
    assert {"ars": "14713", "name": "Leipzig", "kind": "Kreisfreie Stadt"}.items() <= districts[
        [d["ars"] for d in districts].index("14713")
    ].items()


def test_cors_allows_any_origin_to_read_the_api(client, network):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://www.sachsen.de")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_preflight_allows_only_reading(client, network):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://www.sachsen.de",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 200
    methods = {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")}
    assert methods == {"GET", "HEAD", "OPTIONS"}


def test_cors_headers_are_not_sent_outside_the_api(client, network):
    response = client.get("/", HTTP_ORIGIN="https://www.sachsen.de")
    assert "Access-Control-Allow-Origin" not in response


def test_rate_limit_answers_429_with_retry_after(network, settings):
    from api.throttling import PublicAPIThrottle

    PublicAPIThrottle.THROTTLE_RATES = {"public_api": "3/minute"}
    try:
        cache.clear()
        first = Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.10")
        other = Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.11")
        statuses = [first.get("/api/v2/districts/").status_code for _ in range(4)]
        assert statuses == [200, 200, 200, 429]
        limited = first.get("/api/v2/districts/")
        assert int(limited["Retry-After"]) > 0
        assert other.get("/api/v2/districts/").status_code == 200
    finally:
        from rest_framework.settings import api_settings

        PublicAPIThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES


def test_the_rate_limit_comes_from_the_environment():
    import os
    import subprocess
    import sys

    from django.conf import settings

    code = "import config.settings.base as s; print(s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])"
    output = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "API_RATE_LIMIT": "30/minute"},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
    ).stdout
    assert "30/minute" in output


def test_other_apps_add_endpoints_through_the_hook(client, network, member):
    """How the events and offers endpoints plug in: a hook that registers a viewset."""
    from api.filters import ChoiceFilter, DistrictFilter
    from api.views import PublicModelAPIViewSet
    from microsites.models import Member

    class ClubsAPIViewSet(PublicModelAPIViewSet):
        model = Member
        name = "clubs"
        body_fields = ["id", "name"]
        listing_default_fields = ["id", "type", "detail_url", "name"]
        api_filters = [DistrictFilter(), ChoiceFilter("slug", choices=["queer-vogtland"])]

    def register(router):
        router.register_endpoint("clubs", ClubsAPIViewSet)

    import config.urls

    with hooks.register_temporarily("register_api_endpoints", register):
        from importlib import reload

        import api.urls

        reload(api.urls)
        reload(config.urls)
        clear_url_caches()
        try:
            found = items(
                client.get("/api/v2/clubs/", {"district": "14523", "slug": "queer-vogtland"})
            )
            assert [item["name"] for item in found] == ["Queer im Vogtland e. V."]
            assert client.get("/api/v2/clubs/", {"slug": "other"}).status_code == 400
        finally:
            pass
    reload(api.urls)
    reload(config.urls)
    clear_url_caches()


def test_news_listing_query_count_does_not_grow(client, network, member):
    image = make_image("Bild")

    def count():
        params = {"fields": "lead_image_social,lead_image", "limit": 50}
        client.get("/api/v2/news/", params)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v2/news/", params).status_code == 200
        return len(queries)

    make_news(news_index_of(homes_of(member)["de"]), 2, image=image)
    few = count()
    make_news(news_index_of(homes_of(member)["de"]), 10, image=image)
    make_news(news_index_of(network["de"]), 5, image=image)
    assert count() == few
