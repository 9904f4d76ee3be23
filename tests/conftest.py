"""Fixtures shared by the whole suite.

The provisioned network and its members come from shared, rolled-back layers (see
``tests/baseline.py``): every test runs in its own transaction on top of them, and whatever it
changes is rolled back afterwards. Write a test against ``network``, ``member``,
``other_member`` (and ``approving_member`` in ``fixtures_editorial``); build anything else the
test needs inside it.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from pytest_django.plugin import blocking_manager_key

from microsites.provisioning import lag_staff_group, umbrella_homes

from . import baseline
from .factories import make_user

UMBRELLA_HOST = "localhost"


def _uses_db(item):
    """(uses the database, transactional) as pytest-django decides it."""
    names = set(getattr(item, "fixturenames", ()))
    marker = item.get_closest_marker("django_db")
    transactional = bool(
        names & {"transactional_db", "live_server", "django_db_reset_sequences"}
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )
    return bool(marker or transactional or "db" in names), transactional


def _layers_of(item):
    """The baseline layers ``item`` needs, or None when it does not touch the database."""
    uses_db, transactional = _uses_db(item)
    if not uses_db:
        return None
    if transactional or item.get_closest_marker("fresh_provisioning"):
        return []
    info = getattr(item, "_fixtureinfo", None)
    layers = set()
    for name in getattr(item, "fixturenames", ()):
        definitions = info.name2fixturedefs.get(name) if info else None
        layer = definitions and getattr(definitions[-1].func, "baseline_layer", None)
        if layer:
            layers.add(layer)
    return baseline.wanted(layers)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Within each module, run the tests in the order of the layers they need (pytest-django
    has already put database tests before transactional ones and those before the rest)."""

    def category(item):
        uses_db, transactional = _uses_db(item)
        return 1 if transactional else 0 if uses_db else 2

    first_seen = {}
    for index, item in enumerate(items):
        first_seen.setdefault((category(item), item.module.__name__), index)
    items.sort(
        key=lambda item: (
            category(item),
            first_seen[(category(item), item.module.__name__)],
            baseline.rank(_layers_of(item) or []),
        )
    )


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The host table and Wagtail's site root paths live in the cache; a rolled-back test
    # must not leave sites behind in it.
    cache.clear()
    yield
    cache.clear()


def _enter_layers(item, blocker):
    layers = _layers_of(item)
    if layers is None:
        return
    if _uses_db(item)[1]:
        baseline.enter_transactional(blocker)
    else:
        baseline.enter(layers, blocker)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Bring the shared layers to what the test asks for before any of its fixtures is set up:
    pytest-django's own autouse fixtures open the test's transaction (or flush, for a
    transactional test) before any fixture of ours could run."""
    if baseline.ready():
        _enter_layers(item, item.config.stash[blocking_manager_key])


@pytest.fixture(autouse=True)
def _baseline_layers(request, django_db_blocker):
    """The same for the first database test of a process, once the test database exists."""
    if _layers_of(request.node) is not None and not baseline.ready():
        request.getfixturevalue("_baseline_session")
        _enter_layers(request.node, django_db_blocker)


@pytest.fixture(scope="session")
def _baseline_session(django_db_setup, django_db_blocker):
    baseline.start()
    yield
    baseline.reset(django_db_blocker)


@pytest.fixture
@baseline.provides("network")
def network(request, db):
    """The umbrella site, provisioned as in production; returns its home pages by language."""
    if baseline.is_fresh(request) or not baseline.has("network"):
        baseline.BUILDERS["network"]()
    return umbrella_homes()


member = baseline.member_fixture("member", "Queer im Vogtland e. V. (Plauen, Vogtlandkreis).")
other_member = baseline.member_fixture("other_member", "Rosa Lausitz e. V. (Bautzen).")


@pytest.fixture
def client():
    """A test client that talks to the umbrella site's host."""
    return Client(HTTP_HOST=UMBRELLA_HOST)


@pytest.fixture
def host_client():
    """host_client("slug.localhost") -> a client for that host."""
    return lambda host: Client(HTTP_HOST=host)


@pytest.fixture
def lag_staff(network):
    return make_user("lag-redaktion", lag_staff_group())


@pytest.fixture
def member_editor(member):
    return make_user("redaktion-vogtland", member.editors_group)


@pytest.fixture
def other_editor(other_member):
    return make_user("redaktion-lausitz", other_member.editors_group)
