"""Builders for the objects tests need: members (provisioned for real), pages, images, users."""

import io
import itertools
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from districts.models import District
from legal.models import ImprintPage, PrivacyPage
from microsites.models import Member
from microsites.provisioning import member_homes, provision_member
from news.models import NewsIndexPage, NewsPage

_counter = itertools.count(1)


def make_member(slug=None, *, district="14523", town="Plauen", public=True, **fields):
    """Provision a member; ``public`` also publishes its Impressum and Datenschutzerklärung
    (as the LAG's approval would), without which its site shows only "im Aufbau"."""
    number = next(_counter)
    slug = slug or f"verein-{number}"
    fields.setdefault("name", f"Verein {slug} e. V.")
    fields.setdefault("short_name", f"Verein {slug}")
    fields.setdefault("contact_email", f"kontakt@{slug}.example.org")
    member = Member(slug=slug, district=District.objects.get(ars=district), town=town, **fields)
    provision_member(member)
    if public:
        publish_legal_pages(member)
    return member


def publish_legal_pages(member, languages=("de",), models=(ImprintPage, PrivacyPage)):
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


def homes_of(member):
    return member_homes(member)


def news_index_of(home):
    return NewsIndexPage.objects.child_of(home).get().specific


def make_news(index, count=1, *, publish=True, image=None, **fields):
    """Create ``count`` live news items below ``index``; returns them newest first."""
    items = []
    for n in range(count):
        number = next(_counter)
        page = NewsPage(
            title=fields.get("title", f"Nachricht {number}"),
            slug=f"nachricht-{number}",
            teaser=fields.get("teaser", f"Anreißer {number}"),
            date=fields.get("date", date(2026, 1, 1) + timedelta(days=n)),
            lead_image=image,
            locale=index.locale,
            live=publish,
        )
        index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        items.append(page)
    return list(reversed(items))


def make_image(title="Testbild", collection=None, size=(320, 200), colour=(91, 42, 134)):
    buffer = io.BytesIO()
    PillowImage.new("RGB", size, colour).save(buffer, format="PNG")
    buffer.seek(0)
    image = get_image_model()(
        title=title,
        file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png"),
        collection=collection or Collection.get_first_root_node(),
    )
    image.save()
    return image


def make_user(username, *groups, password="correct-horse-battery", **fields):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password=password, **fields
    )
    if groups:
        user.groups.set(groups)
    return user


def complete_legal_page(page):
    """Fill the fields a legal page needs before it can be published (drafts may lack them)."""
    required = {
        "organisation_name": "Verein e. V.",
        "address": "Musterstraße 1\n01067 Dresden",
        "represented_by": "Alex Beispiel (Vorstand)",
        "contact_email": "kontakt@example.org",
        "responsible_person": "Alex Beispiel",
        "responsible_address": "Musterstraße 1\n01067 Dresden",
        "enforcement_body": "<p>Schlichtungsstelle nach dem BGG</p>",
    }
    for name, value in required.items():
        if hasattr(page, name) and not getattr(page, name):
            setattr(page, name, value)
    return page
