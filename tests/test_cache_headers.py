"""Which responses shared caches may keep (serving/middleware.py): anonymous reader pages yes,
with their cache tags; signed-in staff, previews, forms with per-reader state, errors and
responses that set a cookie never."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory
from wagtail.models import Site

from contact.models import ContactPage
from serving.middleware import is_publicly_cacheable

from .factories import homes_of, make_news, news_index_of

MEMBER_HOST = "queer-vogtland.localhost"


def directives(response):
    return {part.strip().split("=")[0] for part in response.get("Cache-Control", "").split(",")}


def assert_public(response):
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=600" in cache_control
    assert "max-age=60" in cache_control.replace("s-maxage=600", "")
    assert not response.cookies


def assert_not_shared(response):
    assert "public" not in directives(response)
    # "private" forbids shared caches; where the app decides itself it also adds "no-store".
    assert "private" in directives(response), response.get("Cache-Control")
    assert "X-Cache-Tags" not in response


def test_anonymous_reader_pages_are_public_and_tagged(client, host_client, member):
    umbrella = Site.objects.get(is_default_site=True)
    response = client.get("/")
    assert_public(response)
    assert response["X-Cache-Tags"].split() == [f"site-{umbrella.pk}", "network"]
    assert_public(client.get("/en/"))

    response = host_client(MEMBER_HOST).get("/aktuelles/")
    assert_public(response)
    assert response["X-Cache-Tags"].split() == [f"site-{member.site_id}"]


def test_search_and_api_are_public_the_api_with_the_network_tag(client, member):
    assert_public(client.get("/suche/?q=Beratung"))
    response = client.get("/api/v2/pages/?site=all")
    assert_public(response)
    assert "network" in response["X-Cache-Tags"].split()


def test_signed_in_staff_get_nothing_a_cache_keeps(client, lag_staff):
    client.force_login(lag_staff)
    assert_not_shared(client.get("/"))
    assert_not_shared(client.get("/admin/"))


def test_a_preview_is_never_kept(member):
    home = homes_of(member)["de"]
    news = make_news(news_index_of(home), title="Vorschau-Nachricht")[0]
    response = news.make_preview_request()
    assert response.status_code == 200
    assert "Vorschau-Nachricht" in response.content.decode()
    assert_not_shared(response)


def test_contact_forms_are_fresh_for_every_reader(host_client, member):
    page = ContactPage.objects.descendant_of(homes_of(member)["de"]).get()
    response = host_client(MEMBER_HOST).get(page.url)
    assert response.status_code == 200
    assert_not_shared(response)
    assert "no-store" in directives(response)


def test_errors_and_redirects_are_never_kept(client, host_client, member):
    assert_not_shared(client.get("/gibt-es-nicht/"))
    assert client.get("/gibt-es-nicht/").status_code == 404
    unknown = host_client("unbekannt.example.org").get("/")
    assert unknown.status_code == 400
    assert_not_shared(unknown)
    redirect = host_client(MEMBER_HOST).get("/aktuelles")
    assert redirect.status_code == 301
    assert_not_shared(redirect)


def test_posts_are_never_kept(client, network):
    response = client.post("/suche/", {"q": "x"})
    assert "public" not in directives(response)


@pytest.mark.parametrize(
    "cookie_on",
    ["response", "request"],
)
def test_responses_with_cookies_are_not_kept(cookie_on, network):
    request = RequestFactory(HTTP_HOST="localhost").get("/")
    response = HttpResponse("hallo")
    if cookie_on == "response":
        response.set_cookie("sessionid", "abc")
    else:
        request.COOKIES["sessionid"] = "abc"
    assert not is_publicly_cacheable(request, response)
    assert is_publicly_cacheable(RequestFactory(HTTP_HOST="localhost").get("/"), HttpResponse())


def test_health_answers_are_never_kept(client, db):
    assert_not_shared(Client(HTTP_HOST="10.0.0.7").get("/healthz"))
