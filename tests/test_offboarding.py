"""Deactivating a member takes its site and its people offline and loses nothing; reactivating
restores the previous state exactly."""

import hashlib
import io

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Revision,
)

from microsites.models import Member
from microsites.provisioning import set_member_active

from .factories import make_user
from .fixtures_tenancy import PASSWORD, tenancy_world  # noqa: F401

# Built once for the module (before the per-test transaction); see fixtures_tenancy.
pytestmark = [pytest.mark.usefixtures("tenancy_world"), pytest.mark.engine_sensitive]


@pytest.fixture
def world(request, db):
    return request.getfixturevalue("tenancy_world")


def _digest(rows):
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def _file_digest(field_file):
    with field_file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def state_of(member):
    """Counts and checksums of everything a member owns, and its roles' permissions."""
    homes_paths = list(
        Page.objects.filter(
            depth=2, translation_key=member.site.root_page.translation_key
        ).values_list("path", flat=True)
    )
    pages = Page.objects.none()
    for path in homes_paths:
        pages |= Page.objects.filter(path__startswith=path)
    pages = pages.order_by("pk")
    page_ids = [str(pk) for pk in pages.values_list("pk", flat=True)]
    revisions = Revision.objects.filter(object_id__in=page_ids, base_content_type__model="page")
    images = get_image_model().objects.filter(collection=member.collection).order_by("pk")
    documents = get_document_model().objects.filter(collection=member.collection).order_by("pk")
    submissions = FormSubmission.objects.filter(page__in=pages).order_by("pk")
    groups = [member.editors_group, member.approvers_group]
    return {
        "pages": (
            pages.count(),
            _digest(
                pages.values_list(
                    "pk", "title", "slug", "live", "path", "latest_revision_id", "locked"
                )
            ),
        ),
        "revisions": (
            revisions.count(),
            _digest(revisions.order_by("pk").values_list("pk", "content", "created_at")),
        ),
        "images": (
            images.count(),
            _digest((image.pk, image.title, _file_digest(image.file)) for image in images),
        ),
        "documents": (
            documents.count(),
            _digest((doc.pk, doc.title, _file_digest(doc.file)) for doc in documents),
        ),
        "submissions": (
            submissions.count(),
            _digest(submissions.values_list("pk", "form_data", "submit_time")),
        ),
        "people": _digest(
            sorted(
                Group.user_set.through.objects.filter(group__in=groups).values_list(
                    "user_id", "group_id"
                )
            )
        ),
        "permissions": _digest(
            [
                sorted(group.permissions.values_list("content_type__app_label", "codename"))
                for group in groups
            ]
            + [
                sorted(
                    GroupPagePermission.objects.filter(group__in=groups).values_list(
                        "group_id", "page_id", "permission__codename"
                    )
                ),
                sorted(
                    GroupCollectionPermission.objects.filter(group__in=groups).values_list(
                        "group_id", "collection_id", "permission__codename"
                    )
                ),
                sorted(
                    GroupSitePermission.objects.filter(group__in=groups).values_list(
                        "group_id", "site_id", "permission__codename"
                    )
                ),
            ]
        ),
        "workflow": _digest(
            [member.workflow_id, list(member.workflow.workflow_tasks.values_list("task_id"))]
        ),
    }


def member_a(world):
    return Member.objects.get(pk=world["A"].member.pk)


def admin_client(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def test_deactivation_keeps_every_page_revision_image_document_and_submission(world):
    member = member_a(world)
    before = state_of(member)
    set_member_active(member, False)
    after = state_of(Member.objects.get(pk=member.pk))
    assert {key: after[key] for key in after if key != "permissions"} == {
        key: before[key] for key in before if key != "permissions"
    }
    assert before["pages"][0] >= 12 and before["revisions"][0] >= 12
    assert before["images"][0] == 1 and before["documents"][0] == 1
    assert before["submissions"][0] == 1


def test_reactivation_restores_the_previous_state_exactly(world):
    member = member_a(world)
    before = state_of(member)
    set_member_active(member, False)
    assert state_of(Member.objects.get(pk=member.pk))["permissions"] != before["permissions"]
    set_member_active(Member.objects.get(pk=member.pk), True)
    assert state_of(Member.objects.get(pk=member.pk)) == before


def test_deactivated_members_roles_hold_no_permission_at_all(world):
    member = member_a(world)
    set_member_active(member, False)
    groups = [member.editors_group, member.approvers_group]
    for group in groups:
        assert not group.permissions.exists()
    assert not GroupPagePermission.objects.filter(group__in=groups).exists()
    assert not GroupCollectionPermission.objects.filter(group__in=groups).exists()
    assert not GroupSitePermission.objects.filter(group__in=groups).exists()


def test_deactivated_site_answers_410_with_a_neutral_page(world):
    set_member_active(member_a(world), False)
    response = Client(HTTP_HOST="queer-vogtland.localhost").get("/")
    assert response.status_code == 410
    body = response.content.decode()
    assert "Queer im Vogtland" not in body
    assert "GeheimVogtland" not in body


@pytest.mark.parametrize("role", ["a_editor", "a_approver"])
def test_people_of_a_deactivated_member_cannot_sign_in(world, role):
    set_member_active(member_a(world), False)
    user = world.users[role]
    assert not Client().login(username=user.username, password=PASSWORD)
    response = Client(HTTP_HOST="localhost").post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}
    )
    assert response.status_code == 200, "the login form is shown again"
    assert "_auth_user_id" not in response.wsgi_request.session


def test_an_open_session_of_a_deactivated_member_stops_working(world):
    client = admin_client(world.users["a_editor"])
    assert client.get("/admin/").status_code == 200
    set_member_active(member_a(world), False)
    response = client.get(f"/admin/pages/{world['A'].draft_page.pk}/edit/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302


def test_someone_working_for_another_member_too_keeps_that_access_only(world):
    both = make_user(
        "zwei-vereine", world["A"].member.editors_group, world["B"].member.editors_group
    )
    client = admin_client(both)
    set_member_active(member_a(world), False)
    assert client.get(f"/admin/pages/{world['B'].draft_page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{world['A'].draft_page.pk}/edit/").status_code == 404
    explorer = client.get("/admin/pages/").content.decode()
    assert "Rosa Lausitz" in explorer and "Queer im Vogtland" not in explorer
    assert Client().login(username="zwei-vereine", password=PASSWORD)


def test_lag_staff_keep_working_on_a_deactivated_members_pages(world):
    set_member_active(member_a(world), False)
    client = admin_client(world.users["lag"])
    assert client.get(f"/admin/pages/{world['A'].draft_page.pk}/edit/").status_code == 200
    on_member_host = Client(HTTP_HOST="queer-vogtland.localhost")
    on_member_host.force_login(world.users["lag"])
    assert on_member_host.get("/admin/").status_code == 200


def test_reactivation_lets_the_members_people_in_again(world):
    set_member_active(member_a(world), False)
    set_member_active(Member.objects.get(pk=world["A"].member.pk), True)
    user = world.users["a_editor"]
    assert Client().login(username=user.username, password=PASSWORD)
    client = admin_client(user)
    assert client.get(f"/admin/pages/{world['A'].draft_page.pk}/edit/").status_code == 200
    assert Client(HTTP_HOST="queer-vogtland.localhost").get("/").status_code == 200


def test_deactivating_through_the_member_admin_offboards_too(world):
    member = member_a(world)
    client = admin_client(world.users["lag"])
    edit_url = f"/admin/snippets/microsites/member/edit/{member.pk}/"
    form = client.get(edit_url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(
        {
            "name": member.name,
            "short_name": member.short_name,
            "slug": member.slug,
            "district": member.district_id,
            "town": member.town,
            "requires_member_approval": "on",
            "logo": "",
        }
    )
    data.pop("active", None)
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert not Member.objects.get(pk=member.pk).active
    assert not Client().login(username=world.users["a_editor"].username, password=PASSWORD)


def test_the_command_offboards_and_onboards_too(world):
    from django.core.management import call_command

    member = member_a(world)
    before = state_of(member)
    call_command("provision_member", member.slug, "--deactivate", "--update", stdout=io.StringIO())
    assert not Member.objects.get(pk=member.pk).active
    assert Client(HTTP_HOST="queer-vogtland.localhost").get("/").status_code == 410
    call_command("provision_member", member.slug, "--activate", "--update", stdout=io.StringIO())
    assert state_of(Member.objects.get(pk=member.pk)) == before
