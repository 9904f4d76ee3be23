"""What a page says about itself to search engines and social media, with fallbacks.

Description: the page's own search description, else its teaser or introduction, else the
site's tagline. Image: the page's social image, else its listing/lead image, else the site's logo,
else the member's logo."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

DESCRIPTION_LENGTH = 160
DESCRIPTION_FIELDS = ("search_description", "teaser", "intro")


def page_description(page, site_context):
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, "") if page is not None else ""
        text = " ".join(strip_tags(str(value or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    tagline = getattr(site_context.settings, "tagline", "") if site_context else ""
    return tagline or ""


def social_image(page, site_context):
    """(image, alt text) for sharing the page, or (None, "")."""
    if page is not None:
        image = getattr(page, "social_image", None)
        if image is not None:
            return image, page.title
        lead = getattr(page, "listing_image", None)
        if lead is not None:
            alt = (
                getattr(page, "lead_image_alt", "")
                if lead == getattr(page, "lead_image", None)
                else ""
            )
            return lead, alt or page.title
    if site_context is not None:
        site_settings = site_context.settings
        if getattr(site_settings, "logo", None) is not None:
            return site_settings.logo, str(site_settings.site_name)
        member = site_context.member
        if member is not None and member.logo is not None:
            return member.logo, member.name
    return None, ""
