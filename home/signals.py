import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from .images import warm_renditions
from .sanitising import clean_instance, rich_text_fields

logger = logging.getLogger(__name__)


@receiver(post_save, sender=get_image_model())
def prepare_public_renditions(sender, instance, raw=False, **kwargs):
    if raw:
        return

    def warm():
        try:
            warm_renditions(instance)
        except Exception:  # a broken upload must not break saving; the reader falls back lazily
            logger.exception("Could not prepare renditions for image %s", instance.pk)

    transaction.on_commit(warm)


@receiver(pre_save, dispatch_uid="home_clean_rich_text")
def clean_rich_text_before_saving(sender, instance, raw=False, **kwargs):
    """Every rich text field and rich text block is cleaned before it is stored, whichever door
    it came through (the editor already stores clean HTML; translations and code may not)."""
    if raw or not rich_text_fields(sender):
        return
    clean_instance(instance)
