"""The one mechanism that makes a model member-owned (see docs/tenancy.md).

A model that belongs to a member inherits ``MemberOwnedModel``. That gives it the ``member``
foreign key, and at start-up a ``MemberOwnedPermissionPolicy`` is registered for it, so
Wagtail's views, choosers and the API only ever hand a member's users their own objects.
Its admin is a ``MemberOwnedSnippetViewSet`` (see ``tenancy.viewsets``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberOwnedModel(models.Model):
    member = models.ForeignKey(
        "microsites.Member",
        verbose_name=_("Mitgliedsorganisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True
