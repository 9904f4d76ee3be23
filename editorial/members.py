"""Which member a page belongs to, answered in a fixed number of queries.

A member's microsite has one home page per language; all of them are children of the tree root
(depth 2) and share the translation key of the site's root page. Every page of the member lies
below one of those home pages, so the first ``2 × steplen`` characters of a page's tree path
identify its home page and thereby its member."""

from django.db.models import Q
from django.db.models.functions import Substr
from wagtail.models import Page

ROOT_PATH_LENGTH = Page.steplen * 2


def root_path(path):
    """The tree path of the home page (depth 2) above the page with this path."""
    return path[:ROOT_PATH_LENGTH]


def root_path_expression(field="path"):
    """SQL for ``root_path``; ``field`` may also be an expression such as ``OuterRef("path")``."""
    return Substr(field, 1, ROOT_PATH_LENGTH)


def member_home_paths(members=None, *, active_only=True):
    """A subquery of the tree paths of member home pages (all languages); by default only of
    public members (active, Impressum and Datenschutzerklärung live)."""
    from microsites.models import Member

    if members is None:
        members = Member.objects.all()
    if active_only:
        members = members.public()
    keys = members.filter(site__isnull=False).values("site__root_page__translation_key")
    return Page.objects.filter(depth=2, translation_key__in=keys).values("path")


def member_tree_q(member, field="path"):
    """Q matching the pages (all languages) of one member's microsite (one query)."""
    root_key = Page.objects.filter(sites_rooted_here__member=member).values("translation_key")
    paths = list(
        Page.objects.filter(depth=2, translation_key__in=root_key)
        .order_by()
        .values_list("path", flat=True)
    )
    if not paths:
        return Q(pk__in=[])
    query = Q()
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def members_by_root_path(paths, *, member_queryset=None):
    """{home page path: Member} for the given page paths, in two queries."""
    from microsites.models import Member

    roots = {root_path(path) for path in paths if path}
    if not roots:
        return {}
    homes = list(Page.objects.filter(path__in=roots).values_list("path", "translation_key"))
    if not homes:
        return {}
    queryset = member_queryset if member_queryset is not None else Member.objects.all()
    members = queryset.filter(
        site__root_page__translation_key__in={key for _path, key in homes}
    ).select_related("site__root_page")
    by_key = {member.site.root_page.translation_key: member for member in members}
    return {path: by_key[key] for path, key in homes if key in by_key}


def member_for_page(page):
    """The member whose microsite holds ``page``, or None (umbrella site)."""
    if page is None or not getattr(page, "path", None):
        return None
    return members_by_root_path([page.path]).get(root_path(page.path))
