"""provision_member creates everything a member needs, idempotently and atomically."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail import hooks
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    PageLogEntry,
    Revision,
    Site,
    WorkflowPage,
)

from districts.models import District
from microsites.models import Member, MemberSiteSettings, MicrositeHomePage, SiteSettings
from microsites.provisioning import ProvisioningError, provision_member, provision_network

from .factories import homes_of, make_member

# Provisioning itself is the subject: the network and members are built inside each test.
pytestmark = [pytest.mark.fresh_provisioning, pytest.mark.engine_sensitive]

EXPECTED_CHILDREN = {
    "de": [
        "aktuelles",
        "kontakt",
        "impressum",
        "datenschutz",
        "barrierefreiheit",
        "angebote",
        "veranstaltungen",
        "materialien",
    ],
    "en": [
        "news",
        "contact",
        "legal-notice",
        "privacy",
        "accessibility",
        "offers",
        "events",
        "materials",
    ],
}


def snapshot():
    """Counts of everything provisioning touches."""
    models = [
        Member,
        Page,
        Revision,
        Site,
        SiteSettings,
        Group,
        Collection,
        GroupPagePermission,
        GroupCollectionPermission,
        GroupSitePermission,
        WorkflowPage,
        PageLogEntry,
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    counts["group_permissions"] = sum(g.permissions.count() for g in Group.objects.all())
    return counts


def test_member_gets_site_home_pages_and_default_children(member):
    site = Site.objects.get(hostname="queer-vogtland.localhost")
    assert member.site == site
    homes = homes_of(member)
    assert set(homes) == {"de", "en"}
    assert all(isinstance(home, MicrositeHomePage) for home in homes.values())
    assert site.root_page_id == homes["de"].pk
    assert homes["en"].translation_key == homes["de"].translation_key
    for code, slugs in EXPECTED_CHILDREN.items():
        children = list(homes[code].get_children().values_list("slug", "live"))
        # The built-in pages come first; apps add theirs after them (register_default_pages).
        assert [slug for slug, _live in children] == slugs
        live = dict(children)
        assert live[slugs[0]] and live[slugs[1]], "news and contact are live"
        assert not any(live[slug] for slug in slugs[2:5]), "legal pages start as drafts"
        assert live[slugs[5]] and live[slugs[6]], (
            "the directory of offers and the calendar are live"
        )
        assert not live[slugs[7]], "materials start as a draft until they list something"


def test_member_gets_collection_groups_permissions_settings_and_workflow(member):
    homes = homes_of(member)
    assert member.collection.name == member.name
    assert member.editors_group.name.endswith("Redaktion")
    assert member.approvers_group.name.endswith("Freigabe")
    editor_perms = set(
        GroupPagePermission.objects.filter(group=member.editors_group).values_list(
            "page_id", "permission__codename"
        )
    )
    for home in homes.values():
        assert (home.pk, "add_page") in editor_perms
        assert (home.pk, "change_page") in editor_perms
    assert not any(codename == "publish_page" for _pk, codename in editor_perms)
    approver_codenames = set(
        GroupPagePermission.objects.filter(group=member.approvers_group).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" not in approver_codenames
    assert GroupCollectionPermission.objects.filter(
        group=member.editors_group, collection=member.collection, permission__codename="add_image"
    ).exists()
    # Site settings change as drafts with approval, not through Wagtail's settings form.
    assert not GroupSitePermission.objects.filter(group=member.editors_group).exists()
    assert SiteSettings.objects.get(site=member.site).site_name == member.name
    draftable = MemberSiteSettings.objects.get(member=member)
    assert draftable.live and draftable.site_name == member.name
    assert not member.legal_pages_live, "the legal pages are drafts: the site is not public"
    assert {wp.page_id for wp in WorkflowPage.objects.filter(workflow=member.workflow)} == {
        home.pk for home in homes.values()
    }
    task_names = [t.name for t in member.workflow.tasks]
    assert task_names == ["Freigabe durch die LAG"]


def test_member_approval_step_is_added_when_requested(network):
    member = make_member("mit-freigabe", requires_member_approval=True)
    tasks = list(member.workflow.tasks.specific())
    assert [t.name for t in tasks] == [
        "Freigabe im Verein: Verein mit-freigabe",
        "Freigabe durch die LAG",
    ]
    assert list(tasks[0].groups.all()) == [member.approvers_group]


def test_provisioning_twice_changes_nothing(member):
    before = snapshot()
    report = provision_member(Member.objects.get(pk=member.pk))
    assert report.is_noop, report
    assert snapshot() == before


def test_provisioning_repairs_a_removed_part(member):
    homes = homes_of(member)
    homes["en"].get_children().get(slug="contact").delete()
    member.editors_group.permissions.clear()
    report = provision_member(Member.objects.get(pk=member.pk))
    assert not report.is_noop
    assert homes["en"].get_children().filter(slug="contact").exists()
    assert member.editors_group.permissions.filter(codename="access_admin").exists()
    assert provision_member(Member.objects.get(pk=member.pk)).is_noop


def test_provision_network_twice_changes_nothing(network):
    before = snapshot()
    assert provision_network().is_noop
    assert snapshot() == before


def test_command_creates_member_and_is_idempotent(network, capsys):
    args = [
        "queer-nord",
        "--name",
        "Queer Nordsachsen e. V.",
        "--district",
        "14730",
        "--town",
        "Torgau",
    ]
    call_command("provision_member", *args)
    before = snapshot()
    call_command("provision_member", *args)
    assert snapshot() == before
    assert "nichts zu tun" in capsys.readouterr().out
    assert Site.objects.filter(hostname="queer-nord.localhost").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [
                "queer-vogtland",
                "--name",
                "Ganz anderer Verein",
                "--district",
                "14523",
                "--town",
                "Plauen",
            ],
            "gehört bereits",
        ),
        (
            ["neu", "--name", "Neu e. V.", "--district", "99999", "--town", "Irgendwo"],
            "Unbekannter Kreis 99999",
        ),
        (
            [
                "neu",
                "--name",
                "Neu e. V.",
                "--district",
                "14523",
                "--town",
                "Plauen",
                "--custom-domain",
                "http://x/",
            ],
            "gültigen Domainnamen",
        ),
        (
            ["Neu Verein", "--name", "Neu e. V.", "--district", "14523", "--town", "Plauen"],
            "Kleinbuchstaben",
        ),
        (["admin", "--name", "Neu e. V.", "--district", "14523", "--town", "Plauen"], "reserviert"),
        (["neu", "--district", "14523"], "--name"),
    ],
)
def test_command_rejects_bad_arguments_and_changes_nothing(member, args, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        call_command("provision_member", *args)
    assert snapshot() == before


def test_hostname_already_served_by_another_site_is_rejected(member):
    clash = Member(
        slug="anders",
        name="Anders e. V.",
        short_name="Anders",
        custom_domain="queer-vogtland.localhost",
        district=District.objects.get(ars="14612"),
        town="Dresden",
    )
    before = snapshot()
    with pytest.raises(ProvisioningError, match="bereits von einer anderen Website"):
        provision_member(clash)
    assert snapshot() == before


def test_failure_midway_rolls_back_everything(network):
    before = snapshot()

    def explode(member, report):
        raise RuntimeError("disk full")

    with hooks.register_temporarily("provision_member", explode), pytest.raises(RuntimeError):
        make_member("halb-fertig")
    assert snapshot() == before
    assert not Member.objects.filter(slug="halb-fertig").exists()
