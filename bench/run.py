"""Measure public page rendering on a seeded demo network and print the numbers.

    make bench            # or: python bench/run.py [--requests 50]

Seeds the demo network into a throw-away SQLite database (or the one DATABASE_URL names), then
requests every public page type repeatedly through Django's test client and prints, per page:
median and 95th percentile time, and the number of SQL queries. Nothing here asserts a time."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

PAGES = [
    ("umbrella home", "localhost", "/"),
    ("umbrella home (en)", "localhost", "/en/"),
    ("umbrella news", "localhost", "/aktuelles/"),
    ("member home", "regenbogenhaus-dresden.localhost", "/"),
    ("member news", "regenbogenhaus-dresden.localhost", "/aktuelles/"),
    ("member news (en)", "regenbogenhaus-dresden.localhost", "/en/news/"),
    ("standard page", "localhost", "/ueber-uns/"),
    ("search", "localhost", "/suche/?q=Beratung"),
    ("network calendar", "localhost", "/veranstaltungen/"),
    ("member calendar", "regenbogenhaus-dresden.localhost", "/veranstaltungen/"),
    ("month view", "localhost", "/veranstaltungen/?monat={month}"),
    ("directory", "localhost", "/angebote/"),
    ("directory filtered", "localhost", "/angebote/?bezirk=14625&art=beratung"),
    ("member directory", "localhost", "/mitglieder/"),
    ("contact form", "localhost", "/kontakt/"),
    ("network iCal", "localhost", "/feeds/network-events.ics"),
    ("API events", "localhost", "/api/v2/events/?site=all"),
    ("API offers", "localhost", "/api/v2/offers/?site=all"),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()

    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from demo.seeding import seed_demo

    call_command("migrate", verbosity=0)
    seed_demo()

    from django.utils import timezone

    from eventcalendar.models import EventPage

    event = EventPage.objects.live().filter(locale__language_code="de").first()
    site = event.get_site()
    pages = [
        (name, host, path.format(month=timezone.localdate().strftime("%Y-%m")))
        for name, host, path in PAGES
    ] + [("event page", site.hostname, event.get_url_parts()[2])]

    print(f"{'page':<22} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, host, path in pages:
        client = Client(HTTP_HOST=host)
        client.get(path)
        timings = []
        for _ in range(args.requests):
            start = time.perf_counter()
            response = client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(f"{name:<22} {statistics.median(timings):>10.1f} {p95:>8.1f} {len(queries):>8}")


if __name__ == "__main__":
    main()
