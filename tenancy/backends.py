from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group
from django.db.models import Q


def works_only_for_inactive_members(user):
    """True when every group of ``user`` is a role of a deactivated member."""
    if user.is_superuser:
        return False
    groups = user.groups.all()
    inactive = Group.objects.filter(
        Q(member_as_editors__active=False) | Q(member_as_approvers__active=False)
    )
    return groups.exists() and not groups.exclude(pk__in=inactive).exists()


class MemberAccessBackend(ModelBackend):
    """Django's model backend, closed to people who work only for deactivated members.

    Their accounts stay (reactivating the member lets them in again); they can neither sign in
    nor keep using a session that was open when the member was deactivated, because Django
    asks the backend again for the user of every session."""

    def user_can_authenticate(self, user):
        return super().user_can_authenticate(user) and not works_only_for_inactive_members(user)
