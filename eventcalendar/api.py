"""``/api/v2/events/``: public events of the requested sites, soonest first."""

from django.db.models import Q
from django.http import Http404
from wagtail.api.v2.utils import BadRequestError

from api.filters import ChoiceFilter, DateRangeFilter, DistrictFilter, _parse_day
from api.views import PageTypeAPIViewSet

from .models import EventPage
from .recurrence import end_of_day, start_of_day

# Page ids are 32-bit integers in every supported database; larger numbers in a URL are no id.
MAX_PAGE_ID = 2**31 - 1


class SeriesDateRangeFilter(DateRangeFilter):
    """``?start_from=&start_to=``: events with a date in the range; a series counts from its
    first date to its last (an open-ended series never ends)."""

    def apply(self, queryset, request):
        first = _parse_day(self.params[0], request.GET.get(self.params[0], ""))
        last = _parse_day(self.params[1], request.GET.get(self.params[1], ""))
        if first and last and last < first:
            raise BadRequestError(f"{self.params[1]} must not be before {self.params[0]}")
        if first:
            moment = start_of_day(first)
            queryset = queryset.filter(Q(series_end__gte=moment) | Q(series_end__isnull=True))
        if last:
            queryset = queryset.filter(start__lte=end_of_day(last))
        return queryset


class EventsAPIViewSet(PageTypeAPIViewSet):
    """Events: ``?district=<ARS>``, ``?kind=``, ``?attendance=``, ``?start_from=&start_to=``."""

    page_model = EventPage
    model = EventPage
    name = "events"
    api_filters = [
        DistrictFilter(),
        ChoiceFilter("kind"),
        ChoiceFilter("attendance"),
        SeriesDateRangeFilter("start"),
    ]
    listing_default_fields = PageTypeAPIViewSet.listing_default_fields + [
        "kind",
        "teaser",
        "start",
        "end",
        "all_day",
        "recurrence",
        "series_end",
        "attendance",
        "town",
        "district_ars",
    ]

    def get_queryset(self):
        return super().get_queryset().select_related("district").order_by("start", "pk")

    def get_object(self):
        # An id beyond the database's integer range is no id (and must not reach the database).
        if int(self.kwargs["pk"]) > MAX_PAGE_ID:
            raise Http404("not found")
        return super().get_object()
