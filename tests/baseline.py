"""Shared, rolled-back worlds: provision once per test process, roll back after every test.

Provisioning a network costs about 1,800 queries and a member as many again, so the suite
builds each of them once per process (per pytest-xdist worker) and lets every test run in a
savepoint on top of it – the pattern of Django's ``TestCase.setUpTestData``, across modules.

A *layer* is one provisioned part of the world, built inside its own ``transaction.atomic``
block and stacked on the layers below it:

    network          the umbrella site (``provision_network``)
    member           "Queer im Vogtland" (no member approval step)
    other_member     "Rosa Lausitz"
    approving_member "Queeres Leipzig" (with its own approval step)

A test asks for layers by using the fixtures that return them (``network``, ``member``, ...).
Before the test's own transaction starts, :func:`enter` pops the layers the test did not ask
for (a rollback to their savepoint) and builds the missing ones, so every test sees exactly the
world it asked for – no less and no more – and whatever it changes is rolled back with its own
transaction. ``conftest.pytest_collection_modifyitems`` orders each module's tests by the
layers they need, so a module costs at most one build per layer.

Tests that need a world of their own:

- tests of provisioning itself (``pytestmark = pytest.mark.fresh_provisioning``): the fixtures
  provision inside the test, from an empty database, as before;
- tests with a module-wide world of their own (``tenancy_world``, the seeded demo): build it
  inside :func:`module_world`, which empties the stack first and again before rolling back;
- transactional and browser tests (``transactional_db``, ``live_server``): the stack is emptied
  (nothing uncommitted may be open while another thread reads the database). They flush the
  database when they end; the next test that wants layers first gets back what the migrations
  created (:func:`restore_migrated_data`), whatever order pytest-xdist runs the modules in.

Objects from a layer are read fresh from the database for every test; a test may change them
freely.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from wagtail.models import Page

from districts.models import District
from microsites.models import Member
from microsites.provisioning import provision_member, provision_network

from .factories import publish_legal_pages

MEMBER_SLUG = "queer-vogtland"
OTHER_MEMBER_SLUG = "rosa-lausitz"
APPROVING_MEMBER_SLUG = "queeres-leipzig"

_MEMBERS = {
    "member": {
        "slug": MEMBER_SLUG,
        "name": "Queer im Vogtland e. V.",
        "short_name": "Queer im Vogtland",
        "district": "14523",
        "town": "Plauen",
    },
    "other_member": {
        "slug": OTHER_MEMBER_SLUG,
        "name": "Rosa Lausitz e. V.",
        "short_name": "Rosa Lausitz",
        "district": "14625",
        "town": "Bautzen",
    },
    "approving_member": {
        "slug": APPROVING_MEMBER_SLUG,
        "name": "Queeres Leipzig e. V.",
        "short_name": "Queeres Leipzig",
        "district": "14713",
        "town": "Leipzig",
        "requires_member_approval": True,
    },
}


def build_member(layer, public=True):
    """Provision the member of ``layer``; ``public`` publishes its legal pages too, without
    which its site shows only "im Aufbau" (fresh-provisioning tests keep them as drafts)."""
    fields = dict(_MEMBERS[layer])
    district = District.objects.get(ars=fields.pop("district"))
    fields.setdefault("contact_email", f"kontakt@{fields['slug']}.example.org")
    member = Member(district=district, **fields)
    provision_member(member)
    if public:
        publish_legal_pages(member)
    return member


def provides(layer):
    """Mark a fixture function as the one that returns ``layer`` (read by ``conftest``)."""

    def mark(function):
        function.baseline_layer = layer
        return function

    return mark


def member_of(layer):
    return Member.objects.get(slug=_MEMBERS[layer]["slug"])


def is_fresh(request):
    return request.node.get_closest_marker("fresh_provisioning") is not None


def member_fixture(layer, doc):
    """The fixture that returns the member of ``layer`` (provisioned in the test when fresh)."""

    @pytest.fixture(name=layer)
    @provides(layer)
    def fixture(request, network):
        if is_fresh(request):
            return build_member(layer, public=False)
        if layer not in _stack.names:
            # Asked for with request.getfixturevalue(): not known before the test started,
            # so it is built inside the test's own transaction.
            return build_member(layer)
        return member_of(layer)

    fixture.__doc__ = doc
    return fixture


BUILDERS = {
    "network": provision_network,
    "member": lambda: build_member("member"),
    "other_member": lambda: build_member("other_member"),
    "approving_member": lambda: build_member("approving_member"),
}
# Every layer but the network needs the network below it.
ORDER = tuple(BUILDERS)


@dataclass
class _Stack:
    layers: list = field(default_factory=list)  # [(name, atomic), ...], bottom first
    flushed: bool = False  # a transactional test ran since the migrated data was last there
    migrated_data: str | None = None  # what the migrations created, serialised by Django
    started: bool = False  # the test database exists

    @property
    def names(self):
        return [name for name, _atomic in self.layers]

    def pop(self):
        _name, atomic = self.layers.pop()
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)

    def push(self, name):
        atomic = transaction.atomic()
        atomic.__enter__()
        self.layers.append((name, atomic))
        try:
            BUILDERS[name]()
        except BaseException:
            self.pop()
            raise

    def reset(self):
        while self.layers:
            self.pop()


_stack = _Stack()


def wanted(names):
    """The layers, in stacking order, that a test using fixtures ``names`` needs."""
    wanted = [layer for layer in ORDER if layer in names]
    if wanted and "network" not in wanted:
        wanted.insert(0, "network")
    return wanted


def rank(names):
    """Sort key: tests that need fewer layers first, so a module builds each layer once."""
    return tuple(ORDER.index(layer) for layer in wanted(names))


def start():
    """The test database exists: layers can be built from now on."""
    _stack.started = True
    remember_migrated_data()


def has(layer):
    return layer in _stack.names


def ready():
    return _stack.started


def remember_migrated_data():
    """Keep Django's serialised copy of the migrated database (taken before any test ran)."""
    connection = connections[DEFAULT_DB_ALIAS]
    _stack.migrated_data = getattr(connection, "_test_serialized_contents", None)
    return _stack.migrated_data


def restore_migrated_data(contents=None):
    """Put back what the migrations created after a transactional test flushed the database."""
    contents = contents or _stack.migrated_data
    connection = connections[DEFAULT_DB_ALIAS]
    # With this attribute set, the flush after a transactional test skips post_migrate, as
    # Django intends; Playwright's greenlets may hand us a connection object without it.
    connection._test_serialized_contents = contents
    if contents and not Page.objects.filter(depth=1).exists():
        # Only what post_migrate recreated after the last flush is left: replace it.
        ContentType.objects.all().delete()
        connection.creation.deserialize_db_from_string(contents)


def enter_transactional(blocker):
    """Before a transactional test: nothing uncommitted may stay open, and it will flush."""
    reset(blocker)
    _stack.flushed = True


def enter(layers, blocker):
    """Make the stack hold exactly ``layers`` (call before the test's transaction starts)."""
    if _stack.flushed:
        with blocker.unblock():
            restore_migrated_data()
        _stack.flushed = False
    current = _stack.names
    if current == layers:
        return
    with blocker.unblock():
        keep = 0
        while keep < min(len(current), len(layers)) and current[keep] == layers[keep]:
            keep += 1
        while len(_stack.layers) > keep:
            _stack.pop()
        for name in layers[keep:]:
            _stack.push(name)
    # The host table and Wagtail's site caches must not outlive the layers they describe.
    cache.clear()


def reset(blocker):
    enter([], blocker)


@contextmanager
def module_world(blocker):
    """Run the block in a transaction of its own, on an empty stack, and roll it back after.

    For worlds a single module builds for all its tests (see ``fixtures_tenancy``)."""
    reset(blocker)
    with blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            cache.clear()
            yield
        finally:
            # Layers a test of the module pushed on top of this world go first.
            _stack.reset()
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            cache.clear()
