"""Which fields of each page type the API shows, kept beside the API rather than in every
model. A model may also declare ``api_fields`` itself (Wagtail's own mechanism); both are used."""

from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from home.images import specs_for

SOCIAL_SPEC = specs_for("social")[0]

_TEXT_PAGE = [APIField("intro"), APIField("body")]

API_FIELDS = {
    "home.homepage": _TEXT_PAGE,
    "home.standardpage": _TEXT_PAGE,
    "microsites.micrositehomepage": _TEXT_PAGE,
    "news.newsindexpage": [APIField("intro")],
    "news.newspage": [
        APIField("date"),
        APIField("kind"),
        APIField("teaser"),
        APIField("author_line"),
        APIField("lead_image"),
        APIField("lead_image_alt"),
        APIField(
            "lead_image_social", serializer=ImageRenditionField(SOCIAL_SPEC, source="lead_image")
        ),
        APIField("show_in_network"),
        APIField("body"),
    ],
}


def registered_api_fields(model):
    return list(API_FIELDS.get(model._meta.label_lower, []))
