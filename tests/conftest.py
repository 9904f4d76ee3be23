import pytest
from django.core.cache import cache
from django.test import Client

from microsites.provisioning import lag_staff_group, provision_network, umbrella_homes

from .factories import make_member, make_user

UMBRELLA_HOST = "localhost"


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The host table and Wagtail's site root paths live in the cache; a rolled-back test
    # must not leave sites behind in it.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def network(db):
    """The umbrella site, provisioned as in production; returns its home pages by language."""
    provision_network()
    return umbrella_homes()


@pytest.fixture
def member(network):
    return make_member(
        "queer-vogtland", name="Queer im Vogtland e. V.", short_name="Queer im Vogtland"
    )


@pytest.fixture
def other_member(network):
    return make_member(
        "rosa-lausitz",
        name="Rosa Lausitz e. V.",
        short_name="Rosa Lausitz",
        district="14625",
        town="Bautzen",
    )


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
