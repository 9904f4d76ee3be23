from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

# No listing comes near this many items; larger offsets cannot even be bound by SQLite.
MAX_OFFSET = 2**31 - 1


class BoundedPagination(WagtailPagination):
    """Wagtail's ``?offset=&limit=`` with an upper bound on the offset: a clear 400 instead of
    an integer the database cannot take."""

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.GET.get("offset", "0")
        try:
            too_large = int(raw) > MAX_OFFSET
        except ValueError:
            too_large = False  # Wagtail answers 400 for what is not an integer
        if too_large:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)
