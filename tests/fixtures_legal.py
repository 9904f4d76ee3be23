"""Legal pages for tests: a provisioned member's site is public only once its Impressum and
Datenschutzerklärung are live (see docs/content.md, "Not public before the legal pages").

``publish_legal_pages(member)`` completes and publishes them, as a member would after the
LAG's approval. Fixtures and tests that expect a member's site to answer readers call it."""

import pytest

from legal.models import AccessibilityStatementPage, ImprintPage, PrivacyPage
from microsites.provisioning import member_homes
from tests.factories import complete_legal_page

REQUIRED = (ImprintPage, PrivacyPage)


def publish_legal_pages(member, languages=("de",), models=REQUIRED):
    """Complete and publish ``models`` (default: Impressum and Datenschutzerklärung) of
    ``member`` in ``languages``; afterwards the member's site is public. Returns the pages."""
    homes = member_homes(member)
    published = []
    for code in languages:
        for model in models:
            page = model.objects.child_of(homes[code]).get()
            complete_legal_page(page).save_revision().publish()
            published.append(page)
    member.refresh_from_db()
    return published


def publish_all_legal_pages(member):
    """All three legal pages in both languages."""
    return publish_legal_pages(
        member,
        languages=("de", "en"),
        models=(ImprintPage, PrivacyPage, AccessibilityStatementPage),
    )


@pytest.fixture
def public_member(member):
    """The ``member`` fixture with its site public (Impressum and Datenschutz live)."""
    if not member.legal_pages_live:
        publish_legal_pages(member)
    return member
