"""Read-only endpoints of the public API (Wagtail API v2 at ``/api/v2/``).

Everything is limited to what a reader could see on the sites: live, public, unexpired pages of
the umbrella site and of active members; images and documents only once a live public page uses
them (or a site shows them as its logo). ``?site=`` narrows to one site (host name or member slug)
or widens to the whole network (``all``); without it the umbrella host answers for the whole
network and a member host for its own site. ``?locale=de|en`` picks a language.

The endpoint base classes here are what further endpoints build on: ``PageTypeAPIViewSet`` for a
page type (events), ``PublicModelAPIViewSet`` for other models such as member-owned snippets
(offers), both with ``api_filters`` from ``api.filters``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Prefetch, Q
from django.db.models.functions import Cast
from django.http import Http404
from rest_framework.fields import Field
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import BadRequestError, get_restricted_collection_ids
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex, Site

from districts.models import District
from feeds.network import NetworkScope, active_sites
from home.images import images_with_renditions
from home.site_context import SiteContext
from microsites.models import Member, SiteSettings
from news.models import NewsPage

from .fields import registered_api_fields
from .filters import (
    ChoiceFilter,
    DateRangeFilter,
    DeclaredFiltersBackend,
    DistrictFilter,
    TextFilter,
    UndeclaredFieldsFilter,
)
from .pagination import BoundedPagination
from .serializers import DistrictSerializer, MemberSerializer
from .throttling import PublicAPIThrottle

ALL_SITES = "all"
# The largest id a (64-bit) integer primary key can hold.
MAX_OBJECT_ID = 2**63 - 1


def requested_sites(request):
    """The sites a request asks for: ``?site=all``, ``?site=<host name or member slug>``, or by
    default the whole network on the umbrella host and the own site on a member host."""
    wanted = (request.GET.get("site") or "").strip().lower()
    sites = active_sites()
    if wanted == ALL_SITES:
        return sites
    if wanted:
        for site in sites:
            member = getattr(site, "member", None)
            if site.hostname == wanted or (member is not None and member.slug == wanted):
                return [site]
        raise BadRequestError(
            f"site: no active site '{wanted}'; use a host name, a member's slug or '{ALL_SITES}'"
        )
    net = SiteContext.for_request(request)
    if net.is_umbrella:
        return sites
    return [site for site in sites if site.pk == net.site.pk]


def page_scope(request):
    """The live home pages (every language) of the requested sites and their owners."""
    cached = getattr(request, "_api_page_scope", None)
    if cached is None:
        cached = NetworkScope.for_sites(requested_sites(request))
        request._api_page_scope = cached
    return cached


class MemberField(Field):
    """``meta.member``: the member association a page belongs to (null: the umbrella site)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        owner = page_scope(self.context["request"]).owner_of(page)
        if owner is None:
            return None
        return {"name": owner.name, "slug": owner.slug, "url": f"{owner.root_url}/"}


class NetworkPageSerializer(PageSerializer):
    member = MemberField(read_only=True)


class PublicAPIMixin:
    """Anonymous, JSON-only, throttled, read-only: no session, no cookie, no browsable forms."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    throttle_classes = [PublicAPIThrottle]
    pagination_class = BoundedPagination
    http_method_names = ["get", "head", "options"]
    api_filters = []

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # Declared filters first, and Wagtail's exact-match filter only for the rest.
        backends = [
            UndeclaredFieldsFilter if backend is FieldsFilter else backend
            for backend in cls.filter_backends
            if backend is not DeclaredFiltersBackend
        ]
        cls.filter_backends = [DeclaredFiltersBackend, *backends]

    @classmethod
    def declared_params(cls):
        return {param for api_filter in cls.api_filters for param in api_filter.params}

    def detail_view(self, request, pk):
        # An id beyond every integer column's range names nothing (and must not reach the
        # database: SQLite cannot even bind it).
        if int(pk) > MAX_OBJECT_ID:
            raise Http404("not found")
        return super().detail_view(request, pk)

    def check_query_parameters(self, queryset):
        self.known_query_parameters = type(self).known_query_parameters.union(
            self.declared_params()
        )
        return super().check_query_parameters(queryset)


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    """Live, public, unexpired pages of the requested sites."""

    base_serializer_class = NetworkPageSerializer
    meta_fields = PagesAPIViewSet.meta_fields + ["member"]
    listing_default_fields = PagesAPIViewSet.listing_default_fields + ["member"]

    @classmethod
    def get_body_fields(cls, model):
        fields = super().get_body_fields(model)
        names = {field.name for field in fields}
        extra = cls._convert_api_fields(registered_api_fields(model))
        return fields + [field for field in extra if field.name not in names]

    def get_base_queryset(self):
        return page_scope(self.request).pages()

    def get_queryset(self):
        queryset = super().get_queryset()
        return queryset.select_related("locale")

    def get_root_page(self):
        net = SiteContext.for_request(self.request)
        return net.home or Site.find_for_request(self.request).root_page

    def find_object(self, queryset, request):
        # html_path is resolved against the host's own site only.
        return super().find_object(queryset, request)


class PageTypeAPIViewSet(PublicPagesAPIViewSet):
    """A pages endpoint for one page type (``page_model``), with its own fields and filters."""

    page_model = None

    def get_queryset(self):
        if "type" in self.request.GET:
            raise BadRequestError("type: this endpoint lists one page type only")
        base = self.get_base_queryset()
        return self.page_model.objects.filter(pk__in=base.values("pk")).select_related("locale")

    def get_object(self):
        try:
            return self.get_queryset().get(pk=self.kwargs["pk"])
        except (self.page_model.DoesNotExist, ValueError) as error:
            raise Http404("not found") from error


class NewsAPIViewSet(PageTypeAPIViewSet):
    """News items: ``?kind=news|press|statement``, ``?date_from=&date_to=``."""

    page_model = NewsPage
    model = NewsPage
    name = "news"
    api_filters = [ChoiceFilter("kind"), DateRangeFilter("date")]

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .prefetch_related(Prefetch("lead_image", queryset=images_with_renditions("social")))
            .order_by("-date", "-pk")
        )

    listing_default_fields = PublicPagesAPIViewSet.listing_default_fields + [
        "date",
        "kind",
        "teaser",
    ]


def public_media_ids(request, model):
    """Ids of ``model`` objects (images, documents) that a live public page of the requested
    sites refers to, or that a requested site shows as its logo."""
    pages = page_scope(request).pages().annotate(key=Cast("id", CharField())).values("key")
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        object_id__in=pages,
    ).values("to_object_id")
    condition = Q(key__in=references)
    if model is get_image_model():
        condition |= Q(pk__in=logo_ids(request))
    return model.objects.annotate(key=Cast("id", CharField())).filter(condition).values("pk")


def logo_ids(request):
    sites = [site.pk for site in requested_sites(request)]
    settings_logos = SiteSettings.objects.filter(site__in=sites, logo__isnull=False).values(
        "logo_id"
    )
    member_logos = [
        site.member.logo_id
        for site in requested_sites(request)
        if getattr(site, "member", None) is not None and site.member.logo_id
    ]
    return list(settings_logos.values_list("logo_id", flat=True)) + member_logos


class PublicImagesAPIViewSet(PublicAPIMixin, ImagesAPIViewSet):
    """Images in use on live public pages (or as a site's logo) of the requested sites."""

    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["site"])
    # Tags are editorial labels, not public information (and cost a query per item).
    meta_fields = [name for name in ImagesAPIViewSet.meta_fields if name != "tags"]
    listing_default_fields = [
        name for name in ImagesAPIViewSet.listing_default_fields if name != "tags"
    ]

    def get_queryset(self):
        model = get_image_model()
        return (
            model.objects.filter(pk__in=public_media_ids(self.request, model))
            .exclude(collection__in=get_restricted_collection_ids(self.request))
            .order_by("id")
        )


class PublicDocumentsAPIViewSet(PublicAPIMixin, DocumentsAPIViewSet):
    """Documents linked from live public pages of the requested sites, outside restricted
    collections."""

    known_query_parameters = DocumentsAPIViewSet.known_query_parameters.union(["site"])
    meta_fields = [name for name in DocumentsAPIViewSet.meta_fields if name != "tags"]
    listing_default_fields = [
        name for name in DocumentsAPIViewSet.listing_default_fields if name != "tags"
    ]

    def get_queryset(self):
        model = get_document_model()
        return (
            model.objects.filter(pk__in=public_media_ids(self.request, model))
            .exclude(collection__in=get_restricted_collection_ids(self.request))
            .order_by("id")
        )


class PublicModelAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    """An endpoint for a non-page model; ``get_public_queryset()`` decides what is public.

    For a member-owned model (``tenancy.models.MemberOwnedModel``) the default keeps the items
    of the requested active members only; ``?site=`` works as for pages."""

    filter_backends = [FieldsFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["site"])

    def get_public_queryset(self):
        queryset = self.model.objects.all()
        if any(field.name == "member" for field in self.model._meta.get_fields()):
            members = [
                site.member.pk
                for site in requested_sites(self.request)
                if getattr(site, "member", None) is not None
            ]
            queryset = queryset.filter(member__in=members)
        return queryset

    def get_queryset(self):
        return self.get_public_queryset().order_by("pk")


class DistrictsAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    """The 13 districts of Saxony with their official ARS keys (for ``?district=``)."""

    model = District
    name = "districts"
    base_serializer_class = DistrictSerializer
    body_fields = ["ars", "name", "kind"]
    listing_default_fields = ["ars", "name", "kind"]
    nested_default_fields = ["ars", "name"]
    meta_fields = []

    def get_queryset(self):
        return self.model.objects.order_by("ars")

    @classmethod
    def get_urlpatterns(cls):
        from django.urls import path

        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class MembersAPIViewSet(PublicModelAPIViewSet):
    """Active member associations: ``?district=<ARS>``."""

    model = Member
    name = "members"
    base_serializer_class = MemberSerializer
    body_fields = ["id", "name", "short_name", "town", "website"]
    meta_fields = ["type", "detail_url", "site_url", "district"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "name",
        "short_name",
        "town",
        "district",
        "site_url",
    ]
    nested_default_fields = ["id", "name"]
    filter_backends = [FieldsFilter, OrderingFilter]
    api_filters = [DistrictFilter(), TextFilter(fields=["name", "short_name", "town"])]

    def get_public_queryset(self):
        members = [
            site.member.pk
            for site in requested_sites(self.request)
            if getattr(site, "member", None) is not None
        ]
        return self.model.objects.public().filter(pk__in=members).select_related("district", "site")
