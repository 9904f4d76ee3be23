"""System checks for the settings the approval of translations relies on.

With wagtail-localize's defaults an editor without publish permission can publish a translation
(see docs/editorial-workflow.md); these settings close that path, so a deployment that changes
them must not start unnoticed."""

from django.apps import apps
from django.conf import settings
from django.core import checks
from wagtail.models import Page


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
