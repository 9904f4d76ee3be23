"""A new member's site is not public until its Impressum and Datenschutzerklärung are live.

Meanwhile readers get a neutral, bilingual "im Aufbau" page (200, noindex) on every address of
the site except its live legal pages, the member is listed nowhere in the network, and the
admin says what is missing. The legal pages go live through the admin like any page."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from wagtail.test.utils.form_data import querydict_from_html

from legal.models import ImprintPage, PrivacyPage
from microsites.models import Member

from .factories import complete_legal_page, homes_of, make_member, make_user
from .fixtures_legal import publish_legal_pages

pytestmark = pytest.mark.django_db

SLUG = "neu-im-netz"
HOST = f"{SLUG}.localhost"
UNDER_CONSTRUCTION = "Diese Website ist im Aufbau."


class MetaRobots(HTMLParser):
    def __init__(self):
        super().__init__()
        self.robots = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("name") == "robots":
            self.robots.append(attrs.get("content"))


def robots_of(html):
    parser = MetaRobots()
    parser.feed(html)
    return parser.robots


@pytest.fixture
def new_member(network):
    """A member as provisioning leaves it: legal pages are drafts to complete."""
    return make_member(SLUG, name="Neu im Netz e. V.", short_name="Neu im Netz", public=False)


def legal(member, model, code="de"):
    return model.objects.child_of(homes_of(member)[code]).get()


def test_a_newly_provisioned_site_shows_only_the_under_construction_page(new_member):
    assert not Member.objects.get(pk=new_member.pk).legal_pages_live
    client = Client(HTTP_HOST=HOST)
    for path in ("/", "/en/", "/impressum/", "/aktuelles/", "/kontakt/", "/suche/?q=x"):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert UNDER_CONSTRUCTION in html, path
        assert "This website is under construction." in html, path
        assert response["X-Robots-Tag"] == "noindex"
        assert robots_of(html) == ["noindex"]
        assert "no-store" in response["Cache-Control"]
        assert "Neu im Netz" not in html, "the neutral page names nobody"
        assert not response.cookies


def test_the_admin_still_answers_on_a_site_that_is_not_public(new_member):
    response = Client(HTTP_HOST=HOST).get("/admin/login/")
    assert response.status_code == 200
    assert UNDER_CONSTRUCTION not in response.content.decode()


def test_a_member_that_is_not_public_is_listed_nowhere_in_the_network(new_member, client):
    html = client.get("/mitglieder/").content.decode()
    assert "Neu im Netz" not in html
    api = client.get("/api/v2/members/").content.decode()
    assert "Neu im Netz" not in api
    publish_legal_pages(new_member)
    assert "Neu im Netz" in client.get("/mitglieder/").content.decode()


def test_the_live_imprint_is_reachable_before_the_site_is_public(new_member, lag_staff):
    """LAG staff publish the Impressum from the edit form (the end of its workflow): readers
    may read it at once, while the rest of the site waits for the Datenschutzerklärung."""
    admin = Client(HTTP_HOST="localhost")
    admin.force_login(lag_staff)
    imprint = complete_legal_page(legal(new_member, ImprintPage))
    imprint.save_revision(clean=False)
    url = f"/admin/pages/{imprint.pk}/edit/"
    data = querydict_from_html(admin.get(url).content.decode(), form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    assert admin.post(url, data).status_code == 302
    assert ImprintPage.objects.get(pk=imprint.pk).live

    reader = Client(HTTP_HOST=HOST)
    response = reader.get("/impressum/")
    assert response.status_code == 200
    assert UNDER_CONSTRUCTION not in response.content.decode()
    assert "Musterstraße 1" in response.content.decode()
    assert UNDER_CONSTRUCTION in reader.get("/").content.decode()
    assert UNDER_CONSTRUCTION in reader.get("/datenschutz/").content.decode()

    privacy = complete_legal_page(legal(new_member, PrivacyPage))
    privacy.save_revision(clean=False)
    url = f"/admin/pages/{privacy.pk}/edit/"
    data = querydict_from_html(admin.get(url).content.decode(), form_id="page-edit-form")
    data["action-publish"] = "action-publish"
    assert admin.post(url, data).status_code == 302

    response = reader.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert UNDER_CONSTRUCTION not in html
    assert 'href="/impressum/"' in html and 'href="/datenschutz/"' in html
    assert "X-Robots-Tag" not in response or response["X-Robots-Tag"] != "noindex"
    assert Member.objects.get(pk=new_member.pk).legal_pages_live


def test_unpublishing_the_privacy_statement_takes_the_site_back_under_construction(new_member):
    publish_legal_pages(new_member)
    reader = Client(HTTP_HOST=HOST)
    assert UNDER_CONSTRUCTION not in reader.get("/").content.decode()
    legal(new_member, PrivacyPage).unpublish()
    assert UNDER_CONSTRUCTION in reader.get("/").content.decode()
    assert not Member.objects.get(pk=new_member.pk).legal_pages_live


def test_the_member_sees_what_is_missing_with_links_to_the_pages(new_member):
    editor = make_user("redaktion-neu", new_member.editors_group)
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Ihre Website ist noch nicht öffentlich" in html
    imprint, privacy = legal(new_member, ImprintPage), legal(new_member, PrivacyPage)
    assert f'href="/admin/pages/{imprint.pk}/edit/">Impressum fehlt</a>' in html
    assert f'href="/admin/pages/{privacy.pk}/edit/">Datenschutzerklärung fehlt</a>' in html
    preview = client.get(f"/admin/pages/{imprint.pk}/edit/preview/")
    assert preview.status_code == 200, "the member can preview its legal pages"

    publish_legal_pages(new_member)
    assert "Ihre Website ist noch nicht öffentlich" not in client.get("/admin/").content.decode()


def test_lag_staff_see_every_member_that_is_not_public_yet(new_member, member, lag_staff):
    publish_legal_pages(member)
    client = Client(HTTP_HOST="localhost")
    client.force_login(lag_staff)
    html = client.get("/admin/").content.decode()
    assert "Noch nicht öffentliche Websites" in html
    assert "Neu im Netz e. V." in html
    assert (
        member.name not in html.split("Noch nicht öffentliche Websites")[1].split("</section>")[0]
    )


def test_the_panel_is_shown_to_nobody_once_every_site_is_public(member, lag_staff):
    publish_legal_pages(member)
    client = Client(HTTP_HOST="localhost")
    client.force_login(lag_staff)
    assert "Noch nicht öffentliche Websites" not in client.get("/admin/").content.decode()
