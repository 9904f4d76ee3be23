from rest_framework.fields import Field
from wagtail.api.v2.serializers import BaseSerializer


class DistrictField(Field):
    """A district as ``{"ars": "14523", "name": "Vogtlandkreis"}``."""

    def to_representation(self, district):
        return {"ars": district.ars, "name": district.name} if district else None


class SiteUrlField(Field):
    """The address of a member's microsite."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, member):
        return f"{member.root_url}/" if member.site_id else None


class MemberSerializer(BaseSerializer):
    district = DistrictField(read_only=True)
    site_url = SiteUrlField(read_only=True)


class DistrictSerializer(BaseSerializer):
    pass
