"""The roles provisioning creates and exactly the permissions each of them holds."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
)

from microsites.models import Member
from microsites.provisioning import lag_staff_group, provision_member, set_member_active

from .factories import homes_of, make_member, make_user

# Behaviour that can differ between SQLite and PostgreSQL: CI runs it on both.
pytestmark = pytest.mark.engine_sensitive


def codenames(group):
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def page_grants(group):
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )


def collection_grants(group):
    return set(
        GroupCollectionPermission.objects.filter(group=group).values_list(
            "collection__name", "permission__codename"
        )
    )


MEMBER_MODEL_PERMISSIONS = {
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("tenancy_testapp", "add_membernote"),
    ("tenancy_testapp", "change_membernote"),
    ("tenancy_testapp", "delete_membernote"),
    ("tenancy_testapp", "view_membernote"),
    ("tenancy_testapp", "lock_membernote"),
    ("tenancy_testapp", "unlock_membernote"),
    # Offers pass the member's workflow: no publish_offer.
    ("directory", "add_offer"),
    ("directory", "change_offer"),
    ("directory", "delete_offer"),
    ("directory", "view_offer"),
    ("directory", "lock_offer"),
    ("directory", "unlock_offer"),
    # Their site's settings, as drafts with the member's workflow: one per member, never
    # added or deleted by them.
    ("microsites", "change_membersitesettings"),
    ("microsites", "view_membersitesettings"),
}
APPROVER_EXTRA = {
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("tenancy", "add_teammember"),
    ("tenancy", "change_teammember"),
    ("tenancy", "view_teammember"),
}


@pytest.fixture
def approving_member(network):
    return make_member("mit-freigabe", requires_member_approval=True)


def test_redaktion_may_write_translate_and_submit_but_never_publish(approving_member):
    member = approving_member
    editors = member.editors_group
    assert editors.name == "Verein mit-freigabe (mit-freigabe): Redaktion"
    assert codenames(editors) == MEMBER_MODEL_PERMISSIONS
    homes = homes_of(member)
    assert page_grants(editors) == {
        (home.pk, codename) for home in homes.values() for codename in ("add_page", "change_page")
    }
    assert collection_grants(editors) == {
        (member.name, "add_image"),
        (member.name, "change_image"),
        (member.name, "choose_image"),
        (member.name, "add_document"),
        (member.name, "change_document"),
        (member.name, "choose_document"),
        (settings.NETWORK_COLLECTION_NAME, "choose_image"),
        (settings.NETWORK_COLLECTION_NAME, "choose_document"),
    }
    # Wagtail's settings form would change what readers see at once: not for member roles.
    assert not GroupSitePermission.objects.filter(group=editors).exists()


def test_freigabe_approves_its_own_step_and_looks_after_site_and_team(approving_member):
    member = approving_member
    approvers = member.approvers_group
    assert codenames(approvers) == MEMBER_MODEL_PERMISSIONS | APPROVER_EXTRA
    assert {codename for _page, codename in page_grants(approvers)} == {
        "add_page",
        "change_page",
        "lock_page",
        "unlock_page",
    }
    assert (member.name, "delete_image") in collection_grants(approvers)
    first_task = member.workflow.tasks.specific().first()
    assert list(first_task.groups.all()) == [approvers]


@pytest.mark.parametrize("attribute", ["editors_group", "approvers_group"])
def test_no_member_role_ever_holds_publish_or_administration_rights(approving_member, attribute):
    group = getattr(approving_member, attribute)
    names = {codename for _app, codename in codenames(group)}
    assert not {name for name in names if name.startswith("publish_")}
    assert not names & {"add_user", "change_user", "delete_user", "add_group", "change_group"}
    assert not names & {"add_site", "change_site", "add_collection", "change_workflow"}
    assert "publish_page" not in {codename for _page, codename in page_grants(group)}
    assert "bulk_delete_page" not in {codename for _page, codename in page_grants(group)}


def test_member_roles_hold_page_rights_only_on_their_own_home_pages(network):
    first = make_member("erster")
    second = make_member("zweiter")
    own = {home.pk for home in homes_of(first).values()}
    for group in (first.editors_group, first.approvers_group):
        assert {page for page, _codename in page_grants(group)} == own
    assert not own & {page for page, _codename in page_grants(second.editors_group)}


def test_lag_staff_approve_everything_run_the_umbrella_and_manage_members(network):
    group = lag_staff_group()
    names = codenames(group)
    assert {
        ("microsites", "add_member"),
        ("microsites", "change_member"),
        ("microsites", "change_sitesettings"),
        ("microsites", "change_networksettings"),
        ("microsites", "publish_membersitesettings"),
        ("tenancy_testapp", "publish_membernote"),
        ("tenancy", "change_teammember"),
        ("wagtailcore", "change_workflow"),
    } <= names
    assert ("microsites", "delete_member") not in names, "members are deactivated, not deleted"
    assert not {codename for _app, codename in names} & {"add_user", "change_user", "add_group"}
    root = Page.get_first_root_node()
    assert {codename for page, codename in page_grants(group) if page == root.pk} >= {
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
    }
    assert (Collection.get_first_root_node().name, "delete_image") in collection_grants(group)
    assert group.name == settings.LAG_STAFF_GROUP_NAME


def test_a_stray_permission_given_to_a_member_role_is_removed_again(approving_member):
    member = approving_member
    root = Page.get_first_root_node()
    GroupPagePermission.objects.create(
        group=member.editors_group,
        page=root,
        permission=GroupPagePermission._meta.get_field("permission").related_model.objects.get(
            codename="publish_page"
        ),
    )
    member.editors_group.permissions.add(
        Group.permissions.field.related_model.objects.get(codename="delete_member")
    )
    report = provision_member(Member.objects.get(pk=member.pk))
    assert report.changed
    assert codenames(member.editors_group) == MEMBER_MODEL_PERMISSIONS
    assert "publish_page" not in {codename for _p, codename in page_grants(member.editors_group)}


def test_deactivation_withdraws_and_reactivation_returns_every_permission(approving_member):
    member = approving_member
    before = [
        (codenames(group), page_grants(group), collection_grants(group))
        for group in (member.editors_group, member.approvers_group)
    ]
    set_member_active(member, False)
    for group in (member.editors_group, member.approvers_group):
        assert codenames(group) == set()
        assert page_grants(group) == set()
        assert collection_grants(group) == set()
    set_member_active(Member.objects.get(pk=member.pk), True)
    member = Member.objects.get(pk=member.pk)
    after = [
        (codenames(group), page_grants(group), collection_grants(group))
        for group in (member.editors_group, member.approvers_group)
    ]
    assert after == before


def test_provisioning_an_inactive_member_twice_changes_nothing(approving_member):
    set_member_active(approving_member, False)
    assert provision_member(Member.objects.get(pk=approving_member.pk)).is_noop


def test_an_editor_of_a_member_can_reach_the_admin(approving_member):
    editor = make_user("schreibt", approving_member.editors_group)
    assert editor.has_perm("wagtailadmin.access_admin")
    assert not editor.has_perm("wagtailcore.publish_page")
