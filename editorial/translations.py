"""Translations pass the same approval as originals, and are flagged when the original changes.

wagtail-localize runs in "simple" mode here: "Translate this page" creates a draft copy in the
target language, which the member's editors edit in Wagtail's normal editor and submit to their
workflow (see docs/editorial-workflow.md for the paths that are closed and how).

To notice outdated translations, each translated page remembers a fingerprint of the original's
content at the time it was translated or last published (``TranslationStatus``). When the
original is published with different content, the translation is marked outdated and the
member's editors are told.
"""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from tenancy.scoping import is_network_staff, members_for_user

from .members import member_tree_q
from .models import TranslationStatus

LOG_OUTDATED = "editorial.translation.outdated"
LOG_CURRENT = "editorial.translation.current"

# Fields that change nothing a reader of the translation would miss: the slug is per language,
# menu and network settings are decided per version.
FINGERPRINT_EXCLUDED_FIELDS = {"slug", "show_in_menus", "show_in_network"}


def content_fields(model):
    """Names of the fields whose content a translation has to carry over."""
    return [
        field.field_name
        for field in get_translatable_fields(model)
        if isinstance(field, TranslatableField | SynchronizedField)
        and field.field_name not in FINGERPRINT_EXCLUDED_FIELDS
    ]


def fingerprint(page):
    """A hash of the page's content fields as stored in the database (its live content, or its
    first draft for a page that was never published)."""
    page = page.specific
    data = page.serializable_data()
    content = {name: data.get(name) for name in content_fields(type(page))}
    encoded = json.dumps(content, sort_keys=True, cls=DjangoJSONEncoder, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def source_page_for(translation):
    """The page a translation was made from: recorded, else the default-language version."""
    status = TranslationStatus.objects.filter(page=translation).select_related("source_page")
    status = status.first()
    if status is not None:
        return status.source_page
    if translation.locale.language_code == settings.LANGUAGE_CODE:
        return None
    return (
        Page.objects.filter(
            translation_key=translation.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(pk=translation.pk)
        .first()
    )


def record_baseline(translation, source, user=None):
    """The translation now corresponds to the current content of ``source``."""
    status, created = TranslationStatus.objects.get_or_create(
        page=translation,
        defaults={
            "source_page": source,
            "source_fingerprint": fingerprint(source),
            "source_revision_id": source.live_revision_id or source.latest_revision_id,
        },
    )
    if created:
        return status
    was_outdated = status.is_outdated
    status.source_page = source
    status.source_fingerprint = fingerprint(source)
    status.source_revision_id = source.live_revision_id or source.latest_revision_id
    status.outdated_since = None
    status.outdated_by_revision = None
    status.save()
    if was_outdated:
        log(instance=translation.specific, action=LOG_CURRENT, user=user)
    return status


def record_all_baselines():
    """Give every existing translation a baseline (for content created before this existed)."""
    count = 0
    originals = Page.objects.filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
    for source in originals.iterator():
        for translation in (
            Page.objects.filter(translation_key=source.translation_key)
            .exclude(pk=source.pk)
            .exclude(editorial_translation_status__isnull=False)
        ):
            record_baseline(translation, source)
            count += 1
    return count


def translation_created(source, target, user=None):
    """wagtail-localize (or Wagtail) made ``target`` as a copy of ``source``."""
    if isinstance(target, Page):
        record_baseline(target, source, user=user)


def translation_published(page, user=None):
    """A translation that passes the workflow again is up to date with its original."""
    source = source_page_for(page)
    if source is not None:
        record_baseline(page, source, user=user)


@transaction.atomic
def source_published(page, revision=None):
    """Mark the translations of ``page`` outdated if its content changed; returns those newly
    marked. Translations that have no baseline yet get one (nothing is known about them)."""
    current = fingerprint(page)
    newly_outdated = []
    statuses = {
        status.page_id: status
        for status in TranslationStatus.objects.filter(source_page=page).select_related("page")
    }
    if page.locale.language_code == settings.LANGUAGE_CODE:
        others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
        for translation in others.exclude(pk__in=list(statuses)):
            statuses[translation.pk] = record_baseline(translation, page)
    now = timezone.now()
    for status in statuses.values():
        if status.source_fingerprint == current or status.is_outdated:
            continue
        status.outdated_since = now
        status.outdated_by_revision = revision
        status.save(update_fields=["outdated_since", "outdated_by_revision", "updated_at"])
        log(
            instance=status.page.specific,
            action=LOG_OUTDATED,
            data={
                "source": {
                    "id": page.pk,
                    "title": page.get_admin_display_title(),
                    "locale": page.locale.language_code,
                },
                "revision": {"id": revision.pk if revision else None},
            },
        )
        newly_outdated.append(status)
    return newly_outdated


def mark_current(page, user):
    """An editor confirms that the translation still says what the original says."""
    status = TranslationStatus.objects.filter(page=page).first()
    if status is None or not status.is_outdated:
        return False
    record_baseline(page, status.source_page, user=user)
    return True


def outdated_statuses():
    return TranslationStatus.objects.filter(outdated_since__isnull=False)


def outdated_page_ids_for(user):
    """Ids of the outdated translations ``user`` may edit (remembered on the user object, which
    lives for one request), so that page listings can mark them without a query per row."""
    cached = getattr(user, "_editorial_outdated_ids", None)
    if cached is None:
        statuses = outdated_statuses()
        if not is_network_staff(user):
            query = None
            for member in members_for_user(user).select_related("site__root_page"):
                tree = member_tree_q(member, field="page__path")
                query = tree if query is None else query | tree
            statuses = statuses.filter(query) if query is not None else statuses.none()
        cached = frozenset(statuses.values_list("page_id", flat=True))
        user._editorial_outdated_ids = cached
    return cached
