import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.images import get_image_model

from .images import warm_renditions

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
