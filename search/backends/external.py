"""Shared parts of the OpenSearch and Elasticsearch backends: German analysis, normalised
documents and queries."""

from copy import deepcopy

from modelsearch import index
from modelsearch.utils import deep_update

from . import QueryNormalisingBackendMixin, normalise_value

# Every text field without an analyser of its own is analysed as German (stop words, stemming);
# the autocomplete fields keep Wagtail's edge n-gram analyser.
GERMAN_ANALYSIS = {"settings": {"analysis": {"analyzer": {"default": {"type": "german"}}}}}


class NormalisingMappingMixin:
    """Normalises the values of search fields in every document sent to the engine."""

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, index.SearchField):
            value = normalise_value(value)
        return name, value, edgengrams


def german_backend(base):
    """A subclass of the engine backend ``base`` that indexes and queries German."""
    mapping_class = type(
        f"German{base.mapping_class.__name__}", (NormalisingMappingMixin, base.mapping_class), {}
    )
    return type(
        f"German{base.__name__}",
        (QueryNormalisingBackendMixin, base),
        {
            "mapping_class": mapping_class,
            "settings": deep_update(deepcopy(base.settings), GERMAN_ANALYSIS),
        },
    )
