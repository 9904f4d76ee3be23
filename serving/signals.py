"""When what readers see changes, forget it in the caches (``serving.tags.invalidate``).

Wagtail's frontend cache app purges the URL of a page on publish and unpublish itself; these
receivers forget the lists around it by tag: the page's site (navigation, indexes, home page,
language switcher of the translations) and the network (the umbrella site's lists and the
network search show every member's content). Snippets with a live state (offers), members,
site settings and the LAG's withdrawals from the network do the same."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from editorial.models import NetworkWithdrawal
from microsites.models import Member, SiteSettings

from .tags import NETWORK, invalidate, site_ids_for_page, site_tag


def page_tags(page):
    return [NETWORK, *(site_tag(site_id) for site_id in site_ids_for_page(page))]


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    invalidate(page_tags(instance))


@receiver(post_page_move)
def page_moved(sender, instance, url_path_before="", **kwargs):
    tags = page_tags(instance)
    if url_path_before:  # the old place may have been on another site
        old = Page(url_path=url_path_before)
        tags += [site_tag(site_id) for site_id in site_ids_for_page(old)]
    invalidate(tags)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate(page_tags(instance))


def _member_tags(member_id):
    site_id = (
        Member.objects.filter(pk=member_id).values_list("site_id", flat=True).first()
        if member_id
        else None
    )
    return [NETWORK, site_tag(site_id) if site_id else None]


@receiver(published)
@receiver(unpublished)
def snippet_published(sender, instance, **kwargs):
    """Offers and any other member-owned model with a live state."""
    if isinstance(instance, Page):
        return  # handled above
    invalidate(_member_tags(getattr(instance, "member_id", None)))


@receiver(post_delete)
def snippet_deleted(sender, instance, **kwargs):
    if (
        not isinstance(instance, Page)
        and getattr(instance, "live", False)
        and hasattr(instance, "member_id")
    ):
        invalidate(_member_tags(instance.member_id))


@receiver(post_save, sender=Member)
@receiver(post_delete, sender=Member)
def member_changed(sender, instance, **kwargs):
    invalidate([NETWORK, site_tag(instance.site_id) if instance.site_id else None])


@receiver(post_save, sender=SiteSettings)
def site_settings_changed(sender, instance, **kwargs):
    # A member's branding shows on its site; the network lists show members' names and logos.
    invalidate([NETWORK, site_tag(instance.site_id)])


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, instance, **kwargs):
    invalidate([NETWORK, site_tag(instance.pk)])


@receiver(post_save, sender=NetworkWithdrawal)
@receiver(post_delete, sender=NetworkWithdrawal)
def withdrawal_changed(sender, instance, **kwargs):
    invalidate([NETWORK])
