"""Who may download a document.

A document in a member's collection is private to that member until a live, public page of the
network (the umbrella site or an active member's site) uses it, found through Wagtail's
reference index, which is built from the live content of pages. Until then only people who may
see the member's collection get it (the member's roles, LAG staff, administrators); everyone
else gets a 404 that does not reveal whether the document exists. Documents of the shared
network collection and of the umbrella site are public as before."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from feeds.network import NetworkScope, active_sites
from tenancy.ownership import is_visible


def owning_member(document):
    """The member whose collection (or a sub-collection of it) holds ``document``, or None."""
    from microsites.models import Member

    collection = document.collection
    ancestors = collection.get_ancestors(inclusive=True) if collection else []
    return Member.objects.filter(collection__in=list(ancestors)).first()


def used_on_public_page(document):
    referring = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(type(document)),
        to_object_id=str(document.pk),
    ).values_list("object_id", flat=True)
    ids = [int(value) for value in referring]
    if not ids:
        return False
    return NetworkScope.for_sites(active_sites()).pages().filter(pk__in=ids).exists()


def may_download(document, user):
    if owning_member(document) is None:
        return True
    if used_on_public_page(document):
        return True
    return bool(user and user.is_authenticated and is_visible(document, user))
