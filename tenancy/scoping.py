"""Who belongs to which member, and what a member's people may see: the questions every scoped
view, hook and policy asks.

Network staff (superusers and the LAG's editorial staff) see everything. Everybody else is a
*member role*: they see the objects of the active members whose groups they belong to, and
nothing else. Answers are remembered on the user object, which lives for one request.
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

REQUEST_CACHE_ATTR = "_tenancy_member_ids"
_HOME_PATHS_ATTR = "_tenancy_home_paths"
_SITE_IDS_ATTR = "_tenancy_site_ids"
_COLLECTION_IDS_ATTR = "_tenancy_collection_ids"


def _is_active_user(user):
    return bool(user and user.is_authenticated and user.is_active)


def is_network_staff(user):
    """Superusers and the LAG's editorial staff see every member."""
    if not _is_active_user(user):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_tenancy_is_staff", None)
    if cached is None:
        cached = user.groups.filter(name=settings.LAG_STAFF_GROUP_NAME).exists()
        user._tenancy_is_staff = cached
    return cached


def is_member_role(user):
    """A signed-in user who is not network staff: everything they see is scoped."""
    return _is_active_user(user) and not is_network_staff(user)


def member_ids_for_user(user):
    """Ids of the active members whose groups the user belongs to (cached on the user)."""
    if not _is_active_user(user):
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


def approver_member_ids_for_user(user):
    """Ids of the active members for which the user holds the "Freigabe" role."""
    from microsites.models import Member

    if not _is_active_user(user):
        return frozenset()
    return frozenset(
        Member.objects.filter(active=True, approvers_group__user=user).values_list("pk", flat=True)
    )


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


# --- Sites and pages ------------------------------------------------------------------------


def member_site_ids(user):
    """Ids of the sites of the user's members (cached on the user)."""
    cached = getattr(user, _SITE_IDS_ATTR, None)
    if cached is None:
        from microsites.models import Member

        cached = frozenset(
            Member.objects.filter(pk__in=member_ids_for_user(user), site__isnull=False).values_list(
                "site_id", flat=True
            )
        )
        if _is_active_user(user):
            setattr(user, _SITE_IDS_ATTR, cached)
    return cached


def member_home_paths(user):
    """Tree paths of the home pages (every language) of the user's members."""
    cached = getattr(user, _HOME_PATHS_ATTR, None)
    if cached is None:
        from wagtail.models import Page, Site

        keys = Site.objects.filter(pk__in=member_site_ids(user)).values_list(
            "root_page__translation_key", flat=True
        )
        cached = tuple(
            Page.objects.filter(depth=2, translation_key__in=list(keys))
            .order_by("path")
            .values_list("path", flat=True)
        )
        if _is_active_user(user):
            setattr(user, _HOME_PATHS_ATTR, cached)
    return cached


def pages_q(user, prefix=""):
    """A ``Q`` matching the pages in the user's member sites (all languages)."""
    paths = member_home_paths(user)
    if not paths:
        return Q(**{f"{prefix}pk__in": []})
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in paths))


def scope_pages(queryset, user, prefix=""):
    """Restrict a page queryset (or a queryset related to pages via ``prefix``) to the user's
    member sites; unchanged for network staff."""
    if is_network_staff(user):
        return queryset
    return queryset.filter(pages_q(user, prefix))


# --- Collections ------------------------------------------------------------------------------


def member_collection_ids(user, include_shared=True):
    """The user's members' collections (with their sub-collections) and the shared one."""
    cached = getattr(user, _COLLECTION_IDS_ATTR, None)
    if cached is None:
        from wagtail.models import Collection

        from microsites.models import Member

        roots = list(
            Collection.objects.filter(
                pk__in=Member.objects.filter(pk__in=member_ids_for_user(user)).values(
                    "collection_id"
                )
            )
        )
        own = set()
        for root in roots:
            own.update(root.get_descendants(inclusive=True).values_list("pk", flat=True))
        shared = set(
            Collection.objects.filter(name=settings.NETWORK_COLLECTION_NAME, depth=2).values_list(
                "pk", flat=True
            )
        )
        cached = (frozenset(own), frozenset(shared))
        if _is_active_user(user):
            setattr(user, _COLLECTION_IDS_ATTR, cached)
    own, shared = cached
    return own | shared if include_shared else own


# --- People -----------------------------------------------------------------------------------


def member_group_ids(member_ids):
    from microsites.models import Member

    ids = set()
    for editors, approvers in Member.objects.filter(pk__in=member_ids).values_list(
        "editors_group_id", "approvers_group_id"
    ):
        ids.update(pk for pk in (editors, approvers) if pk)
    return ids


def visible_users(user):
    """People a member role may see named in filters and lists: the users of their own members
    and the LAG's editorial staff (who review their work)."""
    User = get_user_model()
    if is_network_staff(user):
        return User._default_manager.all()
    groups = member_group_ids(member_ids_for_user(user))
    return User._default_manager.filter(
        Q(groups__in=groups) | Q(groups__name=settings.LAG_STAFF_GROUP_NAME) | Q(pk=user.pk)
    ).distinct()
