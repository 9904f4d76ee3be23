"""Images and documents in live use keep what readers see until a change is approved.

Wagtail has no drafts for media: replacing the file of an image or document, or changing its
title or alternative text, changes every live page, offer and download that uses it at once.
For member roles the edit forms (``WAGTAILIMAGES_IMAGE_FORM_BASE``,
``WAGTAILDOCS_DOCUMENT_FORM_BASE``) therefore refuse such changes while the image or document is
in live use; the way to change what readers see is to upload a new one and choose it on the
page or offer, which then passes the workflow. LAG staff (who approve) may change them directly.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import DraftStateMixin, Page, ReferenceIndex

from core.images import ReadableImageForm
from microsites.models import Member, MemberSiteSettings, SiteSettings
from tenancy.scoping import is_network_staff

# What readers get from an image or document: its file, its title (link text of downloads, alt
# text fallback), its alternative text and its focal point (the crop of every rendition).
IMAGE_LOCKED_FIELDS = ("file", "title", "description", "focal_point_x", "focal_point_y")
DOCUMENT_LOCKED_FIELDS = ("file", "title")

LOCKED_MESSAGE = _(
    "Dies wird gerade auf der veröffentlichten Website verwendet und kann deshalb nicht direkt "
    "geändert werden: Leser*innen würden die Änderung sofort ohne Freigabe sehen. Laden Sie "
    "stattdessen eine neue Datei hoch und wählen Sie sie auf der Seite oder im Angebot aus – "
    "diese Änderung geht dann wie gewohnt in die Freigabe."
)


def _logo_in_use(obj):
    """Images shown as a logo of a site or member (settings are not drafts)."""
    if not hasattr(obj, "get_rendition"):
        return False
    return (
        SiteSettings.objects.filter(logo=obj).exists()
        or Member.objects.filter(logo=obj).exists()
        or MemberSiteSettings.objects.filter(logo=obj, live=True).exists()
    )


def in_live_use(obj):
    """True if a live page, a live snippet or any object without drafts refers to ``obj``
    (Wagtail's reference index records the current content of each object)."""
    if obj.pk is None:
        return False
    if _logo_in_use(obj):
        return True
    sources = (
        ReferenceIndex.get_references_to(obj)
        .values_list("base_content_type_id", "object_id")
        .distinct()
    )
    by_type = {}
    for content_type_id, object_id in sources:
        by_type.setdefault(content_type_id, set()).add(object_id)
    for content_type_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            if Page.objects.filter(pk__in=object_ids, live=True).exists():
                return True
        elif issubclass(model, DraftStateMixin):
            if model._default_manager.filter(pk__in=object_ids, live=True).exists():
                return True
        else:
            return True
    return False


class LiveUseLockMixin:
    """Refuses changes to the reader-visible fields of an object in live use by member roles."""

    locked_fields = ()

    def __init__(self, *args, **kwargs):
        self.for_user = kwargs.get("user")
        super().__init__(*args, **kwargs)

    def is_locked(self):
        if self.instance.pk is None or self.for_user is None:
            return False
        if is_network_staff(self.for_user):
            return False
        if not hasattr(self, "_live_use"):
            self._live_use = in_live_use(self.instance)
        return self._live_use

    def clean(self):
        cleaned_data = super().clean()
        changed = [name for name in self.locked_fields if name in self.changed_data]
        if changed and self.is_locked():
            visible = [name for name in changed if not self.fields[name].widget.is_hidden]
            # The focal point has no visible field: its message goes above the form.
            for name in visible or [None]:
                self.add_error(name, ValidationError(LOCKED_MESSAGE, code="in_live_use"))
        return cleaned_data


class ImageForm(LiveUseLockMixin, ReadableImageForm):
    locked_fields = IMAGE_LOCKED_FIELDS


class DocumentForm(LiveUseLockMixin, BaseDocumentForm):
    locked_fields = DOCUMENT_LOCKED_FIELDS
