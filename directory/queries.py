"""What readers and machines may see of the offers, in one place.

Public means: ``live`` (a draft never shows; unpublished changes of a live offer stay in its
revisions) and owned by an *active* member. In a language other than German, an offer appears
in its translation where one is live, otherwise in its German original, so a reader of the
English site still finds every offer; the original is never shown next to its translation."""

from django.conf import settings
from django.db.models import Q
from wagtail.search.backends import get_search_backend

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


def search_offers(query, language_code, locale_ids, member_ids, limit):
    """Public offers of ``member_ids`` matching ``query`` in the search index, in the reader's
    language (German originals standing in for missing translations), best first.
    ``locale_ids``: the ids of the reader's locale and of German.

    Returns ``(offers, more)``: at most ``limit`` offers and whether there are more. A fixed
    number of queries: the search itself and, outside German, one for the translated keys."""
    default_code = settings.LANGUAGE_CODE
    candidates = Offer.objects.filter(
        live=True, member__in=list(member_ids), locale__in=list(locale_ids)
    ).select_related("district", "member__site", "locale")
    # The index filters on the offer's own fields; the member's state is in ``member_ids``.
    found = list(get_search_backend().search(query, candidates)[: limit * 2 + 1])
    if language_code != default_code:
        translated = set(
            live_offers()
            .filter(
                locale__language_code=language_code,
                translation_key__in=[offer.translation_key for offer in found],
            )
            .values_list("translation_key", flat=True)
        )
        found = [
            offer
            for offer in found
            if offer.locale.language_code == language_code
            or offer.translation_key not in translated
        ]
    return found[:limit], len(found) > limit
