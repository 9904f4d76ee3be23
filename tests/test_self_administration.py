"""A member's "Freigabe" role manages the member's team, and nothing beyond it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from microsites.provisioning import lag_staff_group

from .factories import make_user
from .fixtures_tenancy import tenancy_world  # noqa: F401

User = get_user_model()
TEAM = "/admin/team/"


# Built once for the module (before the per-test transaction); see fixtures_tenancy.
pytestmark = pytest.mark.usefixtures("tenancy_world")


@pytest.fixture
def world(request, db):
    built = request.getfixturevalue("tenancy_world")
    mail.outbox.clear()  # workflow notifications from building the world
    return built


def signed_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def groups_of(user):
    return set(User.objects.get(pk=user.pk).groups.values_list("name", flat=True))


def invite(client, email, *groups, **extra):
    data = {
        "first_name": "Noa",
        "last_name": "Neu",
        "email": email,
        "roles": [g.pk for g in groups],
    }
    data.update(extra)
    return client.post(f"{TEAM}new/", data)


def edit(client, person, roles, **fields):
    data = {
        "first_name": person.first_name or "X",
        "last_name": person.last_name or "Y",
        "email": person.email,
        "is_active": "on" if person.is_active else "",
        "roles": [group.pk for group in roles],
    }
    data.update(fields)
    return client.post(f"{TEAM}edit/{person.pk}/", data)


def test_team_lists_the_members_people_only(world):
    body = signed_in(world.users["a_approver"]).get(TEAM).content.decode()
    assert world.users["a_editor"].username in body or "Rieke" in body
    assert world.users["b_editor"].email not in body
    assert world.users["lag"].email not in body
    assert world.users["admin"].email not in body


def test_redaktion_has_no_team_administration(world):
    client = signed_in(world.users["a_editor"])
    assert client.get(TEAM).status_code == 302
    assert client.get(f"{TEAM}new/").status_code == 302
    assert invite(client, "neu@example.org", world["A"].member.editors_group).status_code == 302
    assert not User.objects.filter(email="neu@example.org").exists()


def test_freigabe_invites_a_new_person_with_a_link_to_set_a_password(world):
    member = world["A"].member
    response = invite(signed_in(world.users["a_approver"]), "Noa@Example.org", member.editors_group)
    assert response.status_code == 302, response.context["form"].errors
    person = User.objects.get(email__iexact="noa@example.org")
    assert person.username == "noa@example.org"
    assert not person.has_usable_password()
    assert not person.is_superuser and not person.is_staff
    assert groups_of(person) == {member.editors_group.name}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert member.name in message.subject
    link = re.search(r"http://localhost(/admin/password_reset/confirm/\S+)", message.body)
    assert link, message.body
    assert "Ihr Benutzername" in message.body and "Your username" in message.body
    confirm = Client(HTTP_HOST="localhost").get(link.group(1), follow=True)
    assert confirm.status_code == 200
    assert b"new_password1" in confirm.content


def test_inviting_an_existing_account_adds_the_role_and_keeps_the_account(world):
    member = world["A"].member
    other = world.users["b_editor"]
    response = invite(signed_in(world.users["a_approver"]), other.email, member.editors_group)
    assert response.status_code == 302
    assert groups_of(other) == {world["B"].member.editors_group.name, member.editors_group.name}
    assert User.objects.get(pk=other.pk).has_usable_password()
    assert "bisherigen Zugang" in mail.outbox[0].body


@pytest.mark.parametrize("protected", ["lag", "admin"])
def test_administrators_and_lag_staff_cannot_be_pulled_into_a_team(world, protected):
    member = world["A"].member
    user = world.users[protected]
    response = invite(signed_in(world.users["a_approver"]), user.email, member.editors_group)
    assert response.status_code == 200
    assert "nur die Administration" in response.content.decode()
    assert member.editors_group.name not in groups_of(user)


def test_only_the_members_own_roles_can_be_assigned(world):
    client = signed_in(world.users["a_approver"])
    for group in (world["B"].member.editors_group, lag_staff_group()):
        response = invite(client, f"x{group.pk}@example.org", group)
        assert response.status_code == 200
        assert not User.objects.filter(email=f"x{group.pk}@example.org").exists()


def test_nobody_becomes_an_administrator_through_the_team(world):
    member = world["A"].member
    response = invite(
        signed_in(world.users["a_approver"]),
        "chef@example.org",
        member.approvers_group,
        is_superuser="on",
        is_staff="on",
        groups=[lag_staff_group().pk],
    )
    assert response.status_code == 302
    person = User.objects.get(email="chef@example.org")
    assert not person.is_superuser and not person.is_staff
    assert groups_of(person) == {member.approvers_group.name}


def test_freigabe_assigns_and_withdraws_the_members_two_roles(world):
    member = world["A"].member
    client = signed_in(world.users["a_approver"])
    editor = world.users["a_editor"]
    response = edit(client, editor, [member.editors_group, member.approvers_group])
    assert response.status_code == 302, response.context["form"].errors
    assert groups_of(editor) == {member.editors_group.name, member.approvers_group.name}
    edit(client, User.objects.get(pk=editor.pk), [member.approvers_group])
    assert groups_of(editor) == {member.approvers_group.name}


def test_freigabe_deactivates_a_person_and_nothing_of_theirs_is_lost(world):
    client = signed_in(world.users["a_approver"])
    editor = world.users["a_editor"]
    response = edit(client, editor, [world["A"].member.editors_group], is_active="")
    assert response.status_code == 302
    editor = User.objects.get(pk=editor.pk)
    assert not editor.is_active
    assert editor.groups.exists()
    assert not Client().login(username=editor.username, password="correct-horse-battery")


def test_withdrawing_every_role_also_closes_the_account(world):
    editor = world.users["a_editor"]
    edit(signed_in(world.users["a_approver"]), editor, [])
    editor = User.objects.get(pk=editor.pk)
    assert not editor.groups.exists()
    assert not editor.is_active


def test_other_members_people_cannot_be_opened_or_changed(world):
    client = signed_in(world.users["a_approver"])
    stranger = world.users["b_editor"]
    assert client.get(f"{TEAM}edit/{stranger.pk}/").status_code == 404
    assert client.get(f"{TEAM}history/{stranger.pk}/").status_code == 404
    response = edit(client, stranger, [], is_active="", email="gekapert@example.org")
    assert response.status_code == 404
    stranger = User.objects.get(pk=stranger.pk)
    assert stranger.is_active and stranger.email != "gekapert@example.org"
    assert groups_of(stranger) == {world["B"].member.editors_group.name}


@pytest.mark.parametrize("protected", ["lag", "admin"])
def test_lag_staff_and_administrators_are_out_of_reach(world, protected):
    user = world.users[protected]
    client = signed_in(world.users["a_approver"])
    assert client.get(f"{TEAM}edit/{user.pk}/").status_code == 404
    assert edit(client, user, [], is_active="").status_code == 404
    assert User.objects.get(pk=user.pk).is_active


def test_someone_working_for_two_members_keeps_the_other_members_role_and_account(world):
    member_a, member_b = world["A"].member, world["B"].member
    both = make_user("beide", member_a.editors_group, member_b.editors_group)
    client = signed_in(world.users["a_approver"])
    form = client.get(f"{TEAM}edit/{both.pk}/").context["form"]
    assert form.fields["email"].disabled and form.fields["is_active"].disabled
    response = edit(client, both, [], is_active="", email="neu@x.org", first_name="Anders")
    assert response.status_code == 302
    both = User.objects.get(pk=both.pk)
    assert groups_of(both) == {member_b.editors_group.name}
    assert both.is_active and both.email == "beide@example.org" and both.first_name != "Anders"


def test_an_approver_cannot_withdraw_their_own_access(world):
    approver = world.users["a_approver"]
    response = edit(signed_in(approver), approver, [], is_active="")
    assert response.status_code == 302
    approver = User.objects.get(pk=approver.pk)
    assert approver.is_active
    assert groups_of(approver) == {world["A"].member.approvers_group.name}


def test_accounts_are_never_deleted_by_member_roles_or_lag_staff(world):
    editor = world.users["a_editor"]
    for key in ("a_approver", "lag"):
        client = signed_in(world.users[key])
        assert client.post(f"{TEAM}delete/{editor.pk}/").status_code == 302
        assert User.objects.filter(pk=editor.pk).exists()


def test_lag_staff_manage_every_members_team_but_not_lag_staff(world):
    client = signed_in(world.users["lag"])
    body = client.get(TEAM).content.decode()
    assert world.users["a_editor"].email in body and world.users["b_editor"].email in body
    assert world.users["lag"].email not in body
    response = invite(client, "start@example.org", world["B"].member.approvers_group)
    assert response.status_code == 302
    assert groups_of(User.objects.get(email="start@example.org")) == {
        world["B"].member.approvers_group.name
    }
    form = client.get(f"{TEAM}new/").context["form"]
    offered = {group.name for group in form.fields["roles"].queryset}
    assert lag_staff_group().name not in offered
    assert world["A"].member.editors_group.name in offered


def test_an_invitation_names_one_member_only(world):
    response = invite(
        signed_in(world.users["lag"]),
        "zwei@example.org",
        world["A"].member.editors_group,
        world["B"].member.editors_group,
    )
    assert response.status_code == 200
    assert not User.objects.filter(email="zwei@example.org").exists()


def test_wagtails_own_user_and_group_administration_stays_closed_to_member_roles(world):
    client = signed_in(world.users["a_approver"])
    for url in ("/admin/users/", "/admin/users/new/", "/admin/groups/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/"


def test_the_team_page_is_offered_in_the_settings_menu_to_approvers_only(world):
    approver_page = signed_in(world.users["a_approver"]).get("/admin/").content.decode()
    editor_page = signed_in(world.users["a_editor"]).get("/admin/").content.decode()
    assert "/admin/team/" in approver_page
    assert "/admin/team/" not in editor_page
