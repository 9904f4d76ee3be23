"""Profile public pages with the test client under production-like settings (DEBUG off, the
application's caches as configured) and print where the time goes.

    python bench/profile_pages.py [--requests 20] [--top 25] [path ...]

Uses the database DATABASE_URL names (default: the checkout's db.sqlite3 after `make seed`)."""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))

DEFAULT_PAGES = ["/", "/en/", "/veranstaltungen/", "/suche/?q=Beratung"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--host", default="localhost")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=args.host)
    for path in args.paths:
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        for _ in range(args.requests):
            response = client.get(path)
        profiler.disable()
        elapsed = (time.perf_counter() - start) / args.requests * 1000
        print(
            f"\n=== {path}: {response.status_code}, {elapsed:.1f} ms/request, {len(queries)} queries"
        )
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
