"""Wagtail's database search backend with German normalisation.

PostgreSQL stems with its own text search configuration (``SEARCH_CONFIG``, "german" in
``config/settings/base.py``); SQLite's FTS5 has no German stemmer, so the Snowball German stemmer
runs in Python on the indexed text and on every query term instead.
"""

from functools import cache

from modelsearch.backends.database import SearchBackend as vendor_backend

from . import NormalisingIndexMixin, QueryNormalisingBackendMixin

# Database backends whose engine cannot stem German itself.
PYTHON_STEMMING_BACKENDS = {"SQLiteSearchBackend", "DatabaseSearchBackend"}


@cache
def _normalising_class(base):
    index_class = type(
        f"German{base.index_class.__name__}", (NormalisingIndexMixin, base.index_class), {}
    )
    return type(
        f"German{base.__name__}",
        (QueryNormalisingBackendMixin, base),
        {
            "index_class": index_class,
            "stems_in_python": base.__name__ in PYTHON_STEMMING_BACKENDS,
        },
    )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The database backend for the default connection's vendor, normalising German."""
    base = type(vendor_backend(dict(params)))
    return _normalising_class(base)(params)
