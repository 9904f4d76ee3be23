"""What member roles see on each admin surface: their own objects (and the shared network
collection), never another member's; counts over their own objects only; forms that accept
only their own objects."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

from home.models import StandardPage
from tests.tenancy_app.models import MemberNote

from .fixtures_tenancy import MARKERS, tenancy_world  # noqa: F401

pytestmark = pytest.mark.usefixtures("tenancy_world")


@pytest.fixture
def world(request, db):
    return request.getfixturevalue("tenancy_world")


def signed_in(user, host="localhost"):
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def text(response):
    assert response.status_code == 200, response.status_code
    body = b"".join(response) if response.streaming else response.content
    return body.decode()


OWN_ITEMS_ARE_LISTED = [
    # (url, who, what must appear)
    ("/admin/reports/site-history/", "a_editor", "GeheimVogtland Entwurf"),
    ("/admin/reports/workflow/", "a_editor", "GeheimVogtland Entwurf"),
    ("/admin/reports/workflow_tasks/", "a_editor", "GeheimVogtland Entwurf"),
    ("/admin/reports/locked/", "a_approver", "Kontakt"),
    ("/admin/images/", "a_editor", "GeheimVogtland Bild"),
    ("/admin/documents/", "a_editor", "GeheimVogtland Dokument"),
    ("/admin/images/chooser/", "a_editor", "GeheimVogtland Bild"),
    ("/admin/images/chooser/", "a_editor", "Netzwerkbild"),
    ("/admin/documents/chooser/", "a_editor", "GeheimVogtland Dokument"),
    ("/admin/documents/chooser/", "a_editor", "Netzwerkdokument"),
    ("/admin/snippets/tenancy_testapp/membernote/", "a_editor", "GeheimVogtland Notiz"),
    ("/admin/snippets/choose/tenancy_testapp/membernote/", "a_editor", "GeheimVogtland Notiz"),
    ("/admin/redirects/", "a_approver", "/geheimvogtland-alt"),
    ("/admin/localize/reports/translations/", "a_editor", "GeheimVogtland Nachricht"),
    ("/admin/pages/search/?q=GeheimVogtland", "a_editor", "GeheimVogtland Entwurf"),
    ("/admin/choose-page/search/?q=GeheimVogtland", "a_editor", "GeheimVogtland Entwurf"),
    ("/admin/api/main/images/", "a_editor", "GeheimVogtland Bild"),
    ("/admin/api/main/documents/", "a_editor", "GeheimVogtland Dokument"),
    ("/admin/", "a_approver", "GeheimVogtland Entwurf"),
    ("/admin/tag-autocomplete/?term=geheim", "a_editor", "geheimvogtland-schlagwort"),
    ("/admin/team/", "a_approver", "redaktion-queer-vogtland@example.org"),
]


@pytest.mark.parametrize(("url", "who", "expected"), OWN_ITEMS_ARE_LISTED)
def test_member_roles_find_their_own_objects_in_every_listing(world, url, who, expected):
    body = text(signed_in(world.users[who]).get(url))
    assert expected in body
    assert MARKERS["B"] not in body and MARKERS["LAG"] not in body


def test_explorer_starts_with_the_members_home_pages_in_both_languages(world):
    body = text(signed_in(world.users["a_editor"]).get("/admin/pages/"))
    homes = world["A"].homes
    for home in homes.values():
        assert f"/admin/pages/{home.pk}/" in body
    for other in (*world["B"].homes.values(), *world["LAG"].homes.values()):
        assert f"/admin/pages/{other.pk}/" not in body


def test_the_sidebar_explorer_lists_only_the_members_pages(world):
    response = signed_in(world.users["a_editor"]).get(
        "/admin/api/main/pages/?child_of=root&for_explorer=1"
    )
    ids = {item["id"] for item in response.json()["items"]}
    assert ids == {home.pk for home in world["A"].homes.values()}


def test_page_chooser_starts_inside_the_members_site(world):
    body = signed_in(world.users["a_editor"]).get("/admin/choose-page/").json()["html"]
    for home in world["A"].homes.values():
        assert f'data-id="{home.pk}"' in body
    for other in (*world["B"].homes.values(), *world["LAG"].homes.values()):
        assert f'data-id="{other.pk}"' not in body


def test_dashboard_counts_the_members_own_pages(world):
    user = world.users["a_editor"]
    own = (
        Page.objects.filter(path__startswith=world["A"].homes["de"].path).count()
        + Page.objects.filter(path__startswith=world["A"].homes["en"].path).count()
    )
    body = text(signed_in(user).get("/admin/"))
    assert f"{own} Seiten" in body
    assert f"{Page.objects.filter(depth__gt=1).count()} Seiten" not in body


def test_snippets_overview_counts_the_members_own_notes(world):
    body = text(signed_in(world.users["a_editor"]).get("/admin/snippets/"))
    assert MemberNote.objects.count() == 2
    assert '<td class="">1</td>' in body.replace(" ", "").replace(
        '<tdclass="">', '<td class="">'
    ) or (">1<" in body.replace(" ", "").replace("\n", ""))
    assert ">2<" not in body.replace(" ", "").replace("\n", "")


def test_page_types_usage_counts_only_the_members_pages(world):
    response = signed_in(world.users["a_editor"]).get("/admin/reports/page-types-usage/")
    rows = {row.model: row.count for row in response.context["object_list"]}
    assert rows["standardpage"] == 1
    assert StandardPage.objects.count() == 3
    assert 'name="site"' not in text(response)


def test_usage_of_an_image_shows_no_foreign_page_not_even_as_private(world):
    image = world["A"].image
    umbrella_page = StandardPage.objects.get(pk=world["LAG"].draft_page.pk)
    umbrella_page.social_image = image
    umbrella_page.save_revision().publish()
    body = text(signed_in(world.users["a_editor"]).get(f"/admin/images/usage/{image.pk}/"))
    assert "Privat" not in body and "Private" not in body
    assert MARKERS["LAG"] not in body
    staff_view = text(signed_in(world.users["lag"]).get(f"/admin/images/usage/{image.pk}/"))
    assert MARKERS["LAG"] in staff_view


def test_tag_suggestions_come_from_the_members_objects_and_the_shared_collection(world):
    world.shared_image.tags.add("netzwerk-schlagwort")
    client = signed_in(world.users["a_editor"])
    assert client.get("/admin/tag-autocomplete/?term=geheim").json() == [
        "geheimvogtland-dokumentwort",
        "geheimvogtland-schlagwort",
    ]
    assert client.get("/admin/tag-autocomplete/?term=netz").json() == ["netzwerk-schlagwort"]


def test_image_index_offers_only_the_members_popular_tags(world):
    body = text(signed_in(world.users["a_editor"]).get("/admin/images/"))
    assert "geheimvogtland-schlagwort" in body
    assert "geheimlausitz" not in body


def test_upload_form_offers_only_the_members_collection(world):
    response = signed_in(world.users["a_editor"]).get("/admin/images/add/")
    # With a single collection to upload to, Wagtail does not even show the choice.
    assert "collection" not in response.context["form"].fields
    staff_form = signed_in(world.users["lag"]).get("/admin/images/add/").context["form"]
    assert world["B"].member.name in str(staff_form["collection"])


def test_site_settings_switch_only_between_the_members_sites(world):
    # Member roles change their site's settings through the approved draft ("Auftritt und
    # Kontakt"), never through Wagtail's settings form, which goes live at once.
    editor = signed_in(world.users["a_editor"])
    response = editor.get("/admin/settings/microsites/sitesettings/")
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/")
    body = text(editor.get("/admin/snippets/microsites/membersitesettings/"))
    assert world["A"].member.short_name in body
    assert world["B"].member.short_name not in body
    assert world["B"].site.hostname not in body
    assert "LAG Queeres Netzwerk Sachsen [" not in body


class TestRedirects:
    def post(self, world, **data):
        values = {
            "old_path": "/alte-seite",
            "site": world["A"].site.pk,
            "is_permanent": "on",
            "redirect_link": "https://example.org/",
        }
        values.update(data)
        return signed_in(world.users["a_approver"]).post("/admin/redirects/add/", values)

    def test_an_approver_adds_a_redirect_for_the_members_site(self, world):
        assert self.post(world).status_code == 302
        assert Redirect.objects.get(old_path="/alte-seite").site_id == world["A"].site.pk

    @pytest.mark.parametrize("site", ["", "other", "umbrella"])
    def test_redirects_for_all_sites_or_other_sites_are_refused(self, world, site):
        value = {"": "", "other": world["B"].site.pk, "umbrella": world["LAG"].site.pk}[site]
        response = self.post(world, site=value)
        assert response.status_code == 200
        assert "site" in response.context["form"].errors
        assert not Redirect.objects.filter(old_path="/alte-seite").exists()

    def test_a_redirect_to_another_members_page_is_refused(self, world):
        response = self.post(world, redirect_link="", redirect_page=world["B"].news_page.pk)
        assert response.status_code == 200
        assert "redirect_page" in response.context["form"].errors

    def test_the_site_choice_offers_only_the_members_site(self, world):
        response = signed_in(world.users["a_approver"]).get("/admin/redirects/add/")
        field = response.context["form"].fields["site"]
        assert list(field.queryset) == [world["A"].site]
        assert field.required


class TestMemberOwnedSnippets:
    def test_the_member_field_offers_only_the_own_member(self, world):
        response = signed_in(world.users["a_editor"]).get(
            "/admin/snippets/tenancy_testapp/membernote/add/"
        )
        assert list(response.context["form"].fields["member"].queryset) == [world["A"].member]

    def test_a_note_cannot_be_created_for_another_member(self, world):
        response = signed_in(world.users["a_editor"]).post(
            "/admin/snippets/tenancy_testapp/membernote/add/",
            {"member": world["B"].member.pk, "title": "Untergeschoben", "text": ""},
        )
        # The member field is read-only for member roles: the forged member is ignored.
        assert response.status_code in (200, 302)
        assert not MemberNote.objects.filter(member=world["B"].member, title="Untergeschoben")
        assert set(
            MemberNote.objects.filter(title="Untergeschoben").values_list("member_id", flat=True)
        ) <= {world["A"].member.pk}

    def test_the_export_contains_only_the_members_notes(self, world):
        body = text(
            signed_in(world.users["a_editor"]).get(
                "/admin/snippets/tenancy_testapp/membernote/?export=csv"
            )
        )
        assert "GeheimVogtland Notiz" in body and "GeheimLausitz" not in body

    def test_bulk_delete_of_all_notes_touches_only_the_members_notes(self, world):
        client = signed_in(world.users["a_editor"])
        url = "/admin/bulk/tenancy_testapp/membernote/delete/?id=all"
        confirmation = text(client.get(url))
        assert "GeheimVogtland" in confirmation and "GeheimLausitz" not in confirmation
        client.post(url)
        # Drafts are deleted; live notes only by the LAG (refused with a message); the other
        # member's notes are never touched.
        remaining = MemberNote.objects.filter(member=world["A"].member)
        assert not remaining.filter(live=False).exists()
        assert MemberNote.objects.filter(member=world["B"].member).exists()

    def test_bulk_actions_naming_another_members_note_answer_404(self, world):
        client = signed_in(world.users["a_editor"])
        url = f"/admin/bulk/tenancy_testapp/membernote/delete/?id={world['B'].note.pk}"
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
        assert MemberNote.objects.filter(pk=world["B"].note.pk).exists()


def test_a_page_form_refuses_another_members_image(world):
    page = world["A"].draft_page
    client = signed_in(world.users["a_editor"])
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    form = response.context["form"]
    assert world["B"].image not in form.fields["social_image"].queryset
    assert world.shared_image in form.fields["social_image"].queryset
    assert world["A"].image in form.fields["social_image"].queryset


def test_bulk_deleting_pages_lists_and_deletes_only_the_members_pages(world):
    client = signed_in(world.users["a_editor"])
    home = world["A"].homes["de"]
    url = f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={home.pk}"
    body = text(client.get(url))
    assert MARKERS["B"] not in body and MARKERS["LAG"] not in body
    foreign = f"/admin/bulk/wagtailcore/page/delete/?id={world['B'].draft_page.pk}"
    assert client.get(foreign).status_code == 404


def test_team_filters_and_lists_never_name_another_members_people(world):
    body = text(signed_in(world.users["a_approver"]).get("/admin/reports/site-history/"))
    for user in get_user_model().objects.filter(groups=world["B"].member.editors_group):
        assert user.username not in body


def test_the_shared_network_collection_is_read_only_for_member_roles(world):
    client = signed_in(world.users["a_approver"])
    shared = world.shared_image
    response = client.get(f"/admin/images/{shared.pk}/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.post(f"/admin/images/{shared.pk}/delete/").status_code == 302
    assert get_image_model().objects.filter(pk=shared.pk).exists()


def test_a_page_cannot_be_copied_or_moved_into_another_members_site(world):
    page = world["A"].draft_page
    target = world["B"].homes["de"]
    client = signed_in(world.users["a_editor"])
    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {"new_title": "Kopie", "new_slug": "kopie", "new_parent_page": target.pk},
    )
    assert response.status_code == 200
    assert "new_parent_page" in response.context["form"].errors
    assert not Page.objects.filter(slug="kopie").exists()
    assert client.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/").status_code == 404
    assert Page.objects.get(pk=page.pk).get_parent().pk == world["A"].homes["de"].pk


@pytest.fixture
def own_page(world):
    """A draft of member A that is in no workflow (pages in a workflow are locked for editors)."""
    page = StandardPage(title="Freie Seite", slug="freie-seite", live=False)
    world["A"].homes["de"].add_child(instance=page)
    page.save_revision(user=world.users["a_editor"])
    return page


def _page_form_data(page, **fields):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "title": page.title,
        "slug": page.slug,
        "seo_title": "",
        "search_description": "",
        "body": streamfield([]),
        "comments": inline_formset([]),
    }
    data.update(fields)
    return nested_form_data(data)


@pytest.mark.parametrize("target", ["B", "LAG"])
def test_saving_a_page_that_points_at_a_foreign_image_is_refused(world, target, own_page):
    page = own_page
    client = signed_in(world.users["a_editor"])
    before = Page.objects.get(pk=page.pk).latest_revision_id
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        _page_form_data(page, social_image=world[target].image.pk),
    )
    assert response.status_code == 200
    assert Page.objects.get(pk=page.pk).latest_revision_id == before


def test_saving_a_page_with_a_rich_text_link_to_another_members_page_is_refused(world, own_page):
    from wagtail.test.utils.form_data import rich_text, streamfield

    page = own_page
    client = signed_in(world.users["a_editor"])
    before = Page.objects.get(pk=page.pk).latest_revision_id
    link = f'<p><a linktype="page" id="{world["B"].draft_page.pk}">hier</a></p>'
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        _page_form_data(page, body=streamfield([("paragraph", rich_text(link))])),
    )
    assert response.status_code == 200
    assert "nicht zu Ihrer Organisation" in response.content.decode()
    assert Page.objects.get(pk=page.pk).latest_revision_id == before


def test_saving_a_page_with_own_and_shared_objects_works(world, own_page):
    from wagtail.test.utils.form_data import rich_text, streamfield

    page = own_page
    client = signed_in(world.users["a_editor"])
    link = f'<p><a linktype="page" id="{world["A"].news_page.pk}">hier</a></p>'
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        _page_form_data(
            page,
            social_image=world.shared_image.pk,
            body=streamfield([("paragraph", rich_text(link))]),
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert latest.social_image_id == world.shared_image.pk


def test_references_the_lag_made_stay_when_a_member_edits_the_page(world, own_page):
    page = StandardPage.objects.get(pk=own_page.pk)
    page.social_image = world["LAG"].image
    page.save_revision(user=world.users["lag"])
    client = signed_in(world.users["a_editor"])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        _page_form_data(page, title="Neu betitelt", social_image=world["LAG"].image.pk),
    )
    assert response.status_code == 302


def test_the_reports_menu_of_member_roles_leaves_out_what_they_cannot_use(world):
    member_menu = text(signed_in(world.users["a_editor"]).get("/admin/"))
    staff_menu = text(signed_in(world.users["lag"]).get("/admin/"))
    assert "/admin/reports/site-history/" in member_menu
    assert "/admin/reports/aging-pages/" not in member_menu
    assert "/admin/reports/aging-pages/" in staff_menu
    assert "/admin/workflows/list/" not in member_menu
    assert "/admin/workflows/list/" in staff_menu


def test_every_registered_bulk_action_is_a_scoped_one(db):
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    from tenancy.bulk_actions import TenancyBulkActionMixin

    bulk_action_registry._scan_for_bulk_actions()
    actions = [
        action
        for models in bulk_action_registry.actions.values()
        for per_model in models.values()
        for action in per_model.values()
    ]
    assert len(actions) >= 14
    assert [a for a in actions if not issubclass(a, TenancyBulkActionMixin)] == []


def test_usage_of_a_page_shows_no_foreign_page_not_even_as_private(world):
    from wagtail.models import ReferenceIndex

    target = world["A"].news_page
    umbrella_page = StandardPage.objects.get(pk=world["LAG"].draft_page.pk)
    umbrella_page.body = [("paragraph", f'<p><a linktype="page" id="{target.pk}">Mitglied</a></p>')]
    umbrella_page.save_revision().publish()
    assert ReferenceIndex.get_references_to(target).exists()
    body = text(signed_in(world.users["a_editor"]).get(f"/admin/pages/{target.pk}/usage/"))
    assert "Privat" not in body and MARKERS["LAG"] not in body
    staff_view = text(signed_in(world.users["lag"]).get(f"/admin/pages/{target.pk}/usage/"))
    assert MARKERS["LAG"] in staff_view


@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/tenancy_testapp/membernote/?q=Notiz",
        "/admin/snippets/choose/tenancy_testapp/membernote/?q=Notiz",
    ],
)
def test_searching_member_owned_snippets_finds_only_the_members_own(world, url):
    body = text(signed_in(world.users["a_editor"]).get(url))
    assert "GeheimVogtland Notiz" in body and "GeheimLausitz" not in body
