"""Wagtail search backends that read and write German the way ``search.text`` describes.

``search.backends.database`` wraps Wagtail's database backend (PostgreSQL with a German text search
configuration, SQLite FTS5 with Python-side stemming); ``search.backends.opensearch`` and
``search.backends.elasticsearch`` wrap the external engines with a German analyser. All of them
normalise indexed text and queries with the same rules, so a search gives the same answer whichever
engine runs it.
"""

from django.utils.encoding import force_str
from modelsearch import index
from modelsearch.query import And, Or, PlainText

from search.text import normalise_for_index, query_terms, stem


def normalise_value(value, *, stems=False):
    """Normalise every string inside an indexed value (strings, lists and dicts of them)."""
    if value is None:
        return None
    if isinstance(value, str):
        return normalise_for_index(value, stems=stems)
    if isinstance(value, (list, tuple)):
        return [normalise_value(item, stems=stems) for item in value]
    if isinstance(value, dict):
        return {key: normalise_value(item, stems=stems) for key, item in value.items()}
    return normalise_for_index(force_str(value), stems=stems)


def build_query(query_string, *, stems=False):
    """A query object for the words of ``query_string``: every term group must match, any word
    of a group may (``Berater*innen`` matches Berater, Beraterin or Beraterinnen)."""
    parts = []
    for group in query_terms(query_string):
        words = list(dict.fromkeys(stem(word) if stems else word for word in group))
        alternatives = [PlainText(word) for word in words]
        parts.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else And(parts)


class QueryNormalisingBackendMixin:
    """Turns query strings into normalised query objects before the engine sees them."""

    stems_in_python = False

    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            built = build_query(query, stems=self.stems_in_python)
            if built is None:
                # Nothing searchable is left (only punctuation): search nothing, not everything.
                return super().search("", model_or_queryset, *args, **kwargs)
            query = built
        return super().search(query, model_or_queryset, *args, **kwargs)


# --- What the database index sees of an object ----------------------------------------------


class _NormalisedSearchField(index.SearchField):
    def __init__(self, field, stems):
        super().__init__(field.field_name, boost=field.boost, **field.kwargs)
        self.original = field
        self.stems = stems

    def get_value(self, obj):
        return normalise_value(self.original.get_value(_unwrap(obj)), stems=self.stems)


class _PassThroughAutocompleteField(index.AutocompleteField):
    def __init__(self, field):
        super().__init__(field.field_name, **field.kwargs)
        self.original = field

    def get_value(self, obj):
        return self.original.get_value(_unwrap(obj))


class _NormalisedRelatedFields(index.RelatedFields):
    def __init__(self, field, stems):
        super().__init__(field.field_name, [_wrap_field(sub, stems) for sub in field.fields])
        self.original = field

    def get_value(self, obj):
        return self.original.get_value(_unwrap(obj))


def _wrap_field(field, stems):
    if isinstance(field, index.SearchField):
        return _NormalisedSearchField(field, stems)
    if isinstance(field, index.AutocompleteField):
        return _PassThroughAutocompleteField(field)
    if isinstance(field, index.RelatedFields):
        return _NormalisedRelatedFields(field, stems)
    return field


class IndexedDocument:
    """An object as the database index reads it: same key, normalised search field values."""

    def __init__(self, obj, stems):
        self.obj = obj
        self.pk = obj.pk
        self._meta = obj._meta
        self.stems = stems

    def get_search_fields(self):
        return [_wrap_field(field, self.stems) for field in self.obj.get_search_fields()]


def _unwrap(obj):
    return obj.obj if isinstance(obj, IndexedDocument) else obj


class NormalisingIndexMixin:
    """Hands normalised documents to a database index."""

    def add_items(self, model, items):
        stems = getattr(self.backend, "stems_in_python", False)
        return super().add_items(model, [IndexedDocument(item, stems) for item in items])
