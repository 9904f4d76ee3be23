"""OpenSearch 3 with German analysis: ``SEARCH_BACKEND=opensearch`` (needs ``opensearch-py``)."""

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from .external import german_backend

SearchBackend = german_backend(OpenSearch3SearchBackend)
