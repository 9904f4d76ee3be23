"""``/api/v2/offers/``: live offers of active members, never drafts."""

from django.conf import settings
from rest_framework.fields import Field
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.serializers import BaseSerializer
from wagtail.api.v2.utils import BadRequestError

from api.filters import APIFilter, ChoiceFilter, DistrictFilter, TextFilter
from api.serializers import DistrictField
from api.views import PublicModelAPIViewSet

from .choices import TargetGroup
from .models import Offer
from .opening_hours import SCHEMA_DAYS
from .queries import for_target_group


class CodeListField(Field):
    """A list field as a JSON list of codes."""

    def to_representation(self, value):
        return list(value or [])


class OfferMemberField(Field):
    def get_attribute(self, instance):
        return instance.member

    def to_representation(self, member):
        return {"name": member.name, "slug": member.slug, "url": f"{member.root_url}/"}


class LanguageCodeField(Field):
    def get_attribute(self, instance):
        return instance.locale

    def to_representation(self, locale):
        return locale.language_code


class AddressField(Field):
    """The visitable address; ``null`` for offers that are only online or by phone."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, offer):
        if offer.remote_only:
            return None
        return {
            "street": offer.street,
            "postcode": offer.postcode,
            "town": offer.town,
            "latitude": float(offer.latitude) if offer.latitude is not None else None,
            "longitude": float(offer.longitude) if offer.longitude is not None else None,
        }


class OpeningHoursField(Field):
    """The opening hours as ``[{"day": "tuesday", "opens": "16:00", "closes": "19:00"}]``
    (Berlin time)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, offer):
        return [
            {
                "day": SCHEMA_DAYS[slot.weekday].lower(),
                "opens": slot.opens.strftime("%H:%M"),
                "closes": slot.closes.strftime("%H:%M"),
            }
            for slot in offer.opening_slots
        ]


class OfferSerializer(BaseSerializer):
    district = DistrictField(read_only=True)
    target_groups = CodeListField(read_only=True)
    languages = CodeListField(read_only=True)
    member = OfferMemberField(read_only=True)
    language = LanguageCodeField(read_only=True)
    address = AddressField(read_only=True)
    opening_hours = OpeningHoursField(read_only=True)


class TargetGroupFilter(APIFilter):
    """``?target_group=trans`` (several comma-separated: any of them); offers open to
    everyone match every target group."""

    def apply(self, queryset, request):
        values = self.values(request)
        if not values:
            return queryset
        unknown = [value for value in values if value not in TargetGroup.values]
        if unknown:
            raise BadRequestError(
                f"{self.param}: unknown value(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(TargetGroup.values)}"
            )
        matching = queryset.none()
        for value in values:
            matching = matching | for_target_group(queryset, value)
        return matching


class LanguageFilter(APIFilter):
    """``?locale=de|en``: offers in that language."""

    def apply(self, queryset, request):
        values = self.values(request)
        if not values:
            return queryset
        allowed = [code for code, _name in settings.LANGUAGES]
        unknown = [value for value in values if value not in allowed]
        if unknown:
            raise BadRequestError(
                f"{self.param}: unknown language(s) {', '.join(unknown)}; "
                f"allowed: {', '.join(allowed)}"
            )
        return queryset.filter(locale__language_code__in=values)


class BooleanFilter(APIFilter):
    def apply(self, queryset, request):
        raw = request.GET.get(self.param)
        if raw is None or raw == "":
            return queryset
        if raw not in ("true", "false"):
            raise BadRequestError(f"{self.param}: use true or false")
        return queryset.filter(**{self.field: raw == "true"})


class OffersAPIViewSet(PublicModelAPIViewSet):
    """Offers and contact points: ``?district=<ARS>``, ``?kind=``, ``?target_group=``,
    ``?locale=``, ``?remote_only=true|false``, ``?search=``."""

    model = Offer
    name = "offers"
    base_serializer_class = OfferSerializer
    body_fields = [
        "id",
        "name",
        "kind",
        "description",
        "target_groups",
        "district",
        "address",
        "remote_only",
        "opening_hours",
        "hours",
        "phone",
        "email",
        "website",
        "languages",
        "step_free",
        "accessible_toilet",
        "hearing_loop",
        "anonymous",
        "member",
        "language",
    ]
    meta_fields = ["type", "detail_url"]
    listing_default_fields = [
        "id",
        "type",
        "detail_url",
        "name",
        "kind",
        "target_groups",
        "district",
        "address",
        "remote_only",
        "member",
        "language",
    ]
    nested_default_fields = ["id", "name"]
    filter_backends = [FieldsFilter, OrderingFilter]
    api_filters = [
        DistrictFilter(),
        ChoiceFilter("kind"),
        TargetGroupFilter("target_group"),
        LanguageFilter("locale"),
        BooleanFilter("remote_only"),
        TextFilter(fields=["name", "description", "town"]),
    ]

    def get_public_queryset(self):
        return (
            super()
            .get_public_queryset()
            .filter(live=True, member__active=True, member__legal_pages_live=True)
            .select_related("district", "member__site", "locale")
            .prefetch_related("opening_hours")
        )
