from django.db import models
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from tenancy.models import MemberOwnedModel


class MemberNote(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    MemberOwnedModel,
):
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True)

    search_fields = [
        *MemberOwnedModel.search_fields,
        index.SearchField("title"),
        index.AutocompleteField("title"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = "Notiz"
        verbose_name_plural = "Notizen"

    def __str__(self):
        return self.title

    def get_preview_template(self, request, mode_name):
        return "tenancy_app/member_note.html"
