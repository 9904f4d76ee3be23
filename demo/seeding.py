"""Builds the demo network. Every step looks before it creates, so re-running changes nothing.

Apps add their own demo content with the ``seed_demo`` hook: a function taking the
``DemoContext`` below, registered in the app's ``wagtail_hooks.py`` (use ``order`` to run after
others). Hook functions must be idempotent as well."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Collection, Page

from accounts.devices import create_totp_device, key_hex_from_base32
from accounts.policy import totp_devices
from districts.models import District
from editorial.notifications import paused as notifications_paused
from home.models import StandardPage
from legal.models import AccessibilityStatementPage, ImprintPage, PrivacyPage
from microsites.models import Member, MemberSiteSettings, SiteSettings
from microsites.provisioning import (
    lag_staff_group,
    member_homes,
    network_collection,
    provision_member,
    provision_network,
    umbrella_homes,
)
from news.models import NewsIndexPage, NewsPage

from . import content
from .images import demo_image


@dataclass
class DemoContext:
    umbrella: dict  # language code -> umbrella HomePage
    members: dict = field(default_factory=dict)  # slug -> Member
    today: date = field(default_factory=timezone.localdate)
    lines: list = field(default_factory=list)

    def log(self, text):
        self.lines.append(text)

    def homes(self, member):
        """language code -> home page of the member's microsite."""
        return member_homes(member)

    def image(self, title, collection=None, alt=""):
        """A locally drawn demo image (created once, then reused)."""
        return demo_image(title, collection or network_collection(), alt=alt)


def _stream(blocks):
    """Demo text as StreamField data for BaseStreamBlock."""
    data = []
    for kind, value in blocks:
        if kind == "heading":
            data.append(("heading", {"text": value, "level": "h2"}))
        elif kind == "paragraph":
            data.append(("paragraph", value))
        elif kind == "quote":
            data.append(("quote", {"text": value, "attribution": settings.NETWORK_NAME}))
        elif kind == "faq":
            items = [{"question": q, "answer": a} for q, a in value]
            data.append(("accordion", {"title": "", "items": items}))
    return data


def _publish(page):
    page.save_revision().publish()


def ensure_child(parent, model, slug, **fields):
    """The child page of ``parent`` with this slug, created and published if missing."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    _publish(page)
    return page, True


def ensure_translation(source, parent, model, slug, **fields):
    existing = model.objects.filter(
        translation_key=source.translation_key, locale=parent.locale
    ).first()
    if existing:
        return existing
    page = model(slug=slug, locale=parent.locale, translation_key=source.translation_key, **fields)
    parent.add_child(instance=page)
    _publish(page)
    return page


def seed_users(context):
    User = get_user_model()
    accounts = []
    if not User.objects.filter(username="admin").exists():
        User.objects.create_superuser("admin", "admin@example.org", content.DEMO_PASSWORD)
    accounts.append(("admin", "Administration (superuser)"))
    staff, _created = User.objects.get_or_create(
        username="lag",
        defaults={"email": "lag@example.org", "first_name": "LAG", "last_name": "Redaktion"},
    )
    if _created:
        staff.set_password(content.DEMO_PASSWORD)
        staff.save()
    staff.groups.add(lag_staff_group())
    for member in context.members.values():
        editor, created = User.objects.get_or_create(
            username=member.slug,
            defaults={
                "email": f"redaktion@{member.slug}.example.org",
                "first_name": "Redaktion",
                "last_name": member.short_name,
            },
        )
        if created:
            editor.set_password(content.DEMO_PASSWORD)
            editor.save()
        editor.groups.add(member.editors_group)
        if member.requires_member_approval:
            approver, created = User.objects.get_or_create(
                username=f"{member.slug}-freigabe",
                defaults={
                    "email": f"vorstand@{member.slug}.example.org",
                    "first_name": "Vorstand",
                    "last_name": member.short_name,
                },
            )
            if created:
                approver.set_password(content.DEMO_PASSWORD)
                approver.save()
            approver.groups.add(member.approvers_group)
            _give_demo_app(approver)
    _give_demo_app(User.objects.get(username="admin"))
    _give_demo_app(staff)


def _give_demo_app(user):
    """The demo's authenticator app for an account that must have a second factor."""
    if not totp_devices(user).exists():
        create_totp_device(user, key_hex=key_hex_from_base32(content.DEMO_TOTP_SECRET))


UMBRELLA_ADDRESS = "Musterstraße 1\n01067 Dresden"


def _fill_legal_pages(
    home, owner, email, language_code, address=UMBRELLA_ADDRESS, court="Amtsgericht Dresden"
):
    """Impressum, Datenschutz and Barrierefreiheit with the owner's own seat and register."""
    for page in home.get_children().specific():
        changed = False
        if isinstance(page, ImprintPage) and not page.address:
            page.address = address
            page.represented_by = "Alex Beispiel, Sam Muster (Vorstand)"
            page.register_court = court
            page.register_number = "VR 0000 (Demo)"
            page.contact_email = email
            page.responsible_person = "Alex Beispiel"
            page.responsible_address = page.address
            changed = True
        elif isinstance(page, PrivacyPage) and not page.body:
            page.contact_email = email
            page.body = (
                "<p>Nachrichten über das Kontaktformular werden nur zur Bearbeitung deines Anliegens gespeichert und danach gelöscht.</p>"
                if language_code == "de"
                else "<p>Messages sent through the contact form are stored only to deal with your request and deleted afterwards.</p>"
            )
            changed = True
        elif isinstance(page, AccessibilityStatementPage) and not page.statement_date:
            page.contact_email = email
            page.enforcement_body = content.ENFORCEMENT_BODY[language_code]
            page.statement_date = date(2026, 11, 1)
            page.known_issues = (
                "<p>Einige ältere PDF-Dokumente sind noch nicht barrierefrei. Auf Anfrage schicken wir sie in einem zugänglichen Format.</p>"
                if language_code == "de"
                else "<p>Some older PDF documents are not yet accessible. On request we send them in an accessible format.</p>"
            )
            changed = True
        if changed or (
            isinstance(page, ImprintPage | PrivacyPage | AccessibilityStatementPage)
            and not page.live
        ):
            _publish(page)


def seed_umbrella(context):
    homes = context.umbrella
    site_settings = SiteSettings.objects.get(site__root_page=homes["de"])
    if not site_settings.tagline:
        site_settings.tagline = "Landesarbeitsgemeinschaft der queeren Vereine in Sachsen"
        site_settings.contact_email = "info@example.org"
        site_settings.contact_address = f"LAG Queeres Netzwerk Sachsen\n{UMBRELLA_ADDRESS}"
        site_settings.save()
    for code, home in homes.items():
        if not home.intro:
            home.intro = content.UMBRELLA["intro"][code]
            _publish(home)
        _fill_legal_pages(home, settings.NETWORK_NAME, "info@example.org", code)
    about = content.UMBRELLA["about"]
    de_about, _ = ensure_child(
        homes["de"],
        StandardPage,
        about["slug"]["de"],
        title=about["title"]["de"],
        intro=about["intro"]["de"],
        body=_stream(about["body"]["de"]),
        show_in_menus=True,
    )
    ensure_translation(
        de_about,
        homes["en"],
        StandardPage,
        about["slug"]["en"],
        title=about["title"]["en"],
        intro=about["intro"]["en"],
        body=_stream(about["body"]["en"]),
        show_in_menus=True,
    )
    seed_news(context, homes, content.UMBRELLA["news"], network_collection(), "LAG-Geschäftsstelle")


def seed_news(context, homes, items, collection, author):
    indexes = {code: NewsIndexPage.objects.child_of(home).first() for code, home in homes.items()}
    for number, item in enumerate(items):
        if isinstance(item, tuple):
            kind, days_ago, de_text, en_text = item
        else:
            kind, days_ago, de_text, en_text = (
                item["kind"],
                item["days_ago"],
                item["de"],
                item["en"],
            )
        title, teaser, text = de_text
        slug = (
            "".join(
                c if c.isalnum() else "-"
                for c in title.lower()
                .replace("ü", "ue")
                .replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ß", "ss")
            )
            .strip("-")[:60]
            .strip("-")
        )
        image = context.image(title, collection) if number % 2 == 0 else None
        fields = {
            "kind": kind,
            "date": context.today - timedelta(days=days_ago),
            "author_line": author,
            "lead_image": image,
            "lead_image_alt": "",
        }
        de_page, created = ensure_child(
            indexes["de"],
            NewsPage,
            slug,
            title=title,
            teaser=teaser,
            body=_stream([("paragraph", f"<p>{text}</p>")]),
            **fields,
        )
        if created:
            context.log(f"Nachricht: {title}")
        if en_text:
            en_title, en_teaser, en_body = en_text
            ensure_translation(
                de_page,
                indexes["en"],
                NewsPage,
                slug,
                title=en_title,
                teaser=en_teaser,
                body=_stream([("paragraph", f"<p>{en_body}</p>")]),
                **fields,
            )


def seed_members(context):
    for spec in content.MEMBERS:
        member = Member.objects.filter(slug=spec["slug"]).first()
        if member is None:
            member = Member(
                slug=spec["slug"],
                name=spec["name"],
                short_name=spec["short_name"],
                district=District.objects.get(ars=spec["district"]),
                town=spec["town"],
                contact_email=f"kontakt@{spec['slug']}.example.org",
                website=f"https://{spec['slug']}.example.org/",
                requires_member_approval=spec.get("requires_member_approval", False),
            )
            context.log(f"Mitglied: {member.name}")
        # Also repairs existing members, e.g. their site's port after `PORT=9000 make run`.
        provision_member(member)
        context.members[member.slug] = member
        homes = member_homes(member)
        # A member's site settings change through its MemberSiteSettings; publishing them
        # (as the LAG's approval does) gives readers the new values.
        site_settings = MemberSiteSettings.objects.get(member=member)
        if site_settings.primary_colour != spec["colours"][0] or not site_settings.logo_id:
            site_settings.primary_colour, site_settings.accent_colour = spec["colours"]
            site_settings.logo = context.image(f"Logo {member.short_name}", member.collection)
            site_settings.contact_email = member.contact_email
            site_settings.contact_address = f"{member.name}\n{spec['address']}"
            site_settings.save_revision().publish()
        if member.logo_id is None:
            member.logo = site_settings.logo
            member.save(update_fields=["logo"])
        for code, home in homes.items():
            if not home.intro:
                home.intro = spec["intro"][code]
                _publish(home)
            _fill_legal_pages(
                home,
                member.name,
                member.contact_email,
                code,
                spec["address"],
                spec["register_court"],
            )
        seed_news(context, homes, spec["news"], member.collection, "Vorstand")


@transaction.atomic
def seed_demo():
    # The demo's people are fictitious: nobody is e-mailed about what seeding publishes.
    with notifications_paused():
        provision_network()
        context = DemoContext(umbrella=umbrella_homes())
        seed_umbrella(context)
        seed_members(context)
        seed_users(context)
        for hook in hooks.get_hooks("seed_demo"):
            hook(context)
    return context


def demo_is_seeded():
    return (
        Member.objects.exists()
        and Page.objects.filter(depth=2).exists()
        and Collection.objects.exists()
    )
