"""Pages with German text for the search tests: built for real, published through revisions."""

import itertools

from django.utils.text import slugify
from wagtail.rich_text import RichText

from home.models import StandardPage

from .factories import make_news, news_index_of

_numbers = itertools.count(1)


def make_page(parent, title, text="", *, intro="", publish=True, slug=None, **fields):
    """A standard page below ``parent`` whose body is one paragraph of ``text``."""
    page = StandardPage(
        title=title,
        slug=slug or _slug(title),
        intro=intro,
        body=[("paragraph", RichText(f"<p>{text}</p>"))] if text else [],
        locale=parent.locale,
        live=publish,
        **fields,
    )
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def make_article(home, title, teaser, **fields):
    return make_news(news_index_of(home), 1, title=title, teaser=teaser, **fields)[0]


def _slug(title):
    return f"{slugify(title.replace('*', '-').replace(':', '-'))[:40] or 'seite'}-{next(_numbers)}"
