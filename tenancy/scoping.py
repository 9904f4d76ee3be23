"""Who belongs to which member: the questions every scoped view asks."""

from django.conf import settings
from django.db.models import Q

REQUEST_CACHE_ATTR = "_tenancy_member_ids"


def is_network_staff(user):
    """Superusers and the LAG's editorial staff see every member."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_tenancy_is_staff", None)
    if cached is None:
        cached = user.groups.filter(name=settings.LAG_STAFF_GROUP_NAME).exists()
        user._tenancy_is_staff = cached
    return cached


def member_ids_for_user(user):
    """Ids of the active members whose groups the user belongs to (cached on the user)."""
    if not (user and user.is_authenticated and user.is_active):
        return frozenset()
    cached = getattr(user, REQUEST_CACHE_ATTR, None)
    if cached is None:
        from microsites.models import Member

        cached = frozenset(
            Member.objects.filter(active=True)
            .filter(Q(editors_group__user=user) | Q(approvers_group__user=user))
            .values_list("pk", flat=True)
        )
        setattr(user, REQUEST_CACHE_ATTR, cached)
    return cached


def members_for_user(user):
    """The members a user may work for: all of them for network staff."""
    from microsites.models import Member

    if is_network_staff(user):
        return Member.objects.all()
    return Member.objects.filter(pk__in=member_ids_for_user(user))


def scope_to_user(queryset, user, member_field="member"):
    """Restrict a queryset of member-owned objects to what ``user`` may see."""
    if is_network_staff(user):
        return queryset
    return queryset.filter(**{f"{member_field}__in": member_ids_for_user(user)})
