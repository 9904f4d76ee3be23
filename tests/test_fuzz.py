"""Hostile input everywhere, from a seeded generator: at least 10,000 requests per run to every
public URL pattern, the API, the CSP report endpoint and the main admin forms (as a member editor
and as LAG staff) — odd paths, query strings, headers, form bodies and uploads. None may answer
5xx, and no HTML answer may reflect the input unescaped.

``QNS_FUZZ_SEED`` replays a run; ``QNS_FUZZ_REQUESTS`` changes its size (default 10,000)."""

import os
import random
import string
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from contact.models import ContactPage

from .factories import homes_of, make_image, make_news, news_index_of

MARKER = "<script>qnsfuzz</script>"
REQUESTS = int(os.environ.get("QNS_FUZZ_REQUESTS", "10000"))
SEED = int(os.environ.get("QNS_FUZZ_SEED", "20261204"))

NASTY = [
    MARKER,
    f'"><img src=x onerror=alert(1)>{MARKER}',
    "' OR 1=1 --",
    "../../../../etc/passwd",
    "%00",
    "\x00",
    "\u202e\u0645\u0631\u062d\u0628\u0627",
    "🏳️‍🌈" * 50,
    "Berater*innen",
    "{{7*7}}{% debug %}",
    "%s%n%x",
    str(2**63),
    str(-(2**63) - 1),
    "9" * 400,
    "-1",
    "0",
    "1e309",
    "NaN",
    "2026-02-30",
    "0000-00-00",
    "2026-13-45T25:61",
    "true",
    "",
    " ",
    "a" * 5000,
    "\r\nSet-Cookie: x=1",
    "javascript:alert(1)",
    "14523,99999,<b>",
    "de,en,xx",
    "all",
    "null",
    "[]",
    "{}",
]
PARAMS = [
    "q",
    "offset",
    "limit",
    "site",
    "locale",
    "kind",
    "district",
    "target_group",
    "date_from",
    "date_to",
    "start_from",
    "start_to",
    "fields",
    "order",
    "search",
    "type",
    "child_of",
    "descendant_of",
    "id",
    "title",
    "art",
    "kreis",
    "monat",
    "ansicht",
    "page",
    "seite",
    "v",
    "p",
    "sort",
    "collection_id",
]
API = ["pages", "news", "events", "offers", "images", "documents", "members", "districts"]
HOSTS = ["localhost", "queer-vogtland.localhost"]


def nasty(rng):
    value = rng.choice(NASTY)
    if rng.random() < 0.3:
        value += "".join(rng.choices(string.printable, k=rng.randint(1, 30)))
    return value


def query(rng):
    return {rng.choice(PARAMS): nasty(rng) for _ in range(rng.randint(1, 4))}


def public_paths(ids):
    return (
        [
            "/",
            "/en/",
            "/suche/",
            "/en/search/",
            "/angebote/",
            "/en/offers/",
            "/veranstaltungen/",
            "/en/events/",
            "/mitglieder/",
            "/aktuelles/",
            "/kontakt/",
            "/en/contact/",
            "/feeds/news.rss",
            "/feeds/news.atom",
            "/en/feeds/news.rss",
            "/feeds/network.rss",
            "/feeds/events.ics",
            "/feeds/network-events.ics",
            f"/feeds/events/{ids['page']}.ics",
            "/feeds/events/99999999999999999999.ics",
            "/sitemap.xml",
            "/robots.txt",
            "/brand.css",
            f"/documents/{ids['document']}/flyer.pdf",
            "/documents/999999999999999999999/x.pdf",
            "/gibt-es-nicht/",
            f"/{MARKER}/",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/-/csp-report/",
            "/-/health/",
        ]
        + [f"/api/v2/{name}/" for name in API]
        + [f"/api/v2/{name}/{number}/" for name in API for number in (ids["page"], 2**63, 0)]
    )


def check(response, sent, counts):
    counts["requests"] += 1
    assert response.status_code < 500, (response.status_code, sent)
    content_type = response.get("Content-Type", "")
    if "html" in content_type and hasattr(response, "content"):
        assert MARKER.encode() not in response.content, ("unescaped", sent)


def wire(value):
    """A header value as a server hands it over: its UTF-8 bytes read as Latin-1 (WSGI), no
    line breaks or NUL (no server passes those on)."""
    value = value.replace("\x00", "").replace("\r", "").replace("\n", "")
    return value.encode("utf-8").decode("latin-1")


def header_noise(rng):
    headers = {}
    for name in (
        "HTTP_ACCEPT_LANGUAGE",
        "HTTP_X_FORWARDED_FOR",
        "HTTP_REFERER",
        "HTTP_ORIGIN",
        "HTTP_COOKIE",
        "HTTP_IF_MODIFIED_SINCE",
        "HTTP_IF_NONE_MATCH",
        "HTTP_RANGE",
        "HTTP_USER_AGENT",
        "HTTP_X_FORWARDED_PROTO",
    ):
        if rng.random() < 0.3:
            headers[name] = wire(nasty(rng))
    return headers


@pytest.fixture
def world(member, member_editor, lag_staff):
    homes = homes_of(member)
    image = make_image("Bild")
    news = make_news(news_index_of(homes["de"]), 2, image=image)
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    document = get_document_model()(title="Flyer")
    document.file.save("flyer.pdf", ContentFile(b"%PDF-1.4"), save=True)
    contact = ContactPage.objects.child_of(homes["de"]).get().specific
    return {
        "ids": {"page": news[0].pk, "document": document.pk, "image": image.pk},
        "homes": homes,
        "contact": contact,
        "editor": member_editor,
        "staff": lag_staff,
        "member": member,
    }


def admin_targets(world):
    """(url, method, kind) of the main admin screens and forms."""
    home = world["homes"]["de"]
    news = world["ids"]["page"]
    site = world["member"].site.pk
    return [
        ("/admin/", "get", "get"),
        ("/admin/pages/", "get", "get"),
        (f"/admin/pages/{home.pk}/", "get", "get"),
        ("/admin/pages/search/", "get", "get"),
        ("/admin/images/", "get", "get"),
        ("/admin/documents/", "get", "get"),
        ("/admin/snippets/directory/offer/", "get", "get"),
        (reverse("wagtailadmin_pages:edit", args=[news]), "post", "form"),
        (reverse("wagtailadmin_pages:add", args=["home", "standardpage", home.pk]), "post", "form"),
        ("/admin/snippets/directory/offer/add/", "post", "form"),
        (f"/admin/settings/microsites/sitesettings/{site}/", "post", "form"),
        (reverse("wagtailimages:add"), "post", "upload"),
        (reverse("wagtaildocs:add"), "post", "upload"),
        (reverse("wagtailimages:add_multiple"), "post", "multi-upload"),
    ]


def random_file(rng):
    kind = rng.choice(["png", "jpg", "webp", "pdf", "svg", "html", "txt"])
    prefix = {
        "png": b"\x89PNG\r\n\x1a\n",
        "jpg": b"\xff\xd8\xff\xe0",
        "webp": b"RIFF\x00\x00\x00\x00WEBP",
        "pdf": b"%PDF-1.4",
        "svg": b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script>",
        "html": MARKER.encode(),
        "txt": b"",
    }[kind]
    body = prefix + rng.randbytes(rng.randint(0, 600))
    name = rng.choice([f"x.{kind}", f"{MARKER}.{kind}", "../../evil.png", "a" * 300 + ".png"])
    return SimpleUploadedFile(name, body)


def form_body(rng, kind):
    fields = [
        "title",
        "slug",
        "body-count",
        "body-0-type",
        "body-0-value",
        "social_links-count",
        "name",
        "teaser",
        "intro",
        "collection",
        "tags",
        "district",
        "town",
        "kind",
        "primary_colour",
        "accent_colour",
        "site_name",
        "comments-TOTAL_FORMS",
        "action-publish",
        "action-submit",
        "go_live_at",
        "date",
        "seo_title",
    ]
    data = {rng.choice(fields): nasty(rng) for _ in range(rng.randint(1, 8))}
    if kind in ("upload", "multi-upload"):
        data["files[]" if kind == "multi-upload" else "file"] = random_file(rng)
        data.setdefault("title", nasty(rng))
    return data


@pytest.mark.django_db
def test_hostile_input_never_reaches_a_server_error(world, settings):
    from api.throttling import PublicAPIThrottle

    rng = random.Random(SEED)
    settings.CONTACT_RATE_LIMIT = (10**9, 600)
    PublicAPIThrottle.THROTTLE_RATES = {"public_api": "1000000/minute"}
    readers = {host: Client(HTTP_HOST=host, raise_request_exception=True) for host in HOSTS}
    editors = []
    for user in (world["editor"], world["staff"]):
        # What the user receives counts: faults answered by the error handler (400, 503) are
        # responses, any other exception still a 500 that the check below catches.
        client = Client(HTTP_HOST="localhost", raise_request_exception=False)
        client.force_login(user)
        editors.append(client)
    paths = public_paths(world["ids"])
    admin = admin_targets(world)
    counts = {"requests": 0}
    spent, made = {}, {}
    started = time.perf_counter()
    try:
        while counts["requests"] < REQUESTS:
            roll = rng.random()
            before = time.perf_counter()
            if roll < 0.60:
                category = "public"
                host = rng.choice(HOSTS)
                path = rng.choice(paths)
                if rng.random() < 0.1:
                    path += nasty(rng).replace("\x00", "").replace("\r\n", "")[:100]
                params = query(rng)
                sent = (host, path, params)
                response = readers[host].get(path, params, **header_noise(rng))
            elif roll < 0.82:
                category = "host"
                host = rng.choice(HOSTS + ["nirgends.example", nasty(rng)[:60] or "x"])
                host = wire(host)
                sent = ("host", host)
                response = Client(HTTP_HOST=host, raise_request_exception=True).get(
                    rng.choice(paths)
                )
            elif roll < 0.87:
                category = "contact"
                page = world["contact"]
                data = {
                    rng.choice(
                        [
                            "nachricht",
                            "name_freiwillig",
                            "e_mail_adresse_fur_die_antwort",
                            "form_started",
                            "hp_website",
                            "x",
                        ]
                    ): nasty(rng)
                    for _ in range(rng.randint(1, 5))
                }
                sent = ("contact", data)
                response = readers["queer-vogtland.localhost"].post(
                    page.url,
                    data,
                    HTTP_ORIGIN=wire(
                        rng.choice(
                            ["http://queer-vogtland.localhost", "http://evil.example", nasty(rng)]
                        )
                    ),
                )
            elif roll < 0.96:
                category = "csp-report"
                body = nasty(rng).encode()
                sent = ("csp-report", body[:80])
                response = readers["localhost"].post(
                    "/-/csp-report/",
                    body,
                    content_type=wire(
                        rng.choice(
                            ["application/csp-report", "application/reports+json", nasty(rng)]
                        )
                    ),
                )
            else:
                category = "admin"
                client = rng.choice(editors)
                url, method, kind = rng.choice(admin)
                if method == "get" or rng.random() < 0.2:
                    params = query(rng)
                    sent = ("admin-get", url, params)
                    response = client.get(url, params)
                else:
                    data = form_body(rng, kind)
                    sent = ("admin-post", url, {k: str(v)[:80] for k, v in data.items()})
                    headers = (
                        {"headers": {"x-requested-with": "XMLHttpRequest"}}
                        if kind == "multi-upload"
                        else {}
                    )
                    response = client.post(url, data, **headers)
            check(response, sent, counts)
            spent[category] = spent.get(category, 0.0) + time.perf_counter() - before
            made[category] = made.get(category, 0) + 1
    finally:
        from rest_framework.settings import api_settings

        PublicAPIThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
    elapsed = time.perf_counter() - started
    print(f"\nfuzz: {counts['requests']} hostile requests in {elapsed:.1f} s (seed {SEED})")
    for category in sorted(made):
        print(f"  {category}: {made[category]} requests, {spent[category]:.1f} s")
    assert counts["requests"] >= REQUESTS
