from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import published

from .hosts import clear_host_cache
from .models import Member, MemberSiteSettings, NetworkSettings, clear_network_settings_cache


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=Member)
@receiver(post_delete, sender=Member)
def forget_hosts(**kwargs):
    clear_host_cache()


@receiver(published, sender=MemberSiteSettings)
def apply_published_site_settings(sender, instance, **kwargs):
    """Approved (published) site settings of a member become what readers get."""
    instance.apply_to_site()


@receiver(post_save, sender=NetworkSettings)
def forget_network_settings(**kwargs):
    clear_network_settings_cache()
