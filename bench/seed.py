"""Seed a benchmark network into the database DATABASE_URL names: the umbrella site and
``--members`` members with 20 news, 10 events and 10 offers each, half of them translated into
English and half of them shown in the network. Fast: members are provisioned as in production,
their content is added to the page tree without revisions or search indexing, and the search
index is built once at the end. Writes nothing if the database already holds this seed.

    python bench/seed.py --members 100       # DJANGO_SETTINGS_MODULE and DATABASE_URL set
    python bench/seed.py --members 100 --extend 10   # a copy of the 10-member database
"""

import argparse
import os
import sys
import time
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

# Bump when what is seeded changes: a bench database with another version is seeded anew.
SEED_VERSION = 1
NEWS, EVENTS, OFFERS = 20, 10, 10
DISTRICTS = ["14523", "14625", "14713", "14612", "14522", "14521", "14626", "14627"]
STAFF_USERNAME = "bench-lag"
STAFF_PASSWORD = "bench-netzwerk-demo"  # noqa: S105 - a throw-away benchmark database


def seed_marker(members):
    return f"bench-seed-v{SEED_VERSION}-members-{members}"


def is_seeded(members):
    from wagtail.models import Site

    return Site.objects.filter(site_name=seed_marker(members)).exists()


def seed(members, first=0):
    from django.conf import settings
    from django.core.management import call_command
    from django.utils import timezone
    from wagtail.models import Locale, Site

    from directory.models import Offer
    from districts.models import District
    from eventcalendar.models import EventIndexPage, EventPage
    from microsites.models import Member
    from microsites.provisioning import (
        lag_staff_group,
        member_homes,
        provision_member,
        provision_network,
    )
    from news.models import NewsIndexPage, NewsPage

    # Indexed once at the end instead of page by page.
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False

    started = time.monotonic()
    if first == 0:
        provision_network()
    districts = {d.ars: d for d in District.objects.filter(ars__in=DISTRICTS)}
    en = Locale.objects.get(language_code="en")
    now = timezone.now()
    today = timezone.localdate()

    for number in range(first, members):
        slug = f"bench-{number:03d}"
        ars = DISTRICTS[number % len(DISTRICTS)]
        member = Member(
            slug=slug,
            name=f"Benchmark-Verein {number:03d} e. V.",
            short_name=f"Verein {number:03d}",
            contact_email=f"kontakt@{slug}.example.org",
            district=districts[ars],
            town="Plauen",
        )
        provision_member(member)
        homes = member_homes(member)
        news_index = {c: NewsIndexPage.objects.child_of(h).get() for c, h in homes.items()}
        events_index = {c: EventIndexPage.objects.child_of(h).get() for c, h in homes.items()}
        for n in range(NEWS):
            fields = {
                "teaser": f"Beratung und Treffen im Verein {number:03d}, Meldung {n}.",
                "date": today - timedelta(days=n),
                "show_in_network": n % 2 == 0,
                "live": True,
                "first_published_at": now - timedelta(days=n),
            }
            page = NewsPage(
                title=f"Meldung {n} von Verein {number:03d}",
                slug=f"meldung-{n}",
                locale=news_index["de"].locale,
                **fields,
            )
            news_index["de"].add_child(instance=page)
            if n % 2 == 0:
                news_index["en"].add_child(
                    instance=NewsPage(
                        title=f"News {n} from association {number:03d}",
                        slug=f"meldung-{n}",
                        locale=en,
                        translation_key=page.translation_key,
                        **fields,
                    )
                )
        for n in range(EVENTS):
            fields = {
                "teaser": f"Treffen {n} des Vereins {number:03d}.",
                "start": now + timedelta(days=(number + n * 7) % 120 + 1, hours=2),
                "town": "Plauen",
                "district": districts[ars],
                "show_in_network": n % 2 == 0,
                "live": True,
                "first_published_at": now,
            }
            page = EventPage(
                title=f"Treffen {n} von Verein {number:03d}",
                slug=f"treffen-{n}",
                locale=events_index["de"].locale,
                **fields,
            )
            events_index["de"].add_child(instance=page)
            if n % 2 == 0:
                events_index["en"].add_child(
                    instance=EventPage(
                        title=f"Meeting {n} of association {number:03d}",
                        slug=f"treffen-{n}",
                        locale=en,
                        translation_key=page.translation_key,
                        **fields,
                    )
                )
        for n in range(OFFERS):
            fields = {
                "member": member,
                "kind": "beratung" if n % 2 == 0 else "gruppe",
                "target_groups": ["alle"],
                "district": districts[ars],
                "town": "Plauen",
                "phone": "03741 12345",
                "live": True,
            }
            offer = Offer(
                name=f"Beratung {n} im Verein {number:03d}",
                locale=news_index["de"].locale,
                **fields,
            )
            offer.save()
            if n % 2 == 0:
                Offer(
                    name=f"Counselling {n} at association {number:03d}",
                    locale=en,
                    translation_key=offer.translation_key,
                    **fields,
                ).save()
        if number % 10 == 9:
            print(f"  {number + 1} members seeded ({time.monotonic() - started:.0f} s)", flush=True)

    from django.contrib.auth import get_user_model

    staff, _created = get_user_model().objects.get_or_create(
        username=STAFF_USERNAME, defaults={"email": f"{STAFF_USERNAME}@example.org"}
    )
    staff.set_password(STAFF_PASSWORD)
    staff.save()
    staff.groups.add(lag_staff_group())
    call_command("update_index", verbosity=0)
    umbrella = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=umbrella.pk).update(site_name=seed_marker(members))
    print(f"Seeded {members} members in {time.monotonic() - started:.0f} s", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--members", type=int, default=100)
    parser.add_argument(
        "--extend",
        type=int,
        default=0,
        help="the database already holds this seed with EXTEND members: add the rest",
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if is_seeded(args.members):
        print(f"Bench database with {args.members} members is seeded (v{SEED_VERSION}).")
        return
    seed(args.members, first=args.extend if args.extend and is_seeded(args.extend) else 0)


if __name__ == "__main__":
    main()
