"""Parent/child rules keep every site's tree in shape."""

import pytest
from wagtail.models import Page

from contact.models import ContactPage
from home.models import HomePage, StandardPage
from legal.models import AccessibilityStatementPage, ImprintPage, PrivacyPage
from microsites.models import MicrositeHomePage
from news.models import NewsIndexPage, NewsPage

ROOT = Page


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (HomePage, ROOT, True),
        (MicrositeHomePage, ROOT, True),
        (HomePage, MicrositeHomePage, False),
        (MicrositeHomePage, HomePage, False),
        (StandardPage, HomePage, True),
        (StandardPage, MicrositeHomePage, True),
        (StandardPage, StandardPage, True),
        (StandardPage, ROOT, False),
        (StandardPage, NewsIndexPage, False),
        (NewsIndexPage, HomePage, True),
        (NewsIndexPage, MicrositeHomePage, True),
        (NewsIndexPage, StandardPage, False),
        (NewsPage, NewsIndexPage, True),
        (NewsPage, HomePage, False),
        (NewsPage, StandardPage, False),
        (NewsPage, NewsPage, False),
        (ContactPage, MicrositeHomePage, True),
        (ContactPage, StandardPage, False),
        (ImprintPage, MicrositeHomePage, True),
        (PrivacyPage, HomePage, True),
        (AccessibilityStatementPage, StandardPage, False),
    ],
)
def test_page_type_may_only_be_created_under_its_parents(child, parent, allowed):
    assert child.is_creatable and (parent in child.allowed_parent_page_models()) == allowed


def test_news_index_exists_once_per_home(member):
    from tests.factories import homes_of

    home = homes_of(member)["de"]
    assert not NewsIndexPage.can_create_at(home), "a second news index is refused"
    assert not ImprintPage.can_create_at(home), "a second Impressum is refused"
    assert StandardPage.can_create_at(home)


def test_news_articles_have_no_children():
    assert NewsPage.allowed_subpage_models() == []
