"""Which member content appears in the umbrella site's network lists.

Any page type that inherits ``home.models.SyndicatedPageMixin`` (news, events, …) takes part:
members mark an item "auch im Netzwerk zeigen", the LAG approves it through the member's workflow,
and from the moment it is live the umbrella site lists it, linking to the member's page. The lists
are queries over the members' live pages, never copies, so unpublishing or deleting the original
removes the item at once. The LAG can withdraw an item (``withdraw``) without touching the
member's page.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from .members import member_home_paths, members_by_root_path, root_path, root_path_expression
from .models import NetworkWithdrawal

NETWORK_ROOT_ANNOTATION = "_network_root_path"
NETWORK_HOME_KEY_ANNOTATION = "_network_home_key"

LOG_ADDED = "editorial.network.add"
LOG_REMOVED = "editorial.network.remove"
LOG_WITHDRAWN = "editorial.network.withdraw"
LOG_RESTORED = "editorial.network.restore"


def syndicated_models():
    """Every concrete page type that can be shown in the network lists."""
    from home.models import SyndicatedPageMixin

    return [
        model
        for model in apps.get_models()
        if issubclass(model, SyndicatedPageMixin)
        and issubclass(model, Page)
        and not model._meta.abstract
    ]


def _annotated(queryset):
    """Add the path and translation key of each page's home page (which identify its member)."""
    if NETWORK_ROOT_ANNOTATION in queryset.query.annotations:
        return queryset
    home = Page.objects.filter(path=root_path_expression(OuterRef("path")))
    return queryset.annotate(
        **{
            NETWORK_ROOT_ANNOTATION: root_path_expression(),
            NETWORK_HOME_KEY_ANNOTATION: Subquery(home.values("translation_key")[:1]),
        }
    )


def network_q(model, *, respect_withdrawals=True):
    """Q for the syndicated member pages of ``model``; needs ``_annotated`` on the queryset.

    Shown are pages that are marked "auch im Netzwerk zeigen", belong to an active member, were
    not withdrawn by the LAG, and – for translations – whose original (the version in the
    default language, where it exists) is live and marked too: removing the mark from the
    original takes every language version out of the network."""
    original_not_shown = model.objects.filter(
        translation_key=OuterRef("translation_key"),
        locale__language_code=settings.LANGUAGE_CODE,
    ).exclude(live=True, show_in_network=True)
    query = (
        Q(show_in_network=True)
        & Q(**{f"{NETWORK_ROOT_ANNOTATION}__in": member_home_paths()})
        & ~Exists(original_not_shown)
    )
    if respect_withdrawals:
        query &= ~Q(translation_key__in=NetworkWithdrawal.objects.values("translation_key"))
    return query


def network_pages(queryset):
    """Narrow a queryset of a ``SyndicatedPageMixin`` page type to what the network lists show:
    live, public, marked "auch im Netzwerk zeigen", from an active member's microsite and not
    withdrawn by the LAG. Member pages only go live through the member's workflow, whose last
    step is the LAG's approval, so everything listed here has been approved by the LAG."""
    return _annotated(queryset).live().public().filter(network_q(queryset.model))


def network_listing(queryset, index):
    """The umbrella's own items below ``index`` together with the network items in the index's
    language, as one queryset (so it can be filtered, ordered and paginated in the database).
    An English list shows the English versions of network items and nothing of items that have
    no English version."""
    own = Q(path__startswith=index.path, depth=index.depth + 1)
    network = network_q(queryset.model) & Q(locale_id=index.locale_id)
    return _annotated(queryset).live().public().filter(own | network)


def _logo_renditions(size):
    """Prefetch the renditions the ``picture`` tag needs for members' logos (as Wagtail's
    ``prefetch_renditions`` does for images)."""
    from wagtail.images import get_image_model

    from home.images import specs_for

    renditions = get_image_model().get_rendition_model().objects
    return Prefetch(
        "logo__renditions",
        queryset=renditions.filter(filter_spec__in=specs_for(size)),
        to_attr="prefetched_renditions",
    )


def attach_provenance(items, *, own_root_path=None, logo_size="logo"):
    """Set ``network_member`` on every item: the member it comes from, or None for the umbrella's
    own items (those below ``own_root_path``, the home page of the list). Items from
    ``network_listing``/``network_pages`` know their home page already, so this costs one query
    for the members and one for their logos' renditions – and none if no item comes from a
    member – whatever the number of items and members."""
    from microsites.models import Member

    items = list(items)
    for item in items:
        item.network_member = None
    foreign = [
        item for item in items if own_root_path is None or root_path(item.path) != own_root_path
    ]
    if not foreign:
        return items
    members = Member.objects.select_related("site__root_page", "logo").prefetch_related(
        _logo_renditions(logo_size)
    )
    if all(hasattr(item, NETWORK_HOME_KEY_ANNOTATION) for item in foreign):
        keys = {getattr(item, NETWORK_HOME_KEY_ANNOTATION) for item in foreign}
        by_key = {
            member.site.root_page.translation_key: member
            for member in members.filter(site__root_page__translation_key__in=keys)
        }
        for item in foreign:
            item.network_member = by_key.get(getattr(item, NETWORK_HOME_KEY_ANNOTATION))
        return items
    by_path = members_by_root_path([item.path for item in foreign], member_queryset=members)
    for item in foreign:
        item.network_member = by_path.get(root_path(item.path))
    return items


def is_in_network(page):
    """Whether ``page`` is listed on the umbrella site right now."""
    model = page.specific_class
    if model is None or model not in syndicated_models():
        return False
    return network_pages(model.objects.filter(pk=page.pk)).exists()


# --- The LAG's decisions ---------------------------------------------------------------------


def _translations(page):
    return list(Page.objects.filter(translation_key=page.translation_key).order_by("pk"))


@transaction.atomic
def withdraw(page, user, reason=""):
    """Take the item (all language versions) out of the network lists; the page stays as it is."""
    from .members import member_for_page

    member = member_for_page(page)
    if member is None:
        raise ValueError("Only member pages can be withdrawn from the network.")
    withdrawal, created = NetworkWithdrawal.objects.get_or_create(
        translation_key=page.translation_key,
        defaults={"page": page, "reason": reason, "withdrawn_by": user},
    )
    if created:
        for version in _translations(page):
            log(
                instance=version.specific,
                action=LOG_WITHDRAWN,
                user=user,
                data={"reason": reason, "member": {"id": member.pk, "name": member.name}},
            )
    return withdrawal


@transaction.atomic
def restore(page, user):
    """Undo a withdrawal: the item appears in the network lists again if it still qualifies."""
    deleted, _details = NetworkWithdrawal.objects.filter(
        translation_key=page.translation_key
    ).delete()
    if deleted:
        for version in _translations(page):
            log(instance=version.specific, action=LOG_RESTORED, user=user)
    return bool(deleted)


def withdrawal_for(page):
    return NetworkWithdrawal.objects.filter(translation_key=page.translation_key).first()


# --- Audit trail -----------------------------------------------------------------------------


def last_logged_network_state(page):
    """True/False from the page's latest network log entry, None if it never was in the network."""
    action = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=[LOG_ADDED, LOG_REMOVED])
        .order_by("-timestamp", "-pk")
        .values_list("action", flat=True)
        .first()
    )
    if action is None:
        return None
    return action == LOG_ADDED


def is_offered_to_network(page):
    """Whether the member offers ``page`` to the network: live, public and marked (with its
    original), on an active member's site. A withdrawal by the LAG does not change this."""
    model = page.specific_class
    if model not in syndicated_models():
        return False
    queryset = _annotated(model.objects.filter(pk=page.pk)).live().public()
    return queryset.filter(network_q(model, respect_withdrawals=False)).exists()


def record_network_state(page, user=None, reason=""):
    """Write "now in / no longer in the network" into the history of every language version of
    ``page`` whose state changed. Called after a page was published or unpublished; the LAG's
    withdrawals are logged by ``withdraw``/``restore`` themselves."""
    if page.specific_class not in syndicated_models():
        return []
    changed = []
    for version in _translations(page):
        offered = is_offered_to_network(version)
        if offered == bool(last_logged_network_state(version)):
            continue
        action = LOG_ADDED if offered else LOG_REMOVED
        log(
            instance=version.specific,
            action=action,
            user=user,
            data={"reason": reason} if reason and not offered else None,
        )
        changed.append((version, action))
    return changed
