"""System checks for the settings the approval of translations relies on, and for the snippet
editor that member-owned snippets in a workflow need.

With wagtail-localize's defaults an editor without publish permission can publish a translation
(see docs/editorial-workflow.md); these settings close that path, so a deployment that changes
them must not start unnoticed."""

from django.apps import apps
from django.conf import settings
from django.core import checks
from wagtail.models import Page, WorkflowMixin
from wagtail.snippets.models import get_snippet_models

from tenancy.registry import member_owned_models

from .snippets import ReviewedSnippetEditView


@checks.register()
def translations_pass_the_workflow(app_configs, **kwargs):
    errors = []
    if getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True):
        errors.append(
            checks.Error(
                "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE must be False.",
                hint="Otherwise translating a live page publishes the translation at once, "
                "without the member's workflow.",
                id="editorial.E001",
            )
        )
    if getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced") != "simple":
        errors.append(
            checks.Error(
                'WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE must be "simple".',
                hint="The synced translation editor cannot submit a translation to a workflow.",
                id="editorial.E002",
            )
        )
    for model in apps.get_models():
        if (
            issubclass(model, Page)
            and getattr(model, "localize_default_translation_mode", "simple") != "simple"
        ):
            errors.append(
                checks.Error(
                    f"{model._meta.label} sets localize_default_translation_mode to "
                    f"{model.localize_default_translation_mode!r}.",
                    hint="Translations of member pages must be edited in the normal editor.",
                    obj=model,
                    id="editorial.E003",
                )
            )
    if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        errors.append(
            checks.Error(
                "WAGTAIL_WORKFLOW_ENABLED must be True: member content is approved by the LAG.",
                id="editorial.E004",
            )
        )
    return errors


@checks.register()
def snippets_in_the_workflow_use_the_reviewed_editor(app_configs, **kwargs):
    """Member-owned snippets with a workflow need the editor that does not restart the workflow
    on every approval (``editorial.snippets.ReviewedSnippetEditView``)."""
    errors = []
    snippets = set(get_snippet_models())
    for model in member_owned_models():
        if model not in snippets or not issubclass(model, WorkflowMixin):
            continue
        edit_view = getattr(model.snippet_viewset, "edit_view_class", None)
        if not (isinstance(edit_view, type) and issubclass(edit_view, ReviewedSnippetEditView)):
            errors.append(
                checks.Error(
                    f"{model._meta.label} passes the workflow but its snippet viewset does not "
                    "use editorial.snippets.ReviewedSnippetEditView.",
                    hint="Set edit_view_class = ReviewedSnippetEditView on its viewset; "
                    "otherwise every approval from the editor restarts the workflow.",
                    obj=model,
                    id="editorial.E005",
                )
            )
    return errors
