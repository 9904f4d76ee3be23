"""What readers and machines may see of the offers, in one place.

Public means: ``live`` (a draft never shows; unpublished changes of a live offer stay in its
revisions) and owned by an *active* member. In a language other than German, an offer appears
in its translation where one is live, otherwise in its German original, so a reader of the
English site still finds every offer; the original is never shown next to its translation."""

from django.conf import settings
from django.db.models import Q

from .choices import INCLUSIVE_TARGET_GROUP
from .fields import has_code
from .models import Offer


def live_offers():
    return Offer.objects.filter(live=True, member__active=True, member__legal_pages_live=True)


def public_offers(language_code=None, members=None):
    """Live offers of active members (optionally only of ``members``) in one language, with
    the German original standing in for a missing translation. Without a language: every
    live offer in every language."""
    offers = live_offers()
    if members is not None:
        offers = offers.filter(member__in=members)
    if language_code is None:
        return offers
    default_code = settings.LANGUAGE_CODE
    if language_code == default_code:
        return offers.filter(locale__language_code=default_code)
    translated = live_offers().filter(locale__language_code=language_code)
    return offers.filter(
        Q(locale__language_code=language_code)
        | (
            Q(locale__language_code=default_code)
            & ~Q(translation_key__in=translated.values("translation_key"))
        )
    )


def for_target_group(offers, code):
    """Offers for a target group: those that name it and those open to everyone."""
    condition = has_code("target_groups", code)
    if code != INCLUSIVE_TARGET_GROUP:
        condition |= has_code("target_groups", INCLUSIVE_TARGET_GROUP)
    return offers.filter(condition)
