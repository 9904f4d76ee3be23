"""A reader who only reads gets no cookie, opens no session, writes nothing and loads nothing
from anyone else."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import make_image, make_news, news_index_of

READER_PATHS = [
    "/",
    "/en/",
    "/aktuelles/",
    "/en/news/",
    "/kontakt/",
    "/suche/?q=netz",
    "/gibt-es-nicht/",
]
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.IGNORECASE)


@pytest.fixture
def content(member):
    from tests.factories import homes_of

    image = make_image("Leitbild", collection=member.collection)
    make_news(news_index_of(homes_of(member)["de"]), 2, image=image)


@pytest.mark.parametrize("path", READER_PATHS)
def test_reading_sets_no_cookie_and_writes_nothing(host_client, content, path):
    client = host_client("queer-vogtland.localhost")
    client.get(path)  # warm caches the way a previous reader would
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code in (200, 404)
    assert not response.cookies, f"{path} set {list(response.cookies)}"
    writes = [q["sql"] for q in queries if WRITE.match(q["sql"])]
    assert writes == []


@pytest.mark.parametrize("path", [p for p in READER_PATHS if isinstance(p, str)])
def test_pages_reference_only_their_own_origin(host_client, content, path):
    html = host_client("queer-vogtland.localhost").get(path).content.decode()
    loaded = re.findall(
        r'<(?:script|img|link|source|iframe)[^>]+(?:src|href|srcset)="([^"]+)"', html
    )
    external = [
        url
        for url in loaded
        if url.startswith(("http://", "https://", "//")) and "localhost" not in url
    ]
    assert external == []


@pytest.mark.parametrize("path", [p for p in READER_PATHS if isinstance(p, str)])
def test_markup_is_ready_for_a_strict_content_security_policy(host_client, content, path):
    html = host_client("queer-vogtland.localhost").get(path).content.decode()
    # JSON-LD is a data block (type="application/ld+json"): never executed, so script-src does
    # not apply to it; every other script must come from a file.
    inline = r'<script(?![^>]*\b(?:src=|type="application/ld\+json"))[^>]*>'
    assert not re.search(inline, html), "inline script"
    assert not re.search(r"\son[a-z]+=", html), "event handler attribute"
    assert not re.search(r"\sstyle=", html), "style attribute"
    assert "<style" not in html
