"""Elasticsearch 8 with German analysis: ``SEARCH_BACKEND=elasticsearch`` (needs the
``elasticsearch`` client in the version of the cluster)."""

from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

from .external import german_backend

SearchBackend = german_backend(Elasticsearch8SearchBackend)
