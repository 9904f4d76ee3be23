"""Machinery of the permission matrix (tests/test_isolation_matrix.py): roles, outcomes,
expectations and how URL keyword arguments are filled from the tenancy world."""

from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from urllib.parse import urlsplit

from django.contrib.messages import constants as message_levels
from django.urls import reverse

from .fixtures_tenancy import LAG, A, B

# --- Outcomes -------------------------------------------------------------------------------------

OK = 200
MISSING = 404  # the object is not there for this user (other member's or the umbrella's)
FORBIDDEN = 403
NOT_ALLOWED = 405  # the view only answers POST; GET is refused before anything is shown
DENIED = "denied"  # Wagtail's refusal: back to the dashboard with an error message
LOGIN = "login"  # not signed in (or no admin access): to the login page
REDIRECT = "redirect"  # a redirect that is part of the view's normal work
NOT_APPLICABLE = "n/a"  # the scope has no such object (e.g. the umbrella has no workflow)


def one_of(*outcomes):
    """Several acceptable outcomes, for views whose answer depends on the object's state
    (e.g. locking an object that is in a workflow)."""
    return frozenset(outcomes)


def matches_expectation(got, expected):
    if isinstance(expected, frozenset):
        return got in expected
    return got == expected


def outcome(response):
    """The outcome a response stands for (see the constants above)."""
    if response.status_code != 302:
        return response.status_code
    path = urlsplit(response["Location"]).path
    if path.startswith(reverse("wagtailadmin_login")):
        return LOGIN
    if path == reverse("wagtailadmin_home") and any(
        message.level == message_levels.ERROR for message in queued_messages(response)
    ):
        return DENIED
    return REDIRECT


def queued_messages(response):
    storage = getattr(response.wsgi_request, "_messages", None)
    return list(getattr(storage, "_queued_messages", []))


# --- Roles ----------------------------------------------------------------------------------------

EDITOR, APPROVER, STAFF, ADMIN, ANON = "editor", "approver", "staff", "admin", "anon"
OWN, OTHER, UMBRELLA, MEMBER = "own", "other", "umbrella", "member"


@dataclass(frozen=True)
class Role:
    key: str  # user key in the world ("a_editor"), "anon" for nobody
    kind: str
    member: str = None  # A or B for member roles

    def relation(self, scope):
        """How an object of ``scope`` relates to this role: own/other/umbrella (member roles)
        or member/umbrella (everybody else)."""
        if scope is None:
            return None
        if self.member is None:
            return UMBRELLA if scope == LAG else MEMBER
        if scope == LAG:
            return UMBRELLA
        return OWN if scope == self.member else OTHER

    def foreign_scopes(self):
        """Scopes whose markers must never appear in this role's responses."""
        if self.member is None:
            return ()
        return tuple(scope for scope in (A, B, LAG) if scope != self.member)

    def __str__(self):
        return self.key


ROLES = [
    Role("a_editor", EDITOR, A),
    Role("a_approver", APPROVER, A),
    Role("b_editor", EDITOR, B),
    Role("b_approver", APPROVER, B),
    Role("lag", STAFF),
    Role("admin", ADMIN),
    Role("anon", ANON),
]
MEMBER_ROLES = [role for role in ROLES if role.member]


# --- Expectations ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    """Outcomes per role kind. For URLs that name an object, member roles give a triple
    (own, other, umbrella) and staff/admin a pair (member's, umbrella's); a single value
    stands for all of them."""

    editor: object
    approver: object = None
    staff: object = OK
    admin: object = OK
    anon: object = LOGIN

    def for_role(self, role, relation):
        """The expected outcome (or frozenset of acceptable outcomes) for ``role``."""
        value = {
            EDITOR: self.editor,
            APPROVER: self.editor if self.approver is None else self.approver,
            STAFF: self.staff,
            ADMIN: self.admin,
            ANON: self.anon,
        }[role.kind]
        if not isinstance(value, tuple) or relation is None:
            return value
        order = (OWN, OTHER, UMBRELLA) if role.member else (MEMBER, UMBRELLA)
        return value[order.index(relation)]


def own(editor=OK, approver=None, staff=OK, umbrella_staff=None, admin=None, umbrella_admin=None):
    """An object URL: member roles reach only their own member's objects (404 otherwise),
    staff and administrators reach everything unless told otherwise."""
    approver = editor if approver is None else approver
    umbrella_staff = staff if umbrella_staff is None else umbrella_staff
    admin = staff if admin is None else admin
    umbrella_admin = admin if umbrella_admin is None else umbrella_admin
    return Expect(
        editor=(editor, MISSING, MISSING),
        approver=(approver, MISSING, MISSING),
        staff=(staff, umbrella_staff),
        admin=(admin, umbrella_admin),
    )


def post_only(**kwargs):
    """An object URL that only accepts POST: GET answers 405 for everybody who may reach it."""
    return own(NOT_ALLOWED, staff=NOT_ALLOWED, **kwargs)


def everyone(value=OK, staff=None, admin=None, anon=LOGIN):
    """A URL without an object that every signed-in role may open."""
    return Expect(
        editor=value,
        staff=value if staff is None else staff,
        admin=(value if staff is None else staff) if admin is None else admin,
        anon=anon,
    )


def staff_only(staff=OK, admin=None, denied=DENIED):
    """A URL member roles never use (the admin guard's DENIED list or Wagtail's own check)."""
    return Expect(editor=denied, staff=staff, admin=staff if admin is None else admin)


PUBLIC = Expect(editor=OK, staff=OK, admin=OK, anon=OK)
SIGNED_OUT_ONLY = Expect(editor=REDIRECT, staff=REDIRECT, admin=REDIRECT, anon=OK)


# --- Rules ----------------------------------------------------------------------------------------


@dataclass
class Rule:
    """How the matrix treats the admin URLs whose names match ``pattern``.

    ``objects`` maps URL keyword arguments to a function (scope objects, world) -> value;
    when any function gives None, the URL has no such object in that scope (n/a). A rule
    without object keyword arguments is requested once per role."""

    pattern: str
    expect: Expect
    objects: dict = field(default_factory=dict)
    query: str = ""
    why: str = ""
    # For URL names with several routes: the keyword arguments the route must (not) take.
    takes: tuple = ()
    lacks: tuple = ()

    def matches(self, url):
        return (
            fnmatchcase(url.name, self.pattern)
            and all(name in url.kwargs_names for name in self.takes)
            and not any(name in url.kwargs_names for name in self.lacks)
        )
