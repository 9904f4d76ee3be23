"""Legal pages for tests: a provisioned member's site is public only once its Impressum and
Datenschutzerklärung are live (see docs/content.md, "Not public before the legal pages").

``publish_legal_pages(member)`` completes and publishes them, as a member would after the
LAG's approval. Fixtures and tests that expect a member's site to answer readers call it."""

import pytest

from legal.models import AccessibilityStatementPage, ImprintPage, PrivacyPage
from tests.factories import publish_legal_pages


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
