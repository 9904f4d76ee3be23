from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from .gate import refresh_for_page
from .models import AccessibilityStatementPage, ImprintPage, PrivacyPage

LEGAL_PAGE_MODELS = (ImprintPage, PrivacyPage, AccessibilityStatementPage)


def on_legal_page_changed(sender, instance, **kwargs):
    refresh_for_page(instance)


for _model in LEGAL_PAGE_MODELS:
    page_published.connect(
        on_legal_page_changed, sender=_model, dispatch_uid=f"legal_pub_{_model.__name__}"
    )
    page_unpublished.connect(
        on_legal_page_changed, sender=_model, dispatch_uid=f"legal_unpub_{_model.__name__}"
    )
    post_delete.connect(
        on_legal_page_changed, sender=_model, dispatch_uid=f"legal_del_{_model.__name__}"
    )


@receiver(post_page_move, dispatch_uid="legal_page_moved")
def on_page_moved(sender, instance, **kwargs):
    if isinstance(instance.specific_deferred, LEGAL_PAGE_MODELS):
        refresh_for_page(instance)
