"""A model with a member foreign key is scoped automatically, and the system check fails when
one is registered without the tenancy mechanism."""

from django.core.management import call_command
from django.db import models
from django.test.utils import isolate_apps
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import StandardPage
from microsites.models import Member
from tenancy.checks import check_member_owned_models
from tenancy.models import MemberOwnedModel
from tenancy.permissions import MemberOwnedPermissionPolicy
from tenancy.registry import member_owned_models
from tenancy.viewsets import (
    MemberOwnedChooserViewSet,
    MemberOwnedModelViewSet,
    MemberOwnedSnippetViewSet,
    TenancyPageViewSet,
)
from tests.tenancy_app.models import MemberNote


def error_ids(errors):
    return sorted(error.id for error in errors)


def test_the_project_passes_the_tenancy_check():
    assert check_member_owned_models() == []
    call_command("check", "--tag", "tenancy")


def test_every_member_owned_model_gets_the_member_owned_policy():
    assert MemberNote in member_owned_models()
    assert isinstance(policy_registry.get_by_type(MemberNote), MemberOwnedPermissionPolicy)


def test_member_owned_snippets_are_registered_through_the_member_owned_viewsets():
    assert isinstance(MemberNote.snippet_viewset, MemberOwnedSnippetViewSet)
    assert isinstance(MemberNote.snippet_viewset.chooser_viewset, MemberOwnedChooserViewSet)


@isolate_apps("tests.tenancy_app")
def test_a_member_foreign_key_without_member_owned_model_fails_the_check():
    class Flyer(models.Model):  # noqa: DJ008
        title = models.CharField(max_length=100)
        verein = models.ForeignKey(Member, on_delete=models.CASCADE)

        class Meta:
            app_label = "tenancy_testapp"

    errors = check_member_owned_models(models=[Flyer], registered_viewsets=[])
    assert error_ids(errors) == ["tenancy.E001"]
    assert "verein" in errors[0].msg


@isolate_apps("tests.tenancy_app")
def test_a_member_one_to_one_field_counts_as_member_owned_too():
    class Profile(models.Model):  # noqa: DJ008
        member = models.OneToOneField(Member, on_delete=models.CASCADE)

        class Meta:
            app_label = "tenancy_testapp"

    assert error_ids(check_member_owned_models(models=[Profile], registered_viewsets=[])) == [
        "tenancy.E001"
    ]


def test_a_member_owned_model_with_a_plain_snippet_viewset_fails_the_check():
    plain = SnippetViewSet(model=MemberNote)
    errors = check_member_owned_models(models=[MemberNote], registered_viewsets=[plain])
    assert error_ids(errors) == ["tenancy.E003"]


def test_a_member_owned_model_with_a_plain_model_viewset_or_chooser_fails_the_check():
    viewsets = [ModelViewSet("notes", model=MemberNote), ChooserViewSet("notes", model=MemberNote)]
    errors = check_member_owned_models(models=[MemberNote], registered_viewsets=viewsets)
    assert error_ids(errors) == ["tenancy.E003", "tenancy.E003"]


def test_the_member_owned_viewsets_pass_the_check():
    viewsets = [
        MemberOwnedSnippetViewSet(model=MemberNote),
        MemberOwnedModelViewSet("notes", model=MemberNote),
        MemberOwnedChooserViewSet("notes", model=MemberNote),
    ]
    assert check_member_owned_models(models=[MemberNote], registered_viewsets=viewsets) == []


def test_a_member_owned_model_with_another_permission_policy_fails_the_check():
    from wagtail.permission_policies import ModelPermissionPolicy
    from wagtail.permissions import register_permission_policy

    original = policy_registry.get_by_type(MemberNote)
    register_permission_policy(MemberNote, ModelPermissionPolicy(MemberNote), exact_class=True)
    try:
        errors = check_member_owned_models(models=[MemberNote], registered_viewsets=[])
    finally:
        register_permission_policy(MemberNote, original, exact_class=True)
    assert error_ids(errors) == ["tenancy.E002"]


def test_a_custom_page_viewset_must_build_on_the_tenancy_page_viewset():
    class StandardPageViewSet(PageViewSet):
        model = StandardPage

    class ScopedStandardPageViewSet(TenancyPageViewSet):
        model = StandardPage

    errors = check_member_owned_models(models=[], registered_viewsets=[StandardPageViewSet()])
    assert error_ids(errors) == ["tenancy.E004"]
    assert (
        check_member_owned_models(models=[], registered_viewsets=[ScopedStandardPageViewSet()])
        == []
    )


def test_models_without_a_member_foreign_key_are_not_affected():
    assert check_member_owned_models(models=[StandardPage], registered_viewsets=[]) == []


def test_member_owned_model_is_abstract_and_brings_the_member_field():
    assert MemberOwnedModel._meta.abstract
    assert MemberNote._meta.get_field("member").related_model._meta.label == "microsites.Member"


@isolate_apps("tests.tenancy_app")
def test_a_searchable_member_owned_model_must_be_filterable_by_member():
    from wagtail.search import index

    class Leaflet(index.Indexed, MemberOwnedModel):  # noqa: DJ008
        title = models.CharField(max_length=100)
        search_fields = [index.SearchField("title")]

        class Meta:
            app_label = "tenancy_testapp"

    class Poster(index.Indexed, MemberOwnedModel):  # noqa: DJ008
        title = models.CharField(max_length=100)
        search_fields = [*MemberOwnedModel.search_fields, index.SearchField("title")]

        class Meta:
            app_label = "tenancy_testapp"

    assert error_ids(check_member_owned_models(models=[Leaflet], registered_viewsets=[])) == [
        "tenancy.E005"
    ]
    # (Poster's policy is registered at start-up only, so the check names that instead.)
    assert "tenancy.E005" not in error_ids(
        check_member_owned_models(models=[Poster], registered_viewsets=[])
    )
