"""The one mechanism that makes a model member-owned (see docs/tenancy.md).

A model that belongs to a member inherits ``MemberOwnedModel``. That gives it the ``member``
foreign key, and at start-up a ``MemberOwnedPermissionPolicy`` is registered for it, so
Wagtail's views, choosers and the API only ever hand a member's users their own objects.
Its admin is a ``MemberOwnedSnippetViewSet`` (see ``tenancy.viewsets``).
"""

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class MemberOwnedModel(models.Model):
    member = models.ForeignKey(
        "microsites.Member",
        verbose_name=_("Mitgliedsorganisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    # Searchable subclasses extend these: admin searches are filtered by member.
    search_fields = [index.FilterField("member")]

    class Meta:
        abstract = True


class TeamMember(get_user_model()):
    """A person working for a member, as the member's "Freigabe" role manages them.

    A proxy of the user model with its own permissions and permission policy, so that member
    self-administration (tenancy.team) never goes through Wagtail's user administration,
    which can create administrators and assign any group."""

    class Meta:
        proxy = True
        verbose_name = _("Person im Team")
        verbose_name_plural = _("Team")
