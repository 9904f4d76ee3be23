from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site

from .hosts import clear_host_cache
from .models import Member


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Member)
@receiver(post_delete, sender=Member)
def forget_hosts(**kwargs):
    clear_host_cache()
