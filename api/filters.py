"""Declarative query parameters for the API endpoints.

An endpoint lists its filters in ``api_filters``; ``DeclaredFiltersBackend`` validates the
parameters (a clear 400 for bad values) and narrows the queryset. New endpoints (events, offers)
only declare what they filter on::

    api_filters = [
        DistrictFilter("district"),
        ChoiceFilter("kind"),
        ChoiceFilter("target_group", field="target_groups__slug", multiple=True),
        DateRangeFilter("start", end_field="end"),
    ]
"""

from datetime import datetime, time

from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_date
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError


class APIFilter:
    """One query parameter. ``params`` are the parameter names it reads."""

    def __init__(self, param, field=None):
        self.param = param
        self.field = field or param

    @property
    def params(self):
        return [self.param]

    def apply(self, queryset, request):
        raise NotImplementedError

    def values(self, request):
        raw = request.GET.get(self.param)
        if raw is None or raw == "":
            return []
        if "\x00" in raw:
            raise BadRequestError(f"{self.param}: null characters are not allowed")
        return [value.strip() for value in raw.split(",") if value.strip()]


class ChoiceFilter(APIFilter):
    """``?kind=beratung`` or ``?kind=beratung,selbsthilfe`` (any of them). Values are checked
    against the model field's choices where it has some."""

    def __init__(self, param, field=None, *, choices=None):
        super().__init__(param, field)
        self.choices = choices

    def allowed(self, queryset):
        if self.choices is not None:
            return {str(value) for value in self.choices}
        try:
            model_field = queryset.model._meta.get_field(self.field.split("__")[0])
        except Exception:  # noqa: BLE001 - relation paths have no choices to check
            return None
        choices = getattr(model_field, "choices", None)
        return {str(value) for value, _label in choices} if choices else None

    def apply(self, queryset, request):
        values = self.values(request)
        if not values:
            return queryset
        allowed = self.allowed(queryset)
        if allowed is not None:
            unknown = [value for value in values if value not in allowed]
            if unknown:
                raise BadRequestError(
                    f"{self.param}: unknown value(s) {', '.join(unknown)}; "
                    f"allowed: {', '.join(sorted(allowed))}"
                )
        return queryset.filter(**{f"{self.field}__in": values}).distinct()


class DistrictFilter(ChoiceFilter):
    """``?district=14523`` (official ARS key of a Saxon district, several comma-separated)."""

    def __init__(self, param="district", field="district"):
        super().__init__(param, field)

    def allowed(self, queryset):
        from districts.models import District

        return set(District.objects.values_list("ars", flat=True))

    def apply(self, queryset, request):
        values = self.values(request)
        if not values:
            return queryset
        allowed = self.allowed(queryset)
        unknown = [value for value in values if value not in allowed]
        if unknown:
            raise BadRequestError(
                f"{self.param}: unknown district key(s) {', '.join(unknown)}; use the ARS "
                "keys listed at /api/v2/districts/"
            )
        return queryset.filter(**{f"{self.field}__in": values})


class TextFilter(APIFilter):
    """``?search=words``: every word must occur in one of ``fields`` (case-insensitive); for
    models that are not in the search index."""

    def __init__(self, param="search", *, fields):
        super().__init__(param)
        self.fields = fields

    def apply(self, queryset, request):
        raw = request.GET.get(self.param, "")
        if "\x00" in raw:
            raise BadRequestError(f"{self.param}: null characters are not allowed")
        for word in raw.split()[:10]:
            condition = Q()
            for field in self.fields:
                condition |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(condition)
        return queryset


def _parse_day(param, raw):
    try:
        # parse_date() raises ValueError for well-formed impossible dates (2026-02-30).
        value = parse_date(raw) if raw else None
    except ValueError:
        value = None
    if raw and value is None:
        raise BadRequestError(f"{param}: '{raw}' is not a date (YYYY-MM-DD)")
    return value


class DateRangeFilter(APIFilter):
    """``?<param>_from=2026-07-01&<param>_to=2026-07-31``: items overlapping the range (an item
    with an ``end_field`` overlaps if it ends on or after the start), both ends inclusive."""

    def __init__(self, param, field=None, *, end_field=None):
        super().__init__(param, field)
        self.end_field = end_field

    @property
    def params(self):
        return [f"{self.param}_from", f"{self.param}_to"]

    def _bound(self, queryset, day, end_of_day):
        model_field = queryset.model._meta.get_field(self.field)
        if model_field.get_internal_type() == "DateTimeField":
            moment = datetime.combine(day, time.max if end_of_day else time.min)
            return timezone.make_aware(moment)
        return day

    def apply(self, queryset, request):
        start = _parse_day(self.params[0], request.GET.get(self.params[0], ""))
        end = _parse_day(self.params[1], request.GET.get(self.params[1], ""))
        if start and end and end < start:
            raise BadRequestError(f"{self.params[1]} must not be before {self.params[0]}")
        if start:
            last_field = self.end_field or self.field
            queryset = queryset.filter(
                **{f"{last_field}__gte": self._bound(queryset, start, False)}
            )
        if end:
            queryset = queryset.filter(**{f"{self.field}__lte": self._bound(queryset, end, True)})
        return queryset


class DeclaredFiltersBackend(BaseFilterBackend):
    """Applies the endpoint's ``api_filters``."""

    def filter_queryset(self, request, queryset, view):
        for api_filter in getattr(view, "api_filters", []):
            queryset = api_filter.apply(queryset, request)
        return queryset


class _WithoutParams:
    """A request whose query parameters lack some names (everything else is the request's)."""

    def __init__(self, request, names):
        self._request = request
        self.GET = request.GET.copy()
        for name in names:
            self.GET.pop(name, None)

    def __getattr__(self, name):
        return getattr(self._request, name)


class UndeclaredFieldsFilter(FieldsFilter):
    """Wagtail's exact-match field filter (``?title=...``) for parameters that no declared
    filter handles, so that ``?kind=press,statement`` is not also matched literally."""

    def filter_queryset(self, request, queryset, view):
        names = {
            param for api_filter in getattr(view, "api_filters", []) for param in api_filter.params
        }
        if names & set(request.GET):
            request = _WithoutParams(request, names)
        return super().filter_queryset(request, queryset, view)
